package io.matrixone.core.internal.error;

import io.matrixone.core.error.AccessDeniedException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.DatabaseExistsException;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.FeatureDisabledException;
import io.matrixone.core.error.ObjectExistsException;
import io.matrixone.core.error.ObjectNotFoundException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.PitrExistsException;
import io.matrixone.core.error.PitrNotFoundException;
import io.matrixone.core.error.PublicationExistsException;
import io.matrixone.core.error.PublicationNotFoundException;
import io.matrixone.core.error.QueryInterruptedException;
import io.matrixone.core.error.RedactedCause;
import io.matrixone.core.error.SnapshotExistsException;
import io.matrixone.core.error.SnapshotNotFoundException;
import io.matrixone.core.error.SqlSyntaxException;
import io.matrixone.core.error.StatementNotAllowedException;
import io.matrixone.core.error.TableExistsException;
import io.matrixone.core.error.TransactionConflictException;
import io.matrixone.core.error.UnknownDatabaseException;
import io.matrixone.core.error.UnknownTableException;
import io.matrixone.core.internal.sql.SqlRedactor;
import io.matrixone.core.error.MatrixOneException;
import java.util.Locale;

/**
 * The one place that turns a server error into an exception type. It classifies by vendor error number:
 * MatrixOne sends SQLSTATE {@code HY000} for almost everything (even 1062 and 1146), and reuses 20101
 * "internal error" for many situations, which are then told apart by their message.
 *
 * <p>Both clients call {@link #classify}; nothing else decides what an error means.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /**
     * @param errorCode the vendor error number (0 if the driver had none)
     * @param sqlState  the SQLSTATE, may be {@code null}
     * @param message   the server's message; where it quotes a statement that held literals (a parse error's
     *                  {@code near "..."}), the quotation is masked
     * @param sql       the statement that failed, raw; it is redacted here
     * @param cause     the driver's exception, kept as the cause (replaced by a {@link RedactedCause} with the
     *                  same stack trace when its message quoted the statement's literals)
     */
    public static MatrixOneException classify(int errorCode, String sqlState, String message, String sql, Throwable cause) {
        String raw = message == null ? "" : message;
        String redacted = SqlRedactor.redact(sql);
        Kind kind = kindOf(errorCode, sqlState, raw);
        String msg = maskEchoedSql(raw, sql);
        if (!msg.equals(raw) && cause != null) {
            // the driver's exception carries the same unmasked text; keep its type and stack, not its message
            cause = new RedactedCause(cause, msg);
        }
        return switch (kind) {
            case SNAPSHOT_EXISTS -> new SnapshotExistsException(msg, errorCode, sqlState, redacted, cause);
            case SNAPSHOT_NOT_FOUND -> new SnapshotNotFoundException(msg, errorCode, sqlState, redacted, cause);
            case PITR_EXISTS -> new PitrExistsException(msg, errorCode, sqlState, redacted, cause);
            case PITR_NOT_FOUND -> new PitrNotFoundException(msg, errorCode, sqlState, redacted, cause);
            case PUBLICATION_EXISTS -> new PublicationExistsException(msg, errorCode, sqlState, redacted, cause);
            case PUBLICATION_NOT_FOUND -> new PublicationNotFoundException(msg, errorCode, sqlState, redacted, cause);
            case DATABASE_EXISTS -> new DatabaseExistsException(msg, errorCode, sqlState, redacted, cause);
            case UNKNOWN_DATABASE -> new UnknownDatabaseException(msg, errorCode, sqlState, redacted, cause);
            case TABLE_EXISTS -> new TableExistsException(msg, errorCode, sqlState, redacted, cause);
            case UNKNOWN_TABLE -> new UnknownTableException(msg, errorCode, sqlState, redacted, cause);
            case DUPLICATE_KEY -> new DuplicateKeyException(msg, errorCode, sqlState, redacted, cause);
            case SYNTAX -> new SqlSyntaxException(msg, errorCode, sqlState, redacted, cause);
            case NOT_IN_TRANSACTION -> new NotAllowedInTransactionException(msg, errorCode, sqlState, redacted, cause);
            case CONFLICT -> new TransactionConflictException(msg, errorCode, sqlState, redacted, cause);
            case COMMIT_UNKNOWN -> new CommitStatusUnknownException(msg, errorCode, sqlState, redacted, cause);
            case CONNECTION_LOST -> new ConnectionLostException(msg, errorCode, sqlState, redacted, cause);
            case ACCESS_DENIED -> new AccessDeniedException(msg, errorCode, sqlState, redacted, cause);
            case INTERRUPTED -> new QueryInterruptedException(msg, errorCode, sqlState, redacted, cause);
            case LOCAL_FILE_REFUSED -> new StatementNotAllowedException(msg, errorCode, sqlState, redacted, cause);
            case OBJECT_EXISTS -> new ObjectExistsException(msg, errorCode, sqlState, redacted, cause);
            case OBJECT_NOT_FOUND -> new ObjectNotFoundException(msg, errorCode, sqlState, redacted, cause);
            case FEATURE_DISABLED -> {
                String variable = switchOf(raw);
                yield new FeatureDisabledException(msg + " (switch it on for every connection with "
                        + "ClientOptions.Builder.sessionVariable(\"" + variable + "\", 1))", variable, errorCode, sqlState,
                        redacted, cause);
            }
            case OTHER -> new MatrixOneException(msg, errorCode, sqlState, redacted, cause);
        };
    }

    /** Whether the whole transaction may be run again after this error number (never 20638). */
    public static boolean isRetryableCode(int errorCode) {
        return switch (errorCode) {
            case 20619, 20628, 20631, 20634, 20701, 20702, 20703, 20704, 20706, 20709, 20710, 1205, 1213 -> true;
            default -> false;
        };
    }

    /** What an error means; package-private so tests can check the decision without building exceptions. */
    enum Kind {
        SNAPSHOT_EXISTS, SNAPSHOT_NOT_FOUND, PITR_EXISTS, PITR_NOT_FOUND, PUBLICATION_EXISTS, PUBLICATION_NOT_FOUND,
        DATABASE_EXISTS, UNKNOWN_DATABASE,
        TABLE_EXISTS, UNKNOWN_TABLE, DUPLICATE_KEY, SYNTAX, NOT_IN_TRANSACTION, CONFLICT, COMMIT_UNKNOWN,
        CONNECTION_LOST, ACCESS_DENIED, INTERRUPTED, LOCAL_FILE_REFUSED, OBJECT_EXISTS, OBJECT_NOT_FOUND,
        FEATURE_DISABLED, OTHER
    }

    static Kind kindOf(int code, String sqlState, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (isRetryableCode(code)) {
            return Kind.CONFLICT;
        }
        switch (code) {
            case 20638:
                return Kind.COMMIT_UNKNOWN;
            case 1007:
                return Kind.DATABASE_EXISTS;
            case 1049:
            case 1008: // DROP DATABASE of a missing one: "Can't drop database 'x'; database doesn't exist"
                return Kind.UNKNOWN_DATABASE;
            case 1050:
                return Kind.TABLE_EXISTS;
            case 1146:
                return Kind.UNKNOWN_TABLE;
            case 1062:
            case 1586:
                // MatrixOne reports a second publication of a name as a duplicate key of its catalog
                return m.contains("(account_id,pub_name)") ? Kind.PUBLICATION_EXISTS : Kind.DUPLICATE_KEY;
            case 1064:
                // MatrixOne's planner reports a missing table as a parse error: `table "t" does not exist`, or
                // `table db-t does not exist` (a database clone missing a table)
                return MISSING_TABLE.matcher(m).find() ? Kind.UNKNOWN_TABLE : Kind.SYNTAX;
            case 1149:
                return Kind.SYNTAX;
            case 1061: // duplicate key name 'i': an index of that name exists
                return Kind.OBJECT_EXISTS;
            case 1045:
            case 1044:
            case 1142:
            case 1227:
                return Kind.ACCESS_DENIED;
            case 1317:
            case 3024:
                return Kind.INTERRUPTED;
            case 1105:
                // MatrixOne answers KILL QUERY (and a cancelled statement) with 1105 "context canceled"
                return m.contains("context canceled") ? Kind.INTERRUPTED : Kind.OTHER;
            case 2068:
                // the server asked for a client file (LOAD DATA LOCAL INFILE) and the SDK refused, as it refuses that
                // statement up front (TransactionRules): the same refusal, whoever started it
                return Kind.LOCAL_FILE_REFUSED;
            case 2002:
            case 2003:
            case 2006:
            case 2013:
            case 2055:
                return Kind.CONNECTION_LOST;
            case 20101:
                return internalError(m);
            default:
                break;
        }
        if (sqlState != null && sqlState.startsWith("08")) {
            return Kind.CONNECTION_LOST;
        }
        if ("70100".equals(sqlState)) {
            return Kind.INTERRUPTED; // drivers report their own query timeout with SQLSTATE 70100
        }
        return Kind.OTHER;
    }

    /**
     * 20101 is MatrixOne's catch-all "internal error"; its message says which situation it is. The object
     * messages are matched by their leading word ({@code snapshot %s already exists}, {@code pitr %s does not
     * exist}), not by "contains": a PITR may well be named {@code snapshot_daily}.
     */
    private static Kind internalError(String m) {
        if (m.contains("unclassified statement appears in uncommitted transaction")
                || m.contains("administrative command is unsupported in transactions")
                || m.contains("is not supported in transactions")
                || m.contains("only create of ddl is supported in transactions")
                || m.contains("savepoint has not been implemented")) {
            return Kind.NOT_IN_TRANSACTION;
        }
        if (m.contains("write conflicts detected")) {
            return Kind.CONFLICT;
        }
        if (m.contains("do not have privilege") || m.contains("there is no user ") || m.contains("there is no tenant ")) {
            return Kind.ACCESS_DENIED; // an unknown user or account at login
        }
        String object = m.startsWith(INTERNAL_ERROR) ? m.substring(INTERNAL_ERROR.length()) : m;
        if (switchOf(object) != null) {
            return Kind.FEATURE_DISABLED;
        }
        if (object.startsWith("not found index: ") || object.startsWith("can't reindex ")) {
            return Kind.OBJECT_NOT_FOUND; // DROP INDEX and ALTER REINDEX of an index that does not exist
        }
        boolean exists = object.endsWith("already exists");
        boolean missing = object.endsWith("does not exist");
        if (object.startsWith("snapshot ") && exists) {
            return Kind.SNAPSHOT_EXISTS;
        }
        if (object.startsWith("find 0 snapshot records") || object.startsWith("snapshot ") && missing) {
            return Kind.SNAPSHOT_NOT_FOUND;
        }
        if (object.startsWith("pitr ") && exists || object.startsWith("cluster level pitr already exists")
                || object.contains("already has a pitr")) {
            return Kind.PITR_EXISTS;
        }
        if (object.startsWith("pitr ") && missing) {
            return Kind.PITR_NOT_FOUND;
        }
        if (object.startsWith("publication ") && missing) {
            return Kind.PUBLICATION_NOT_FOUND;
        }
        if (object.contains("database") && missing) {
            return Kind.UNKNOWN_DATABASE;
        }
        if (object.contains("table") && missing) {
            return Kind.UNKNOWN_TABLE;
        }
        return Kind.OTHER;
    }

    private static final String INTERNAL_ERROR = "internal error: ";

    /**
     * The session variable named by MatrixOne's "feature is not enabled" refusals, or {@code null}: HNSW on every
     * release ({@code experimental_hnsw_index is not enabled}); IVF-flat and full-text before 3.0.5
     * ({@code IVF index is not enabled}, {@code FullText index is not enabled}, ddl.go / ddl_index_algo.go).
     */
    static String switchOf(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("experimental_hnsw_index is not enabled")) {
            return "experimental_hnsw_index";
        }
        if (m.contains("ivf index is not enabled") || m.contains("experimental_ivf_index is not enabled")) {
            return "experimental_ivf_index";
        }
        if (m.contains("fulltext index is not enabled") || m.contains("experimental_fulltext_index is not enabled")) {
            return "experimental_fulltext_index";
        }
        return null;
    }
    private static final java.util.regex.Pattern MISSING_TABLE =
            java.util.regex.Pattern.compile("table (\"[^\"]+\"|\\S+) does not exist");

    /**
     * Parse errors quote the statement from the error position on: MatrixOne {@code ... near "identified by
     * 'pw' x";}, MySQL and MariaDB {@code ... near ''pw' x' at line 1}. When the statement held string
     * literals (a password, perhaps) that quotation is masked; the redacted statement is in the message anyway.
     */
    static String maskEchoedSql(String message, String sql) {
        if (sql == null || sql.indexOf('\'') < 0 && sql.indexOf('"') < 0) {
            return message;
        }
        int near = message.indexOf(" near ");
        if (near < 0 || near + 6 >= message.length()) {
            return message;
        }
        int open = near + 6;
        char quote = message.charAt(open);
        if (quote != '"' && quote != '\'') {
            return message;
        }
        int close = message.lastIndexOf(quote);
        String tail = close > open ? message.substring(close) : String.valueOf(quote);
        return message.substring(0, open + 1) + SqlRedactor.MASK + tail;
    }
}
