package io.matrixone.hibernate.reactive;

import io.matrixone.async.AsyncOrmBinding;
import io.matrixone.async.AsyncTransactionContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Stage and Mutiny bindings share: binding the transaction's connection under a key while the session
 * opens, and running every step on the transaction's Vert.x context. Hibernate Reactive pins a session to the
 * thread that opened it (HR000069), and the MatrixOne transaction runs on one context, so the session is opened
 * there; a call arriving from elsewhere is moved there rather than failed.
 *
 * @param <S> the session type
 */
abstract class ReactiveSessionBinding<S> implements AsyncOrmBinding<S> {
    private static final Logger log = LoggerFactory.getLogger(ReactiveSessionBinding.class);

    private final MatrixOneSqlClientPool pool;

    ReactiveSessionBinding(MatrixOneSqlClientPool pool) {
        this.pool = pool;
    }

    /** Opens a session of the API's kind with Hibernate Reactive's tenant id set to {@code key}. */
    abstract CompletionStage<S> openSession(String key);

    abstract CompletionStage<Void> flushSession(S session);

    abstract CompletionStage<Void> closeSession(S session);

    abstract boolean isOpen(S session);

    @Override
    public final CompletionStage<S> open(AsyncTransactionContext transaction) {
        Objects.requireNonNull(transaction, "transaction context");
        return onContext(transaction.context(), () -> {
            String key = pool.bind(transaction.connection());
            CompletionStage<S> opened;
            try {
                opened = openSession(key);
            } catch (RuntimeException e) {
                pool.unbind(key);
                throw e;
            }
            // Hibernate Reactive took the connection while opening: the key is no longer needed, on any outcome.
            return opened.whenComplete((session, error) -> {
                pool.unbind(key);
                if (error == null) {
                    log.debug("opened a Hibernate Reactive session on a MatrixOne transaction's connection");
                }
            });
        });
    }

    /** Sends pending changes; a session the application already closed has none to send. */
    @Override
    public final CompletionStage<Void> flush(S session) {
        return isOpen(session) ? flushSession(session) : CompletableFuture.completedFuture(null);
    }

    /**
     * Closes the session. Its connection view ignores {@code close()} and reports no Vert.x transaction, so this
     * sends nothing: no ROLLBACK, no COMMIT, and the transaction keeps its connection.
     */
    @Override
    public final CompletionStage<Void> close(S session) {
        return isOpen(session) ? closeSession(session) : CompletableFuture.completedFuture(null);
    }

    private static <T> CompletionStage<T> onContext(Context context, Supplier<CompletionStage<T>> action) {
        if (Vertx.currentContext() == context) {
            return safely(action);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> safely(action).whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    private static <T> CompletionStage<T> safely(Supplier<CompletionStage<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
