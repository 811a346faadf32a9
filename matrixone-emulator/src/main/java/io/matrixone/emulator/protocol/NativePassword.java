package io.matrixone.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** mysql_native_password: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). */
public final class NativePassword {
    public static final String PLUGIN = "mysql_native_password";

    private NativePassword() {
    }

    public static byte[] scramble(String password, byte[] seed) {
        if (password == null || password.isEmpty()) {
            return new byte[0];
        }
        MessageDigest sha1 = sha1();
        byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(Arrays.copyOf(seed, Math.min(seed.length, 20)));
        byte[] mix = sha1.digest(stage2);
        for (int i = 0; i < mix.length; i++) {
            mix[i] ^= stage1[i];
        }
        return mix;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
