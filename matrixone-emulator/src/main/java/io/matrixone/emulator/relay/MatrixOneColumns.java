package io.matrixone.emulator.relay;

import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.PayloadReader;

import java.nio.charset.StandardCharsets;

/**
 * MariaDB's column definitions rewritten into the ones MatrixOne 4.2.0 sends for the same column (finding F-15,
 * captured with a raw client for every type the emulator stores): clients decode values by these, so DECIMAL,
 * VARBINARY and JSON reach them as they would from MatrixOne. The values themselves are not touched: every type
 * changed here is encoded the same way in MariaDB's rows, text and binary protocol alike.
 *
 * <ul>
 *   <li>DECIMAL is type 0 (MYSQL_TYPE_DECIMAL), charset binary, never UNSIGNED;</li>
 *   <li>VARBINARY and BINARY are type 15 (MYSQL_TYPE_VARCHAR), charset binary, three bytes of length per byte;
 *       VARCHAR, ENUM, SET and UUID are VAR_STRING utf8_general_ci with the maximum length; CHAR is STRING
 *       utf8_general_ci, three bytes per character; TEXT and BLOB are BLOB utf8_general_ci / binary, length 0; JSON
 *       is type 245, charset binary;</li>
 *   <li>integers, floating point numbers and times are charset binary, integers with their width in bits as length
 *       (MEDIUMINT is INT), DOUBLE 53 and FLOAT 23 unless a precision was given, times 64, YEAR 65535;</li>
 *   <li>no flags but UNSIGNED and AUTO_INCREMENT: no NOT_NULL, PRI_KEY, BINARY, BLOB, ZEROFILL...;</li>
 *   <li>the original column name is the label and the original table the table as the query names it (MatrixOne
 *       repeats the aliases), and ENUM / SET columns name no table at all.</li>
 * </ul>
 *
 * MariaDB cannot tell TINYINT(1) from BOOL; both are described as MatrixOne describes BOOL (length 1). JSON and
 * UUID are recognised from MariaDB's extended type information, which the relay asks MariaDB for
 * ({@link Greeting}); without it they look like LONGTEXT and CHAR(36).
 */
final class MatrixOneColumns {
    private static final int DECIMAL = 0x00;
    private static final int TINY = 0x01;
    private static final int SHORT = 0x02;
    private static final int LONG = 0x03;
    private static final int FLOAT = 0x04;
    private static final int DOUBLE = 0x05;
    private static final int NULL = 0x06;
    private static final int TIMESTAMP = 0x07;
    private static final int LONGLONG = 0x08;
    private static final int INT24 = 0x09;
    private static final int DATE = 0x0A;
    private static final int TIME = 0x0B;
    private static final int DATETIME = 0x0C;
    private static final int YEAR = 0x0D;
    private static final int VARCHAR = 0x0F;
    private static final int BIT = 0x10;
    private static final int TIMESTAMP2 = 0x11;
    private static final int DATETIME2 = 0x12;
    private static final int TIME2 = 0x13;
    private static final int JSON = 0xF5;
    private static final int NEWDECIMAL = 0xF6;
    private static final int ENUM = 0xF7;
    private static final int SET = 0xF8;
    private static final int TINY_BLOB = 0xF9;
    private static final int BLOB = 0xFC;
    private static final int VAR_STRING = 0xFD;
    private static final int STRING = 0xFE;

    private static final int FLAG_UNSIGNED = 0x20;
    private static final int FLAG_ENUM = 0x100;
    private static final int FLAG_AUTO_INCREMENT = 0x200;
    private static final int FLAG_SET = 0x800;
    /** MariaDB's "not a fixed number of decimals" (FLOAT, DOUBLE and string expressions). */
    private static final int NOT_FIXED_DEC = 31;

    private static final int TEXT_CHARSET = ColumnDefinition.UTF8_GENERAL_CI;
    private static final int BINARY_CHARSET = ColumnDefinition.BINARY;
    private static final long MAX_LENGTH = ColumnDefinition.MAX_LENGTH;

    /** The parameter definition of a prepared statement, as MatrixOne sends every one: name ?, type NULL, binary. */
    static final byte[] PARAMETER = new ColumnDefinition("def", "", "", "", "?", "", BINARY_CHARSET, 0, NULL, 0, 0)
            .encode();

    private MatrixOneColumns() {
    }

    /**
     * MatrixOne's definition of the column MariaDB describes by {@code payload}. Bytes after the fixed fields (the
     * default value of COM_FIELD_LIST) are kept.
     *
     * @param extendedMetadata whether MariaDB sends its extended type information on this connection
     */
    static byte[] column(byte[] payload, boolean extendedMetadata) {
        ColumnDefinition.Full full = ColumnDefinition.parseFull(payload, extendedMetadata);
        ColumnDefinition d = full.definition();
        String typeName = "";
        String format = "";
        PayloadReader ext = new PayloadReader(full.extendedMetadata());
        while (ext.hasRemaining()) {
            int key = ext.u8();
            String value = new String(ext.lenencBytes(), StandardCharsets.UTF_8);
            if (key == 0) {
                typeName = value;
            } else if (key == 1) {
                format = value;
            }
        }
        Layout mo = layout(d.type(), d.charset(), d.length(), d.flags(), d.decimals(), typeName, format);
        // MatrixOne names the table as the query does (the alias), twice, and repeats the label as the original name
        String table = d.orgTable().isEmpty() || mo.bareTable() ? "" : d.table();
        String schema = mo.bareTable() ? "" : d.schema();
        return new ColumnDefinition(d.catalog(), schema, table, table, d.name(), d.name(), mo.charset(), mo.length(),
                mo.type(), mo.flags(), mo.decimals()).encode(full.rest());
    }

    /** What MatrixOne sends for a column: charset, length, type, flags, decimals; whether it names no table. */
    record Layout(int charset, long length, int type, int flags, int decimals, boolean bareTable) {
        static Layout of(int charset, long length, int type, int flags, int decimals) {
            return new Layout(charset, length, type, flags, decimals, false);
        }
    }

    static Layout layout(int type, int charset, long length, int flags, int decimals, String typeName, String format) {
        int keep = flags & (FLAG_UNSIGNED | FLAG_AUTO_INCREMENT);
        boolean binary = charset == BINARY_CHARSET;
        if ("json".equals(format) || type == JSON) {
            return Layout.of(BINARY_CHARSET, MAX_LENGTH, JSON, 0, 0);
        }
        if ("uuid".equals(typeName)) {
            return Layout.of(TEXT_CHARSET, MAX_LENGTH, VAR_STRING, 0, 0);
        }
        return switch (type) {
            case DECIMAL, NEWDECIMAL ->
                // MatrixOne's DECIMAL is signed: its display length counts the sign MariaDB leaves out of UNSIGNED ones
                Layout.of(BINARY_CHARSET, length + ((flags & FLAG_UNSIGNED) != 0 ? 1 : 0), DECIMAL, flags & FLAG_AUTO_INCREMENT,
                        decimals);
            case TINY -> Layout.of(BINARY_CHARSET, length == 1 ? 1 : 8, TINY, keep, 0);
            case SHORT -> Layout.of(BINARY_CHARSET, 16, SHORT, keep, 0);
            case LONG, INT24 -> Layout.of(BINARY_CHARSET, 32, LONG, keep, 0);
            case LONGLONG -> Layout.of(BINARY_CHARSET, 64, LONGLONG, keep, 0);
            case FLOAT, DOUBLE -> decimals >= NOT_FIXED_DEC
                    ? Layout.of(BINARY_CHARSET, type == FLOAT ? 23 : 53, type, keep, 0)
                    : Layout.of(BINARY_CHARSET, length, type, keep, decimals);
            case TIMESTAMP, TIMESTAMP2 -> Layout.of(BINARY_CHARSET, 64, TIMESTAMP, 0, decimals);
            case DATETIME, DATETIME2 -> Layout.of(BINARY_CHARSET, 64, DATETIME, 0, decimals);
            case TIME, TIME2 -> Layout.of(BINARY_CHARSET, 64, TIME, 0, decimals);
            case DATE -> Layout.of(BINARY_CHARSET, 64, DATE, 0, 0);
            case YEAR -> Layout.of(BINARY_CHARSET, 65535, YEAR, 0, 0);
            case BIT -> Layout.of(BINARY_CHARSET, length, BIT, FLAG_UNSIGNED, 0);
            case NULL -> Layout.of(TEXT_CHARSET, 12, BLOB, 0, 0);
            case ENUM, SET -> new Layout(TEXT_CHARSET, MAX_LENGTH, VAR_STRING, 0, 0, true);
            case VARCHAR, VAR_STRING, STRING -> {
                if ((flags & (FLAG_ENUM | FLAG_SET)) != 0) {
                    yield new Layout(TEXT_CHARSET, MAX_LENGTH, VAR_STRING, 0, 0, true);
                }
                if (binary) {
                    yield Layout.of(BINARY_CHARSET, length * 3, VARCHAR, 0, 0);
                }
                yield type == STRING ? Layout.of(TEXT_CHARSET, length / bytesPerCharacter(charset) * 3, STRING, 0, 0)
                        : Layout.of(TEXT_CHARSET, MAX_LENGTH, VAR_STRING, 0, 0);
            }
            case TINY_BLOB, TINY_BLOB + 1, TINY_BLOB + 2, BLOB ->
                    Layout.of(binary ? BINARY_CHARSET : TEXT_CHARSET, 0, BLOB, 0, 0);
            default -> Layout.of(binary ? BINARY_CHARSET : TEXT_CHARSET, length, type, keep, decimals);
        };
    }

    /** The longest character of a MariaDB collation, for CHAR(n) lengths; 1 when unknown. */
    static int bytesPerCharacter(int collation) {
        if (collation == 45 || collation == 46 || collation >= 224 && collation <= 247 || collation == 255
                || collation >= 2048 && collation < 4096) {
            return 4; // utf8mb4 (the 2048+ ids are MariaDB's UCA 14 collations, utf8mb4 among them by default)
        }
        if (collation == 33 || collation == 83 || collation >= 192 && collation <= 215 || collation == 223) {
            return 3; // utf8mb3
        }
        return 1;
    }
}
