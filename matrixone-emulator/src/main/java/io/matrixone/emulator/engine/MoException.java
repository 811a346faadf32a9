package io.matrixone.emulator.engine;

/**
 * An error answered to the client in MatrixOne's shape. Handlers throw it; the engine turns it into a
 * {@link Reply.Error}. MatrixOne sends SQLSTATE HY000 for almost everything (mo_sql.md §11.1).
 */
final class MoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Code of the emulator's own errors: things the emulator refuses rather than emulating wrongly. */
    static final int EMULATOR_CODE = 29999;

    private final int code;
    private final String sqlState;

    MoException(int code, String sqlState, String message) {
        super(message, null, false, false);
        this.code = code;
        this.sqlState = sqlState;
    }

    int code() {
        return code;
    }

    Reply.Error toReply() {
        return new Reply.Error(code, sqlState, getMessage());
    }

    /** 20101 {@code internal error: ...} (ErrInternal). */
    static MoException internal(String message) {
        return new MoException(20101, "HY000", "internal error: " + message);
    }

    /** 20105 {@code not supported: ...}. */
    static MoException notSupported(String message) {
        return new MoException(20105, "HY000", "not supported: " + message);
    }

    /** 20203 {@code invalid argument %s, bad value %s} (ErrInvalidArg). */
    static MoException invalidArg(String arg, String value) {
        return new MoException(20203, "HY000", "invalid argument " + arg + ", bad value " + value);
    }

    /** 20301 {@code invalid input: ...}. */
    static MoException invalidInput(String message) {
        return new MoException(20301, "HY000", "invalid input: " + message);
    }

    /** 1064 {@code SQL parser error: ...} (ErrParseError), e.g. the planner's missing table. */
    static MoException parseError(String message) {
        return new MoException(1064, "HY000", "SQL parser error: " + message);
    }

    static MoException databaseExists(String db) {
        return new MoException(1007, "HY000", "database " + db + " already exists");
    }

    static MoException unknownDatabase(String db) {
        return new MoException(1049, "HY000", "Unknown database " + db);
    }

    static MoException tableExists(String table) {
        return new MoException(1050, "HY000", "table " + table + " already exists");
    }

    static MoException noSuchTable(String db, String table) {
        return new MoException(1146, "HY000", "no such table " + db + "." + table);
    }

    /** Something the emulator deliberately does not emulate (listed in DIFFERENCES.md). */
    static MoException emulator(String message) {
        return new MoException(EMULATOR_CODE, "HY000", "MatrixOne emulator: " + message);
    }
}
