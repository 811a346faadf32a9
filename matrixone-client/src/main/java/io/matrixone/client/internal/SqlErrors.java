package io.matrixone.client.internal;

import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.internal.tx.TransactionRules;

import com.mysql.cj.exceptions.StatementIsClosedException;
import com.mysql.cj.jdbc.exceptions.MySQLStatementCancelledException;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Where the sync client turns a driver failure into the SDK's exception, once: everything after this point
 * passes {@link MatrixOneException}s through unchanged.
 */
public final class SqlErrors {

    private static final String CANCELLED = "70100";
    /** MySQL's client error "Lost connection to MySQL server during query". */
    private static final int CR_SERVER_LOST = 2013;
    /** Connector/J's text when a server asks for a file outside the one directory it may read from. */
    private static final String NOT_UNDER_SAFE_PATH = "is not under the safe path";

    private SqlErrors() {
    }

    /** Classifies a failure of {@code sql} (raw; the classifier redacts it) by its vendor error number. */
    public static MatrixOneException translate(SQLException e, String sql) {
        if (e instanceof BatchUpdateException && e.getCause() instanceof SQLException cause) {
            e = cause; // Connector/J wraps a batch's own failure (its query timeout, a lost connection): that one decides
        }
        if (e.getErrorCode() == 0 && e.getCause() instanceof IOException) {
            // reading a streamed row off a socket the server closed (a KILL): Connector/J wraps the EOFException in a
            // plain S1000 instead of its CommunicationsException
            return ErrorClassifier.classify(CR_SERVER_LOST, "08S01", e.getMessage(), sql, e);
        }
        if (e.getCause() instanceof StatementIsClosedException) {
            // the SDK never touches a statement it closed: Connector/J closed it with its connection, which it does
            // when the connection is lost in the middle of a batch, and then reports only "statement closed"
            return ErrorClassifier.classify(CR_SERVER_LOST, "08S01", "the connection was lost (" + e.getMessage() + ")",
                    sql, e);
        }
        String state = e.getSQLState();
        if (state == null && (e instanceof SQLTimeoutException || e instanceof MySQLStatementCancelledException)) {
            // Connector/J's own query timeout / cancel (it sends KILL QUERY) carries no SQLSTATE: it is the
            // standard "statement cancelled" 70100
            state = CANCELLED;
        }
        if (e.getErrorCode() == 0 && String.valueOf(e.getMessage()).contains(NOT_UNDER_SAFE_PATH)) {
            // Connector/J refused a server's request for a client file outside allowLoadLocalInfileInPath, in its
            // own words and without an error number: the SDK's refusal of a local file (2068)
            return ErrorClassifier.classify(TransactionRules.LOCAL_FILE_REJECTED, "HY000", e.getMessage(), sql, e);
        }
        return ErrorClassifier.classify(e.getErrorCode(), state, e.getMessage(), sql, e);
    }

    /**
     * The SDK's exception for a failure thrown by other code on the SDK's connection (an ORM's flush, a
     * transaction body), when a driver error is its cause: Hibernate's {@code ConstraintViolationException} for a
     * duplicate key becomes a {@code DuplicateKeyException} whose cause is Hibernate's exception. {@code null} when
     * no driver error is inside, or it already is an SDK exception.
     */
    public static MatrixOneException translateCaused(Throwable thrown) {
        if (thrown instanceof MatrixOneException) {
            return null;
        }
        for (Throwable t = thrown; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MatrixOneException) {
                return null; // an SDK failure wrapped by the caller: theirs to unwrap
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                return ErrorClassifier.classify(s.getErrorCode(), state, s.getMessage(), null, thrown);
            }
        }
        return null;
    }

    /**
     * Classifies a failure to get a connection. HikariCP reports a timeout whose cause is the server's answer
     * to the last connection attempt (e.g. 1045 access denied); that answer decides the type.
     */
    public static MatrixOneException translateAcquire(SQLException e) {
        SQLException server = e;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() != 0 || server.getErrorCode() == 0 && s.getSQLState() != null)) {
                server = s;
                if (s.getErrorCode() != 0) {
                    break;
                }
            }
        }
        return ErrorClassifier.classify(server.getErrorCode(), server.getSQLState(), server.getMessage(), null, e);
    }
}
