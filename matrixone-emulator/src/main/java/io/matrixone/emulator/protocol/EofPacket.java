package io.matrixone.emulator.protocol;

/** A protocol-4.1 EOF packet (header 0xFE, shorter than 9 bytes). */
public record EofPacket(int warnings, int statusFlags) {
    public static final int HEADER = 0xFE;

    /** Whether a packet is an old-style EOF rather than a row or a 0xFE-headed OK. */
    public static boolean is(Packet p) {
        return p.header() == HEADER && p.length() < 9;
    }

    public static EofPacket parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        if (r.u8() != HEADER) {
            throw new ProtocolException("not an EOF packet");
        }
        int warnings = r.remaining() >= 2 ? r.u16() : 0;
        int status = r.remaining() >= 2 ? r.u16() : 0;
        return new EofPacket(warnings, status);
    }

    public byte[] encode() {
        return new PayloadWriter(5).u8(HEADER).u16(warnings).u16(statusFlags).toByteArray();
    }
}
