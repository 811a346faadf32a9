package io.matrixone.emulator.protocol;

/**
 * An OK packet (header 0x00), or the OK that ends a result set under CLIENT_DEPRECATE_EOF (header 0xFE).
 * Session-state information is not modelled: the emulator never offers CLIENT_SESSION_TRACK.
 *
 * <p>The info text is length-encoded: the protocol documents "string&lt;EOF&gt;" without session tracking, but
 * MySQL and MariaDB servers write a length-encoded string and Connector/J reads one.
 */
public record OkPacket(long affectedRows, long lastInsertId, int statusFlags, int warnings, String info) {
    public static final int HEADER = 0x00;
    public static final int EOF_HEADER = 0xFE;

    public static OkPacket parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        int header = r.u8();
        if (header != HEADER && header != EOF_HEADER) {
            throw new ProtocolException("not an OK packet: header 0x" + Integer.toHexString(header));
        }
        long affected = r.lenencInt();
        long insertId = r.lenencInt();
        int status = r.remaining() >= 2 ? r.u16() : 0;
        int warnings = r.remaining() >= 2 ? r.u16() : 0;
        return new OkPacket(affected, insertId, status, warnings, info(r));
    }

    private static String info(PayloadReader r) {
        byte[] tail = r.rest();
        if (tail.length == 0) {
            return "";
        }
        try {
            PayloadReader lenenc = new PayloadReader(tail);
            String text = lenenc.lenencString();
            if (text != null && !lenenc.hasRemaining()) {
                return text;
            }
        } catch (ProtocolException notLengthEncoded) {
            // fall through: a server that wrote string<EOF>
        }
        return new String(tail, java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] encode() {
        return encode(HEADER);
    }

    /** @param header {@link #HEADER}, or {@link #EOF_HEADER} for the terminator of a result set */
    public byte[] encode(int header) {
        PayloadWriter w = new PayloadWriter(16 + info.length())
                .u8(header)
                .lenencInt(affectedRows)
                .lenencInt(lastInsertId)
                .u16(statusFlags)
                .u16(warnings);
        if (!info.isEmpty()) {
            w.lenencString(info);
        }
        return w.toByteArray();
    }
}
