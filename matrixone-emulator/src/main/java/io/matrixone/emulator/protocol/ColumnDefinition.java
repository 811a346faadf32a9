package io.matrixone.emulator.protocol;

import io.matrixone.emulator.engine.Column;

/** Protocol::ColumnDefinition41. */
public record ColumnDefinition(String catalog, String schema, String table, String orgTable, String name,
                               String orgName, int charset, long length, int type, int flags, int decimals) {

    /** Collation ids the emulator announces. */
    public static final int UTF8MB4_GENERAL_CI = 45;
    public static final int BINARY = 63;

    public static final int TYPE_TINY = 0x01;
    public static final int TYPE_LONG = 0x03;
    public static final int TYPE_TIMESTAMP = 0x07;
    public static final int TYPE_LONGLONG = 0x08;
    public static final int TYPE_DATETIME = 0x0C;
    public static final int TYPE_BLOB = 0xFC;
    public static final int TYPE_VAR_STRING = 0xFD;

    public static final int FLAG_UNSIGNED = 0x20;
    public static final int FLAG_BLOB = 0x10;
    public static final int FLAG_BINARY = 0x80;

    public static ColumnDefinition parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        String catalog = r.lenencString();
        String schema = r.lenencString();
        String table = r.lenencString();
        String orgTable = r.lenencString();
        String name = r.lenencString();
        String orgName = r.lenencString();
        r.lenencInt();
        int charset = r.u16();
        long length = r.u32();
        int type = r.u8();
        int flags = r.u16();
        int decimals = r.u8();
        return new ColumnDefinition(catalog, schema, table, orgTable, name, orgName, charset, length, type, flags,
                decimals);
    }

    /** How a synthesised column of the statement engine is described to the client. */
    public static ColumnDefinition of(Column column) {
        String n = column.name();
        return switch (column.type()) {
            case VARCHAR -> new ColumnDefinition("def", "", "", "", n, n, UTF8MB4_GENERAL_CI, 1024, TYPE_VAR_STRING, 0, 0);
            case TEXT -> new ColumnDefinition("def", "", "", "", n, n, UTF8MB4_GENERAL_CI, 65535 * 4, TYPE_BLOB,
                    FLAG_BLOB, 0);
            case BIGINT -> new ColumnDefinition("def", "", "", "", n, n, BINARY, 20, TYPE_LONGLONG, FLAG_BINARY, 0);
            case BIGINT_UNSIGNED -> new ColumnDefinition("def", "", "", "", n, n, BINARY, 20, TYPE_LONGLONG,
                    FLAG_BINARY | FLAG_UNSIGNED, 0);
            case INT -> new ColumnDefinition("def", "", "", "", n, n, BINARY, 11, TYPE_LONG, FLAG_BINARY, 0);
            case TINYINT -> new ColumnDefinition("def", "", "", "", n, n, BINARY, 4, TYPE_TINY, FLAG_BINARY, 0);
            case DATETIME -> new ColumnDefinition("def", "", "", "", n, n, BINARY, 26, TYPE_DATETIME, FLAG_BINARY, 6);
            case TIMESTAMP -> new ColumnDefinition("def", "", "", "", n, n, BINARY, 26, TYPE_TIMESTAMP, FLAG_BINARY,
                    6);
        };
    }

    public byte[] encode() {
        return new PayloadWriter(48 + name.length() * 2)
                .lenencString(catalog)
                .lenencString(schema)
                .lenencString(table)
                .lenencString(orgTable)
                .lenencString(name)
                .lenencString(orgName)
                .lenencInt(0x0C)
                .u16(charset)
                .u32(length)
                .u8(type)
                .u16(flags)
                .u8(decimals)
                .zeros(2)
                .toByteArray();
    }
}
