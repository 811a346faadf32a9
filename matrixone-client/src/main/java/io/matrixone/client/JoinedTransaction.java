package io.matrixone.client;

import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.manager.TxManagerSupport;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.tx.AfterCommit;
import io.matrixone.core.internal.tx.JoinedHandle;
import io.matrixone.core.internal.tx.TransactionState;
import io.matrixone.core.version.ServerVersion;

import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The handle a nested {@code begin()} or {@code transaction(..)} on the same thread receives: statements go to
 * the outer transaction; the handle's own rules ({@link JoinedHandle}, shared with the async client) decide what
 * its commit, rollback and close mean, and refuse every call once it is closed or its nested body ended.
 */
final class JoinedTransaction extends TxManagerSupport implements Transaction {
    private final RootTransaction root;
    private final JoinedHandle handle;

    JoinedTransaction(RootTransaction root, TransactionState outer) {
        this.root = root;
        this.handle = new JoinedHandle(outer);
    }

    /** The outer transaction, once this handle may still be used. */
    private RootTransaction root() {
        RuntimeException refusal = handle.refusal();
        if (refusal != null) {
            throw refusal;
        }
        return root;
    }

    /** Called when the nested body ended: the handle closes; a failure makes the outer transaction roll back. */
    void bodyEnded(Throwable failure) {
        handle.bodyEnded(failure);
    }

    @Override
    public Result query(String sql, Object... params) {
        return root().query(sql, params);
    }

    @Override
    public Result execute(String sql, Object... params) {
        return root().execute(sql, params);
    }

    @Override
    public long[] executeBatch(String sql, List<? extends List<?>> rows) {
        return root().executeBatch(sql, rows);
    }

    @Override
    public BulkResult bulkInsert(BulkInsert insert) {
        return root().bulkInsert(insert);
    }

    @Override
    public long stream(String sql, List<?> params, Consumer<Row> consumer) {
        return root().stream(sql, params, consumer);
    }

    @Override
    public <T> T run(Operation<T> operation) {
        return root().run(operation);
    }

    @Override
    public <T> AfterCommit<T> submit(Operation<T> operation) {
        return root().submit(operation);
    }

    @Override
    public <T> AfterCommit<T> afterCommit(Operation<T> operation) {
        return root().afterCommit(operation);
    }

    @Override
    public AfterCommit<Result> afterCommit(String sql, Object... params) {
        return root().afterCommit(sql, params);
    }

    @Override
    public <S> S orm(OrmBinding<S> binding) {
        return root().orm(binding);
    }

    @Override
    public Connection connection() {
        return root().connection();
    }

    @Override
    public ServerVersion serverVersion() {
        return root.serverVersion();
    }

    // ------------------------------------------------------------------------------------------- managers
    // snapshots(), clones() ... come from TxManagerSupport, generated from the dialect, through these hooks.

    @Override
    protected <T> T runManaged(Operation<T> operation) {
        return run(operation);
    }

    @Override
    protected <T> AfterCommit<T> submitManaged(Operation<T> operation) {
        return submit(operation);
    }

    @Override
    protected Dialect managedDialect() {
        return root.dialect();
    }

    @Override
    public void commit() {
        handle.commit();
    }

    @Override
    public void rollback() {
        handle.rollback();
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public boolean isActive() {
        return handle.isActive();
    }

    @Override
    public boolean isJoined() {
        return true;
    }

    @Override
    public void setRollbackOnly() {
        root().setRollbackOnly();
    }

    @Override
    public String toString() {
        return "Transaction[joined, " + root + "]";
    }
}
