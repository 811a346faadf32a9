package io.matrixone.core.error;

/** The named snapshot does not exist (20101 "snapshot %s does not exist" or "find 0 snapshot records by name"). */
public class SnapshotNotFoundException extends ObjectNotFoundException {
    private static final long serialVersionUID = 1L;

    public SnapshotNotFoundException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
