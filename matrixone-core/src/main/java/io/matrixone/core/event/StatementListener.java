package io.matrixone.core.event;

/**
 * Told about every statement a client sends: {@link #beforeStatement} right before it goes to the server,
 * {@link #afterStatement} once its answer (or failure) is known. Register with
 * {@link io.matrixone.core.config.ClientOptions.Builder#listener(StatementListener)}; the sync and the async client
 * call the same listeners with the same {@link StatementEvent}s.
 *
 * <pre>{@code
 * MatrixOneClient client = MatrixOneClient.create(o -> o.host("db")
 *         .listener(e -> log.info("{} took {} ms", e.sql(), e.duration().toMillis())));   // after only
 * }</pre>
 *
 * <p>What is seen: every statement the client runs itself, in autocommit mode and in transactions: raw SQL, the
 * managers' operations, BEGIN, COMMIT, ROLLBACK and after-commit steps (in the order they are sent, so a
 * transaction's steps come after its COMMIT). What is not: statements Hibernate sends through an ORM session
 * bound with {@code tx.orm(..)} (Hibernate runs them on the connection itself; flushes the SDK triggers happen
 * between the events of the SDK's own statements), and, for now, the statements of {@code bulkInsert}.
 *
 * <p>The contract:
 * <ul>
 *   <li>The SQL is redacted (string literals masked, so no password of {@code IDENTIFIED BY '...'}); parameter
 *       values are never passed, only their number.</li>
 *   <li>Every {@code beforeStatement} is followed by exactly one {@code afterStatement} for the same statement,
 *       including when it fails; listeners are called in the order they were registered.</li>
 *   <li>Listeners run on the thread that sends or completes the statement, while the caller waits: keep them
 *       short, and never block in them with the async client (they run on a Vert.x event loop there). They may be
 *       called concurrently from several threads.</li>
 *   <li>An exception thrown by a listener is logged (WARN once per listener class and client, DEBUG after that)
 *       and otherwise ignored: it never fails or changes the statement, and the other listeners still run.</li>
 * </ul>
 * Registering no listener costs nothing: no event is created.
 */
@FunctionalInterface
public interface StatementListener {

    /** Called right before the statement is sent; {@link StatementEvent#phase()} is {@code BEFORE}. */
    default void beforeStatement(StatementEvent event) {
    }

    /** Called once the statement succeeded or failed; the event carries its duration and outcome. */
    void afterStatement(StatementEvent event);
}
