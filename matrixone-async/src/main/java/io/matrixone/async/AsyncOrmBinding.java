package io.matrixone.async;

import java.util.concurrent.CompletionStage;

/**
 * Opens a reactive ORM session on an async transaction's own connection, so that ORM writes, raw SQL and
 * MatrixOne operations share one database transaction. {@code matrixone-hibernate} implements it for
 * Hibernate Reactive; an {@link AsyncTransaction} calls it through {@link AsyncTransaction#orm(AsyncOrmBinding)}.
 * The async twin of the sync client's {@code OrmBinding}.
 *
 * <p>The transaction owns the connection and its transaction: a session must never begin, commit or roll
 * back on its own, nor close the connection ({@link AsyncTransactionContext#connection()} enforces that).
 *
 * <p>Every method is called on the transaction's Vert.x context ({@link AsyncTransactionContext#context()}):
 * Hibernate Reactive refuses a session used from another thread than the one that opened it (HR000069).
 * No method may block; each returns a stage that completes when the work is done.
 *
 * @param <S> the session type, e.g. {@code org.hibernate.reactive.stage.Stage.Session}
 */
public interface AsyncOrmBinding<S> {

    /** Opens a session on {@code context.connection()}. Called at most once per transaction and binding. */
    CompletionStage<S> open(AsyncTransactionContext context);

    /** Sends the session's pending changes; called before each raw statement of the transaction and before COMMIT. */
    CompletionStage<Void> flush(S session);

    /**
     * Discards the session once the transaction ended (committed, rolled back or failed). Must not touch the
     * connection's transaction. Called exactly once per opened session, on every path.
     */
    CompletionStage<Void> close(S session);
}
