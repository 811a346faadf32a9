package io.matrixone.async.internal;

import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.internal.error.ErrorClassifier;
import io.vertx.core.VertxException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure from an ORM session on a transaction's connection means to the caller. A server error inside it
 * (Hibernate Reactive's {@code ConstraintViolationException} around the driver's duplicate-key error, which it
 * passes on as a {@code SQLException} carrying Vert.x's text) becomes the
 * SDK's exception ({@code DuplicateKeyException} ...) with the ORM's exception as its cause. Hibernate Reactive's
 * {@code AssertionFailure} when its session is flushed while one of its own calls is still running becomes an
 * {@link IllegalStateException} that says what to do. A connection lost while the session ran a statement (Vert.x's
 * {@code ClosedConnectionException} through the session) becomes the SDK's {@code ConnectionLostException}.
 */
final class OrmErrors {
    static final String ORM_BUSY = "a statement of this transaction was issued while a Hibernate Reactive call of the "
            + "same transaction was still running, so its session could not be flushed first. Reactive sessions run "
            + "one call at a time: chain the statement after the ORM call's stage (thenCompose), do not run them "
            + "concurrently";

    /**
     * Vert.x's text of a server error, {@code {errorMessage=..., errorCode=N, sqlState=S}}. Hibernate Reactive turns
     * Vert.x's {@code MySQLException} into a {@code java.sql.SQLException} with this text and no cause (the module
     * references no JDBC type, so the text is what identifies it).
     */
    private static final Pattern DRIVER_MESSAGE = Pattern.compile(
            "\\{errorMessage=(.*), errorCode=(\\d{1,9}), sqlState=([0-9A-Z]{5})}", Pattern.DOTALL);

    private OrmErrors() {
    }

    /** The exception to report for {@code error} thrown by an ORM session. */
    static Throwable translate(Throwable error) {
        Throwable e = Stages.unwrap(error);
        if (e instanceof MatrixOneException) {
            return e;
        }
        for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof MatrixOneException) {
                return e; // an SDK failure the ORM wrapped: keep the ORM's view, its cause says it all
            }
            if (c instanceof MySQLException m) {
                return ErrorClassifier.classify(m.getErrorCode(), m.getSqlState(), Stages.serverMessage(m), null, e);
            }
            Matcher driver = DRIVER_MESSAGE.matcher(String.valueOf(c.getMessage()));
            if (driver.matches()) { // the driver's error as Hibernate Reactive passes it on (a SQLException, no cause)
                return ErrorClassifier.classify(Integer.parseInt(driver.group(2)), driver.group(3), driver.group(1), null,
                        e);
            }
            if (c.getClass().getName().equals("org.hibernate.AssertionFailure")) {
                return new IllegalStateException(ORM_BUSY, e);
            }
            if (c instanceof ClosedConnectionException || c instanceof VertxException) {
                // the session's connection was lost under it (Vert.x says so by type or only by text)
                RuntimeException lost = Stages.translate(c, null);
                if (lost instanceof ConnectionLostException) {
                    return lost;
                }
            }
        }
        return e;
    }
}
