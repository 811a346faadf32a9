package io.matrixone.emulator.protocol;

import java.util.Objects;

/** An ERR packet (header 0xFF). */
public record ErrPacket(int errorCode, String sqlState, String message) {
    public static final int HEADER = 0xFF;

    public ErrPacket {
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
        }
    }

    public static ErrPacket parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        if (r.u8() != HEADER) {
            throw new ProtocolException("not an ERR packet");
        }
        int code = r.u16();
        String state = "HY000";
        if (r.hasRemaining() && r.peek() == '#' && r.remaining() >= 6) {
            r.skip(1);
            state = new String(r.bytes(5), java.nio.charset.StandardCharsets.US_ASCII);
        }
        return new ErrPacket(code, state, r.restString());
    }

    public byte[] encode() {
        return new PayloadWriter(9 + message.length())
                .u8(HEADER)
                .u16(errorCode)
                .u8('#')
                .string(sqlState)
                .string(message)
                .toByteArray();
    }

    public ErrPacket withSqlState(String state) {
        return new ErrPacket(errorCode, state, message);
    }
}
