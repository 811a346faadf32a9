package io.matrixone.async.internal;

import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Collections;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The one bridge between Vert.x and the public API: Vert.x {@link Future}s become {@link CompletionStage}s
 * here, and driver errors become {@link MatrixOneException}s here (through {@link ErrorClassifier}, the
 * one place that decides what an error means). Nothing else in the module converts or classifies.
 */
public final class Stages {
    /** MySQL client error numbers for "cannot connect" and "lost connection during query". */
    private static final int CR_CONN_HOST_ERROR = 2003;
    private static final int CR_SERVER_LOST = 2013;
    /** MySQL client error "LOAD DATA LOCAL INFILE file request rejected due to restrictions on access". */
    static final int CR_LOAD_DATA_LOCAL_INFILE_REJECTED = 2068;
    /**
     * How Vert.x words the failure of a command it could not send because the connection closed: it has no type
     * of its own ({@code NoStackTraceThrowable} / {@code VertxException}), only these texts.
     */
    private static final String[] CLOSED_CONNECTION_TEXTS = {
        "Connection is not active now", "Pending requests failed to be sent due to connection has been closed"
    };

    private Stages() {
    }

    /** The public face of a Vert.x future: a stage whose failure is already a {@link MatrixOneException}. */
    public static <T> CompletionStage<T> toStage(Future<T> future) {
        return translated(future, null).toCompletionStage();
    }

    /**
     * The public face of a future whose failures are already translated or are the caller's own (a transaction
     * body's exception must reach the caller unchanged, even a checked one).
     */
    public static <T> CompletionStage<T> asStage(Future<T> future) {
        return future.recover(e -> Future.failedFuture(unwrap(e))).toCompletionStage();
    }

    /** The future with any driver failure translated; {@code sql} (raw, redacted later) names the statement. */
    public static <T> Future<T> translated(Future<T> future, String sql) {
        return future.recover(e -> Future.failedFuture(translate(e, sql)));
    }

    /**
     * The exception a caller sees for {@code error}. SDK exceptions and programming errors
     * ({@link IllegalStateException}, {@link IllegalArgumentException} ...) pass unchanged; driver and network
     * failures are classified by error number.
     */
    public static RuntimeException translate(Throwable error, String sql) {
        Throwable u = unwrap(error);
        if (u instanceof TrackedConnection.NotSent notSent) {
            u = notSent.getCause();
        }
        Throwable e = driverCause(u);
        if (e instanceof MatrixOneException m) {
            return m;
        }
        if (e instanceof MySQLException m) {
            return ErrorClassifier.classify(m.getErrorCode(), m.getSqlState(), serverMessage(m), sql, m);
        }
        if (e instanceof ConnectException) {
            return ErrorClassifier.classify(CR_CONN_HOST_ERROR, "08001", e.getMessage(), sql, e);
        }
        if (e instanceof LocalFileGuard.LocalFileRefused) {
            return ErrorClassifier.classify(CR_LOAD_DATA_LOCAL_INFILE_REJECTED, "HY000", e.getMessage(), sql, null);
        }
        if (e instanceof ClosedConnectionException || e instanceof IOException || isClosedConnection(e)) {
            return ErrorClassifier.classify(CR_SERVER_LOST, "08S01", e.getMessage(), sql, e);
        }
        if (e instanceof RuntimeException r && !(e instanceof io.vertx.core.VertxException)) {
            return r; // the caller's own bug or an SDK precondition: keep its type
        }
        return new MatrixOneException(String.valueOf(e.getMessage()), 0, null,
                sql == null ? null : io.matrixone.core.internal.sql.SqlRedactor.redact(sql), e);
    }

    private static boolean isClosedConnection(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && (c instanceof io.vertx.core.VertxException
                    || c instanceof io.vertx.core.impl.NoStackTraceThrowable)) {
                for (String text : CLOSED_CONNECTION_TEXTS) {
                    if (m.startsWith(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The server's own text: Vert.x formats it as {@code {errorMessage=..., errorCode=N, sqlState=S}}, and
     * MatrixOne's messages are what tells its 20101 "internal error"s apart.
     */
    static String serverMessage(MySQLException m) {
        String s = String.valueOf(m.getMessage());
        String prefix = "{errorMessage=";
        String suffix = ", errorCode=" + m.getErrorCode() + ", sqlState=" + m.getSqlState() + "}";
        if (s.startsWith(prefix) && s.endsWith(suffix)) {
            return s.substring(prefix.length(), s.length() - suffix.length());
        }
        return s;
    }

    /**
     * Vert.x reports a failed batch as {@link MySQLBatchException} "Error occurs during batch execution", holding
     * the server's error of each failed row: the first of them is what went wrong.
     */
    private static Throwable driverCause(Throwable e) {
        if (e instanceof MySQLBatchException batch && !batch.getIterationError().isEmpty()) {
            int first = Collections.min(batch.getIterationError().keySet());
            return driverCause(batch.getIterationError().get(first));
        }
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof MySQLException || c instanceof MatrixOneException) {
                return c;
            }
        }
        return e;
    }

    /**
     * {@code work}'s outcome, or a failure made by {@code expired} if it takes longer than {@code millis}; the
     * work itself goes on (its late answer is dropped). {@code onExpired} runs once if the time ran out.
     */
    public static <T> Future<T> within(Vertx vertx, Future<T> work, long millis, Supplier<Throwable> expired,
                                       Runnable onExpired) {
        Promise<T> promise = Promise.promise();
        long timer = vertx.setTimer(millis, id -> {
            if (promise.tryFail(expired.get()) && onExpired != null) {
                onExpired.run();
            }
        });
        work.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                promise.tryComplete(ar.result());
            } else {
                promise.tryFail(ar.cause());
            }
        });
        return promise.future();
    }

    /** The real failure inside {@link CompletionException} / {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
