package io.matrixone.async.internal;

import io.matrixone.async.AsyncOrmBinding;
import io.matrixone.async.AsyncAccountManager;
import io.matrixone.async.AsyncCloneManager;
import io.matrixone.async.AsyncMoCtlManager;
import io.matrixone.async.AsyncPitrManager;
import io.matrixone.async.AsyncPublicationManager;
import io.matrixone.async.AsyncRestoreManager;
import io.matrixone.async.AsyncSnapshotManager;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.async.AsyncVersionManager;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The handle a nested {@code tx.transaction(body)} receives: it joins the outer transaction (MatrixOne has no
 * working savepoints), so statements go to the outer one; its commit does nothing (the outer one commits), and its
 * rollback, or a close without commit, marks the outer one rollback-only. Same rules as the sync client.
 */
final class JoinedTransaction implements AsyncTransaction {
    private final VertxTransaction root;
    private volatile boolean committed;
    private volatile boolean closed;

    JoinedTransaction(VertxTransaction root) {
        this.root = root;
    }

    // The joined handle's managers queue on the outer transaction, like its statements.
    @Override
    public AsyncSnapshotManager snapshots() {
        return root.managers().snapshots();
    }

    @Override
    public AsyncCloneManager clones() {
        return root.managers().clones();
    }

    @Override
    public AsyncRestoreManager restores() {
        return root.managers().restores();
    }

    @Override
    public AsyncPitrManager pitr() {
        return root.managers().pitr();
    }

    @Override
    public AsyncPublicationManager publications() {
        return root.managers().publications();
    }

    @Override
    public AsyncAccountManager accounts() {
        return root.managers().accounts();
    }

    @Override
    public AsyncMoCtlManager moCtl() {
        return root.managers().moCtl();
    }

    @Override
    public AsyncVersionManager version() {
        return root.managers().version();
    }

    @Override
    public CompletionStage<Result> query(String sql, Object... params) {
        return root.query(sql, params);
    }

    @Override
    public CompletionStage<Result> execute(String sql, Object... params) {
        return root.execute(sql, params);
    }

    @Override
    public CompletionStage<long[]> executeBatch(String sql, List<? extends List<?>> rows) {
        return root.executeBatch(sql, rows);
    }

    @Override
    public CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer) {
        return root.stream(sql, params, consumer);
    }

    @Override
    public <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector) {
        return root.collect(sql, params, collector);
    }

    @Override
    public <T> CompletionStage<T> run(Operation<T> operation) {
        return root.run(operation);
    }

    @Override
    public <T> CompletionStage<T> submit(Operation<T> operation) {
        return root.submit(operation);
    }

    @Override
    public <T> CompletionStage<T> afterCommit(Operation<T> operation) {
        return root.afterCommit(operation);
    }

    @Override
    public CompletionStage<Result> afterCommit(String sql, Object... params) {
        return root.afterCommit(sql, params);
    }

    @Override
    public <S> CompletionStage<S> orm(AsyncOrmBinding<S> binding) {
        return root.orm(binding);
    }

    @Override
    public <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body) {
        return root.transaction(body);
    }

    @Override
    public boolean isJoined() {
        return true;
    }

    @Override
    public void setRollbackOnly() {
        root.setRollbackOnly();
    }

    @Override
    public CompletionStage<Void> commit() {
        committed = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> rollback() {
        root.markRollbackOnly("a joined transaction called rollback()");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> close() {
        if (!closed) {
            closed = true;
            if (!committed && root.isActive()) {
                root.markRollbackOnly("a joined transaction was closed without commit()");
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isActive() {
        return root.isActive() && !closed;
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
