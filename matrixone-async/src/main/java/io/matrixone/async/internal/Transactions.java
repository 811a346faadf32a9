package io.matrixone.async.internal;

import io.matrixone.async.AsyncTransaction;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.tx.AfterCommitStage;
import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Begins transactions and runs the lambda form: commit when the body's stage completes, roll back when it
 * fails or the body throws, and run the whole body again on MatrixOne's "retry the whole transaction" errors
 * ({@code MatrixOneException.isRetryable()}: never 20638 "commit status unknown", never once COMMIT succeeded,
 * since what fails after it is an after-commit step), waiting with a Vert.x timer, never a sleeping thread.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final Vertx vertx;
    private final ConnectionSource connections;
    private final StatementRunner runner;
    private final Supplier<Future<ServerVersion>> version;
    private final String loginAccount;
    private final AtomicInteger borrowed = new AtomicInteger();

    Transactions(Vertx vertx, ConnectionSource connections, StatementRunner runner, Supplier<Future<ServerVersion>> version,
                 String loginAccount) {
        this.vertx = vertx;
        this.connections = connections;
        this.runner = runner;
        this.version = version;
        this.loginAccount = loginAccount;
    }

    /** Connections held by open transactions. */
    int borrowed() {
        return borrowed.get();
    }

    /**
     * Borrows a connection and sends BEGIN, on the caller's event-loop context when it has one of this
     * client's Vert.x (so an ORM session opened there can use the transaction), else on a fresh one.
     */
    Future<VertxTransaction> begin() {
        return onTransactionContext(this::beginHere);
    }

    private Future<VertxTransaction> beginHere(Context context) {
        return version.get().compose(ver -> VertxTransaction.begin(vertx, context, connections, runner, ver, loginAccount,
                borrowed::incrementAndGet, borrowed::decrementAndGet));
    }

    /**
     * Runs {@code work} on the context a transaction will live on. Everything after that (BEGIN's answer, the
     * body, COMMIT) is composed there, so no continuation can slip onto the caller's thread.
     */
    private <T> Future<T> onTransactionContext(Function<Context, Future<T>> work) {
        Context current = Vertx.currentContext();
        Context context = current != null && current.owner() == vertx && current.isEventLoopContext()
                ? current : vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.apply(context).onComplete(promise);
            } catch (Throwable e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    <T> Future<T> run(Function<AsyncTransaction, CompletionStage<T>> body, RetryPolicy policy) {
        return attempt(body, policy, 1);
    }

    private <T> Future<T> attempt(Function<AsyncTransaction, CompletionStage<T>> body, RetryPolicy policy, int n) {
        return onTransactionContext(context -> beginHere(context).compose(tx -> runBody(tx, body))).recover(error -> {
            Throwable e = Stages.unwrap(error);
            if (!policy.shouldRetry(e, n)) {
                return Future.failedFuture(e);
            }
            long delay = Math.max(1, policy.backoff(n).toMillis());
            LOG.debug("transaction attempt {} failed ({}); retrying in {} ms", n, e.getMessage(), delay);
            Promise<Void> waited = Promise.promise();
            vertx.setTimer(delay, id -> waited.complete());
            return waited.future().compose(v -> attempt(body, policy, n + 1));
        });
    }

    /**
     * Runs on the transaction's context (BEGIN's answer arrives there). A body that returns the stage of an
     * after-commit step (or one derived from it with that stage's own methods) produces its value after COMMIT:
     * the transaction commits first (COMMIT queues behind the statements the body issued), then completes with it.
     */
    private <T> Future<T> runBody(VertxTransaction tx, Function<AsyncTransaction, CompletionStage<T>> body) {
        Future<T> result;
        try {
            CompletionStage<T> stage = body.apply(tx);
            if (stage instanceof AfterCommitStage<T> later) {
                return tx.commitNow().compose(v -> Future.fromCompletionStage(later.afterCommit(), tx.context()))
                        .recover(e -> Future.failedFuture(Stages.unwrap(e)));
            }
            result = stage == null
                    ? Future.failedFuture(new NullPointerException("the transaction body returned null instead of a stage"))
                    // waiting on a queued step's stage here fails with IllegalStateException: it would never end
                    : Future.fromCompletionStage(stage, tx.context());
        } catch (Throwable e) { // user code: even an Error must roll back and release
            result = Future.failedFuture(e);
        }
        return result.transform(ar -> {
            if (ar.succeeded()) {
                return tx.commitNow().map(ar.result());
            }
            Throwable cause = OrmErrors.translate(ar.cause()); // an ORM's driver error becomes the SDK's
            return tx.rollbackNow(cause).transform(x -> Future.failedFuture(cause));
        });
    }
}
