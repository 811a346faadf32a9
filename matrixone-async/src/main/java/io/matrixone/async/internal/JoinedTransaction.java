package io.matrixone.async.internal;

import io.matrixone.async.AsyncOrmBinding;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.manager.AsyncManagerSupport;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.internal.tx.JoinedHandle;
import io.matrixone.core.internal.tx.TransactionState;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * The handle a nested {@code tx.transaction(body)} receives: statements go to the outer transaction; the handle's
 * own rules ({@link JoinedHandle}, shared with the sync client) decide what its commit, rollback and close mean, and
 * every call fails once it is closed or its nested body ended.
 */
final class JoinedTransaction extends AsyncManagerSupport implements AsyncTransaction {
    private final VertxTransaction root;
    private final JoinedHandle handle;

    private JoinedTransaction(VertxTransaction root, TransactionState outer) {
        this.root = root;
        this.handle = new JoinedHandle(outer);
    }

    /** Runs a nested body on a new joined handle; the handle closes when the body's stage completes. */
    static <T> CompletionStage<T> run(VertxTransaction root, TransactionState outer,
                                      Function<AsyncTransaction, CompletionStage<T>> body) {
        JoinedTransaction joined = new JoinedTransaction(root, outer);
        CompletionStage<T> stage;
        try {
            stage = body.apply(joined);
        } catch (Throwable e) {
            joined.handle.bodyEnded(e);
            return CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            NullPointerException npe = new NullPointerException("the transaction body returned null instead of a stage");
            joined.handle.bodyEnded(npe);
            return CompletableFuture.failedFuture(npe);
        }
        return stage.whenComplete((value, error) -> joined.handle.bodyEnded(error == null ? null : Stages.unwrap(error)));
    }

    /** {@code action} on the outer transaction, or a failed stage once this handle may no longer be used. */
    private <T> CompletionStage<T> outer(Supplier<CompletionStage<T>> action) {
        RuntimeException refusal = handle.refusal();
        return refusal != null ? CompletableFuture.failedFuture(refusal) : action.get();
    }

    private static CompletionStage<Void> done(Runnable rule) {
        try {
            rule.run();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // The joined handle's managers submit through the handle: queued on the outer transaction, refused once closed.
    @Override
    protected <T> CompletionStage<T> submitManaged(Function<Dialect, Operation<T>> build) {
        return outer(() -> {
            Operation<T> op;
            try {
                op = build.apply(root.dialect());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return root.submit(op);
        });
    }

    @Override
    public CompletionStage<Result> query(String sql, Object... params) {
        return outer(() -> root.query(sql, params));
    }

    @Override
    public CompletionStage<Result> execute(String sql, Object... params) {
        return outer(() -> root.execute(sql, params));
    }

    @Override
    public CompletionStage<long[]> executeBatch(String sql, List<? extends List<?>> rows) {
        return outer(() -> root.executeBatch(sql, rows));
    }

    @Override
    public CompletionStage<BulkResult> bulkInsert(BulkInsert insert) {
        return outer(() -> root.bulkInsert(insert));
    }

    @Override
    public CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer) {
        return outer(() -> root.stream(sql, params, consumer));
    }

    @Override
    public <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector) {
        return outer(() -> root.collect(sql, params, collector));
    }

    @Override
    public <T> CompletionStage<T> run(Operation<T> operation) {
        return outer(() -> root.run(operation));
    }

    @Override
    public <T> CompletionStage<T> submit(Operation<T> operation) {
        return outer(() -> root.submit(operation));
    }

    @Override
    public <T> CompletionStage<T> afterCommit(Operation<T> operation) {
        return outer(() -> root.afterCommit(operation));
    }

    @Override
    public CompletionStage<Result> afterCommit(String sql, Object... params) {
        return outer(() -> root.afterCommit(sql, params));
    }

    @Override
    public <S> CompletionStage<S> orm(AsyncOrmBinding<S> binding) {
        return outer(() -> root.orm(binding));
    }

    @Override
    public <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body) {
        return outer(() -> root.transaction(body));
    }

    @Override
    public boolean isJoined() {
        return true;
    }

    @Override
    public void setRollbackOnly() {
        RuntimeException refusal = handle.refusal();
        if (refusal != null) {
            throw refusal;
        }
        root.setRollbackOnly();
    }

    @Override
    public CompletionStage<Void> commit() {
        return done(handle::commit);
    }

    @Override
    public CompletionStage<Void> rollback() {
        return done(handle::rollback);
    }

    @Override
    public CompletionStage<Void> close() {
        return done(handle::close);
    }

    @Override
    public boolean isActive() {
        return handle.isActive();
    }

    @Override
    public ServerVersion serverVersion() {
        return root.serverVersion();
    }

    @Override
    public String toString() {
        return "JoinedTransaction[" + root + "]";
    }
}
