package io.matrixone.core.error;

/** A snapshot of that name already exists (MatrixOne 20101 "snapshot %s already exists"). */
public class SnapshotExistsException extends ObjectExistsException {
    private static final long serialVersionUID = 1L;

    public SnapshotExistsException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
