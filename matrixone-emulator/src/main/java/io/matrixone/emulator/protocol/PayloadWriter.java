package io.matrixone.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one packet payload from little-endian and length-encoded fields. */
public final class PayloadWriter {
    private byte[] buf;
    private int size;

    public PayloadWriter() {
        this(64);
    }

    public PayloadWriter(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public PayloadWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public PayloadWriter u16(int v) {
        return fixed(v, 2);
    }

    public PayloadWriter u24(int v) {
        return fixed(v, 3);
    }

    public PayloadWriter u32(long v) {
        return fixed(v, 4);
    }

    public PayloadWriter u64(long v) {
        return fixed(v, 8);
    }

    private PayloadWriter fixed(long v, int n) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public PayloadWriter lenencInt(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative length-encoded integer " + v);
        }
        if (v < 0xFB) {
            return u8((int) v);
        }
        if (v < 1 << 16) {
            return u8(0xFC).u16((int) v);
        }
        if (v < 1 << 24) {
            return u8(0xFD).u24((int) v);
        }
        return u8(0xFE).u64(v);
    }

    public PayloadWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public PayloadWriter zeros(int n) {
        ensure(n);
        size += n;
        return this;
    }

    /** A length-encoded string; {@code null} is written as the NULL marker 0xFB. */
    public PayloadWriter lenencBytes(byte[] b) {
        if (b == null) {
            return u8(0xFB);
        }
        return lenencInt(b.length).bytes(b);
    }

    public PayloadWriter lenencString(String s) {
        return lenencBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    public PayloadWriter nulString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    public PayloadWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
