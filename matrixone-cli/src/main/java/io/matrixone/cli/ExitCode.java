package io.matrixone.cli;

import io.matrixone.core.error.AccessDeniedException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.ObjectExistsException;
import io.matrixone.core.error.ObjectNotFoundException;

/**
 * The exit codes scripts can rely on; the one place a failure becomes a number. {@code 2} is picocli's for a bad
 * command line.
 */
public enum ExitCode {
    OK(0),
    /** Anything not classified below: a bug, an I/O error on a local file. */
    FAILED(1),
    USAGE(2),
    /** The server could not be reached or refused the login. */
    CONNECTION(3),
    /** The snapshot, PITR, publication, account, database or table does not exist. */
    NOT_FOUND(4),
    /** It exists already. */
    EXISTS(5),
    /** The server refused the statement (any other server error). */
    REFUSED(6),
    /** {@code diag} ran, and found a problem. */
    UNHEALTHY(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code for a failure. */
    public static ExitCode of(Throwable failure) {
        if (failure instanceof ObjectNotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof ObjectExistsException) {
            return EXISTS;
        }
        if (failure instanceof ConnectionLostException || failure instanceof AccessDeniedException) {
            return CONNECTION;
        }
        if (failure instanceof MatrixOneException m) {
            String state = m.sqlState();
            return m.errorCode() == 0 && (state == null || state.startsWith("08")) ? CONNECTION : REFUSED;
        }
        return FAILED;
    }

    /** What {@code --help} lists. */
    static String[] describe() {
        return new String[] {
            "Exit codes:",
            "  0  done",
            "  1  failed (not a server error: a local file, a bug)",
            "  2  bad command line",
            "  3  cannot connect, or the login was refused",
            "  4  not found (snapshot, PITR, publication, account, database, table)",
            "  5  already exists",
            "  6  the server refused the statement",
            "  7  diag found a problem"};
    }
}
