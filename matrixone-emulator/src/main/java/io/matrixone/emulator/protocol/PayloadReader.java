package io.matrixone.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the little-endian and length-encoded fields of one packet payload. */
public final class PayloadReader {
    private final byte[] data;
    private int pos;

    public PayloadReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return data.length - pos;
    }

    public boolean hasRemaining() {
        return pos < data.length;
    }

    public int peek() {
        require(1);
        return data[pos] & 0xFF;
    }

    public PayloadReader skip(int n) {
        require(n);
        pos += n;
        return this;
    }

    public int u8() {
        require(1);
        return data[pos++] & 0xFF;
    }

    public int u16() {
        return (int) fixed(2);
    }

    public int u24() {
        return (int) fixed(3);
    }

    public long u32() {
        return fixed(4);
    }

    public long u64() {
        return fixed(8);
    }

    private long fixed(int n) {
        require(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (data[pos + i] & 0xFF) << (8 * i);
        }
        pos += n;
        return v;
    }

    /** A length-encoded integer; 0xFB (SQL NULL in rows) is returned as -1. */
    public long lenencInt() {
        int first = u8();
        if (first < 0xFB) {
            return first;
        }
        return switch (first) {
            case 0xFB -> -1;
            case 0xFC -> u16();
            case 0xFD -> u24();
            case 0xFE -> u64();
            default -> throw new ProtocolException("invalid length-encoded integer prefix 0xff");
        };
    }

    public byte[] bytes(int n) {
        require(n);
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    /** A length-encoded byte string, or {@code null} for the NULL marker 0xFB. */
    public byte[] lenencBytes() {
        long len = lenencInt();
        if (len < 0) {
            return null;
        }
        if (len > remaining()) {
            throw new ProtocolException("length-encoded string of " + len + " bytes exceeds the packet");
        }
        return bytes((int) len);
    }

    public String lenencString() {
        byte[] b = lenencBytes();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Bytes up to the next NUL (consumed); the rest of the payload when there is no NUL. */
    public byte[] nulBytes() {
        int end = pos;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        byte[] b = Arrays.copyOfRange(data, pos, end);
        pos = Math.min(end + 1, data.length);
        return b;
    }

    public String nulString() {
        return new String(nulBytes(), StandardCharsets.UTF_8);
    }

    public byte[] rest() {
        return bytes(remaining());
    }

    public String restString() {
        return new String(rest(), StandardCharsets.UTF_8);
    }

    private void require(int n) {
        if (n < 0 || pos + n > data.length) {
            throw new ProtocolException("truncated packet: need " + n + " bytes at offset " + pos + " of " + data.length);
        }
    }
}
