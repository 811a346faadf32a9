package io.matrixone.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativePasswordTest {

    @Test
    void emptyPasswordSendsNothing() {
        assertThat(NativePassword.scramble("", new byte[20])).isEmpty();
        assertThat(NativePassword.scramble(null, new byte[20])).isEmpty();
    }

    /** The server's check: SHA1(response XOR SHA1(seed + stored)) must equal stored = SHA1(SHA1(password)). */
    @Test
    void responsePassesTheServersCheck() throws Exception {
        byte[] seed = "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII);
        byte[] response = NativePassword.scramble("111", seed);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] stored = sha1.digest(sha1.digest("111".getBytes(StandardCharsets.UTF_8)));
        sha1.update(seed);
        byte[] mask = sha1.digest(stored);
        byte[] candidate = new byte[20];
        for (int i = 0; i < 20; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        assertThat(sha1.digest(candidate)).isEqualTo(stored);
        assertThat(NativePassword.scramble("112", seed)).isNotEqualTo(response);
    }

    @Test
    void seedWithTrailingNulIsCutToTwentyBytes() {
        byte[] seed = new byte[21];
        seed[3] = 9;
        assertThat(NativePassword.scramble("pw", seed)).isEqualTo(NativePassword.scramble("pw",
                java.util.Arrays.copyOf(seed, 20)));
    }
}
