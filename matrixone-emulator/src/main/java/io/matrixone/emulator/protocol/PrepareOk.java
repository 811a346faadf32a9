package io.matrixone.emulator.protocol;

/** COM_STMT_PREPARE_OK: the statement id and how many parameter and column definitions follow. */
public record PrepareOk(long statementId, int columnCount, int parameterCount, int warnings) {

    public static PrepareOk parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        if (r.u8() != 0) {
            throw new ProtocolException("not a COM_STMT_PREPARE_OK packet");
        }
        long id = r.u32();
        int columns = r.u16();
        int params = r.u16();
        r.skip(1);
        int warnings = r.remaining() >= 2 ? r.u16() : 0;
        return new PrepareOk(id, columns, params, warnings);
    }

    public byte[] encode() {
        return new PayloadWriter(12).u8(0).u32(statementId).u16(columnCount).u16(parameterCount).u8(0).u16(warnings)
                .toByteArray();
    }
}
