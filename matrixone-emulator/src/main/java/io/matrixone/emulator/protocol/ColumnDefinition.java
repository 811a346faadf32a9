package io.matrixone.emulator.protocol;

import io.matrixone.emulator.engine.Column;

/** Protocol::ColumnDefinition41. */
public record ColumnDefinition(String catalog, String schema, String table, String orgTable, String name,
                               String orgName, int charset, long length, int type, int flags, int decimals) {

    /** Collation ids: MatrixOne describes every text column as utf8_general_ci (33), the rest as binary (63). */
    public static final int UTF8_GENERAL_CI = 33;
    public static final int UTF8MB4_GENERAL_CI = 45;
    public static final int BINARY = 63;

    public static final int TYPE_DECIMAL = 0x00;
    public static final int TYPE_TINY = 0x01;
    public static final int TYPE_LONG = 0x03;
    public static final int TYPE_DOUBLE = 0x05;
    public static final int TYPE_TIMESTAMP = 0x07;
    public static final int TYPE_LONGLONG = 0x08;
    public static final int TYPE_DATETIME = 0x0C;
    /** MYSQL_TYPE_VARCHAR: never sent by MySQL, sent by MatrixOne for VARBINARY, BINARY, vectors and SHOW columns. */
    public static final int TYPE_VARCHAR = 0x0F;
    /** Not a MySQL type: MatrixOne's id for the text columns of some SHOW results (MYSQL_TYPE_TEXT). */
    public static final int TYPE_MATRIXONE_TEXT = 0xF1;
    public static final int TYPE_BLOB = 0xFC;
    public static final int TYPE_VAR_STRING = 0xFD;

    public static final int FLAG_UNSIGNED = 0x20;
    public static final int FLAG_BLOB = 0x10;
    public static final int FLAG_BINARY = 0x80;

    /** The length MatrixOne gives VARCHAR and other variable-length text (its maximum). */
    public static final long MAX_LENGTH = 0xFFFFFFFFL;

    public static ColumnDefinition parse(byte[] payload) {
        return parse(payload, false);
    }

    /**
     * @param extendedMetadata the connection negotiated MariaDB's extended type information
     *                         (MARIADB_CLIENT_EXTENDED_METADATA): a length-encoded block follows the names; skipped
     */
    public static ColumnDefinition parse(byte[] payload, boolean extendedMetadata) {
        return parseFull(payload, extendedMetadata).definition();
    }

    /**
     * A definition with what MariaDB may send besides the fixed fields.
     *
     * @param extendedMetadata MariaDB's extended type information (key/value pairs), empty when not negotiated
     * @param rest             the bytes after the fixed fields (the default value of COM_FIELD_LIST)
     */
    public record Full(ColumnDefinition definition, byte[] extendedMetadata, byte[] rest) {
    }

    /** @param extendedMetadata the connection negotiated MariaDB's extended type information */
    public static Full parseFull(byte[] payload, boolean extendedMetadata) {
        PayloadReader r = new PayloadReader(payload);
        String catalog = r.lenencString();
        String schema = r.lenencString();
        String table = r.lenencString();
        String orgTable = r.lenencString();
        String name = r.lenencString();
        String orgName = r.lenencString();
        byte[] extended = extendedMetadata ? r.lenencBytes() : new byte[0];
        r.lenencInt();
        int charset = r.u16();
        long length = r.u32();
        int type = r.u8();
        int flags = r.u16();
        int decimals = r.u8();
        r.skip(2);
        return new Full(new ColumnDefinition(catalog, schema, table, orgTable, name, orgName, charset, length, type,
                flags, decimals), extended, r.rest());
    }

    /**
     * How a synthesised column of the statement engine is described to the client: as MatrixOne 4.2.0 describes the
     * same column (captured with a raw client): text as VAR_STRING utf8_general_ci with the maximum length, numbers
     * and times binary with MatrixOne's lengths (bits for integers, 64 for times), no flags but UNSIGNED.
     */
    public static ColumnDefinition of(Column column) {
        String n = column.name();
        return switch (column.type()) {
            case VARCHAR -> mo(n, UTF8_GENERAL_CI, MAX_LENGTH, TYPE_VAR_STRING, 0, 0);
            case TEXT -> mo(n, UTF8_GENERAL_CI, 0, TYPE_BLOB, 0, 0);
            case BIGINT -> mo(n, BINARY, 64, TYPE_LONGLONG, 0, 0);
            case BIGINT_UNSIGNED -> mo(n, BINARY, 64, TYPE_LONGLONG, FLAG_UNSIGNED, 0);
            case INT -> mo(n, BINARY, 32, TYPE_LONG, 0, 0);
            case INT_UNSIGNED -> mo(n, BINARY, 32, TYPE_LONG, FLAG_UNSIGNED, 0);
            case TINYINT -> mo(n, BINARY, 8, TYPE_TINY, 0, 0);
            case TINYINT_UNSIGNED -> mo(n, BINARY, 8, TYPE_TINY, FLAG_UNSIGNED, 0);
            case DOUBLE -> mo(n, BINARY, 53, TYPE_DOUBLE, 0, 0);
            case DATETIME -> mo(n, BINARY, 64, TYPE_DATETIME, 0, 0);
            case TIMESTAMP -> mo(n, BINARY, 64, TYPE_TIMESTAMP, 0, 0);
            case BARE_VARCHAR -> bare(n, TYPE_VARCHAR);
            case BARE_TEXT -> bare(n, TYPE_MATRIXONE_TEXT);
            case BARE_TIMESTAMP -> bare(n, TYPE_TIMESTAMP);
            case BARE_TINYINT -> bare(n, TYPE_TINY);
        };
    }

    private static ColumnDefinition mo(String name, int charset, long length, int type, int flags, int decimals) {
        return new ColumnDefinition("def", "", "", "", name, name, charset, length, type, flags, decimals);
    }

    private static ColumnDefinition bare(String name, int type) {
        return new ColumnDefinition("def", "", "", "", name, "", 0, 0, type, 0, 0);
    }

    public byte[] encode() {
        return encode(new byte[0]);
    }

    /** @param rest bytes to append after the fixed fields (the default value of COM_FIELD_LIST) */
    public byte[] encode(byte[] rest) {
        return new PayloadWriter(48 + name.length() * 2 + rest.length)
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
                .bytes(rest)
                .toByteArray();
    }
}
