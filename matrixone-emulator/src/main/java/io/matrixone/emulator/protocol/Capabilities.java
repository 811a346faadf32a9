package io.matrixone.emulator.protocol;

/** MySQL client/server capability flags (the 32 bits of the protocol; MariaDB's extension bits live elsewhere). */
public final class Capabilities {
    /** Also known as CLIENT_MYSQL: MariaDB servers clear it to announce themselves, MySQL servers set it. */
    public static final long LONG_PASSWORD = 1L;
    public static final long FOUND_ROWS = 1L << 1;
    public static final long LONG_FLAG = 1L << 2;
    public static final long CONNECT_WITH_DB = 1L << 3;
    public static final long NO_SCHEMA = 1L << 4;
    public static final long COMPRESS = 1L << 5;
    public static final long ODBC = 1L << 6;
    public static final long LOCAL_FILES = 1L << 7;
    public static final long IGNORE_SPACE = 1L << 8;
    public static final long PROTOCOL_41 = 1L << 9;
    public static final long INTERACTIVE = 1L << 10;
    public static final long SSL = 1L << 11;
    public static final long IGNORE_SIGPIPE = 1L << 12;
    public static final long TRANSACTIONS = 1L << 13;
    public static final long RESERVED = 1L << 14;
    public static final long SECURE_CONNECTION = 1L << 15;
    public static final long MULTI_STATEMENTS = 1L << 16;
    public static final long MULTI_RESULTS = 1L << 17;
    public static final long PS_MULTI_RESULTS = 1L << 18;
    public static final long PLUGIN_AUTH = 1L << 19;
    public static final long CONNECT_ATTRS = 1L << 20;
    public static final long PLUGIN_AUTH_LENENC_CLIENT_DATA = 1L << 21;
    public static final long CAN_HANDLE_EXPIRED_PASSWORDS = 1L << 22;
    public static final long SESSION_TRACK = 1L << 23;
    public static final long DEPRECATE_EOF = 1L << 24;
    public static final long OPTIONAL_RESULTSET_METADATA = 1L << 25;
    public static final long ZSTD_COMPRESSION = 1L << 26;
    public static final long QUERY_ATTRIBUTES = 1L << 27;
    public static final long MULTI_FACTOR_AUTHENTICATION = 1L << 28;
    public static final long CAPABILITY_EXTENSION = 1L << 29;
    public static final long SSL_VERIFY_SERVER_CERT = 1L << 30;
    public static final long REMEMBER_OPTIONS = 1L << 31;

    /**
     * MariaDB's extended capabilities (the handshake's extra 4 bytes, read by MariaDB only when the client does not set
     * {@link #LONG_PASSWORD}, its CLIENT_MYSQL): MARIADB_CLIENT_EXTENDED_METADATA, a type name and format (e.g.
     * {@code json}, {@code uuid}) in every column definition.
     */
    public static final long MARIADB_EXTENDED_METADATA = 1L << 3;

    private Capabilities() {
    }

    public static boolean has(long flags, long capability) {
        return (flags & capability) != 0;
    }
}
