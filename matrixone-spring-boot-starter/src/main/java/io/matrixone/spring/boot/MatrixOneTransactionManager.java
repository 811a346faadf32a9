package io.matrixone.spring.boot;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.OrmBinding;
import io.matrixone.client.Transaction;
import io.matrixone.client.TransactionContext;
import io.matrixone.core.error.AfterCommitStepException;

import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * Spring's transactions ({@code @Transactional}, {@code TransactionTemplate}) as MatrixOne unified transactions:
 * each Spring transaction is one SDK {@link Transaction} ({@code client.begin()}), so inside it
 * <ul>
 *   <li>{@code JdbcTemplate}, JPA / Spring Data repositories and Flyway (through the client's
 *       {@link MatrixOneClient#dataSource() DataSource}) and the client's own statements share one connection and
 *       one database transaction;</li>
 *   <li>the transaction's managers ({@link #currentTransaction()}{@code .snapshots().create(..)}) queue what
 *       MatrixOne refuses inside a transaction as after-commit steps: a snapshot requested there is taken right
 *       after COMMIT, never on rollback, exactly as in {@code client.transaction(..)};</li>
 *   <li>JPA sessions are flushed before every statement the SDK sends and before COMMIT, so the server sees ORM
 *       writes and SDK statements in program order.</li>
 * </ul>
 *
 * <p>What MatrixOne cannot do fails loudly: {@code NESTED} (MatrixOne cannot roll back to a savepoint) with a
 * {@link NestedTransactionNotSupportedException} whether or not a transaction is open, and an isolation level
 * (it would need SET, which commits an open transaction on MatrixOne up to 4.2.0) with an
 * {@link InvalidIsolationLevelException}. {@code REQUIRES_NEW} and {@code NOT_SUPPORTED} suspend the outer
 * transaction ({@link MatrixOneClient#suspendTransaction()}); the inner one uses a second pooled connection.
 * A timeout applies to JdbcTemplate statements (as query timeouts), not to the SDK's own.
 *
 * <p>Unlike {@code client.transaction(..)}, Spring does not run the method again on a write-write conflict: the
 * {@code TransactionConflictException} ({@code isRetryable()}) reaches the caller.
 *
 * <p>If an after-commit step fails, the data is committed: Spring's after-commit callbacks still run, then the
 * {@link AfterCommitStepException} reaches the caller.
 */
public final class MatrixOneTransactionManager implements ResourceTransactionManager {

    private final MatrixOneClient client;
    private final Engine engine;

    public MatrixOneTransactionManager(MatrixOneClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.engine = new Engine(client);
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
        if (definition != null && definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED) {
            throw nestedRefused();
        }
        return engine.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) throws TransactionException {
        engine.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) throws TransactionException {
        engine.rollback(status);
    }

    /** The client: the key its transactions are bound to the thread under. */
    @Override
    public Object getResourceFactory() {
        return client;
    }

    /**
     * The MatrixOne transaction of the current Spring transaction, for its managers:
     * {@code txManager.currentTransaction().snapshots().create(SnapshotSpec.database("s", "app"))} queues the
     * snapshot to run right after COMMIT.
     *
     * @throws IllegalStateException outside a transaction of this manager
     */
    public Transaction currentTransaction() {
        Transaction tx = currentTransactionOrNull();
        if (tx == null) {
            throw new IllegalStateException("no MatrixOne transaction on this thread: call it inside a "
                    + "@Transactional method (or a TransactionTemplate) of " + this);
        }
        return tx;
    }

    /** The MatrixOne transaction of the current Spring transaction, or {@code null} outside one. */
    public Transaction currentTransactionOrNull() {
        Holder holder = (Holder) TransactionSynchronizationManager.getResource(client);
        return holder == null || !holder.tx.isActive() ? null : holder.tx;
    }

    @Override
    public String toString() {
        return "MatrixOneTransactionManager[" + client + "]";
    }

    static NestedTransactionNotSupportedException nestedRefused() {
        return new NestedTransactionNotSupportedException("PROPAGATION_NESTED needs savepoints and MatrixOne cannot "
                + "roll back to one: use REQUIRED (join the transaction) or REQUIRES_NEW (a separate transaction)");
    }

    /** The SDK transaction of one Spring transaction, bound to the thread under the client. */
    static final class Holder extends ResourceHolderSupport {
        final Transaction tx;
        AfterCommitStepException stepFailure;
        /** Set once Spring prepares the commit: its sessions are flushed and may be closed from then on. */
        volatile boolean completing;

        Holder(Transaction tx) {
            this.tx = tx;
        }
    }

    /** Spring's transaction object: the holder bound when the transaction was looked up, if any. */
    static final class TxObject implements SmartTransactionObject {
        Holder holder;

        TxObject(Holder holder) {
            this.holder = holder;
        }

        @Override
        public boolean isRollbackOnly() {
            return holder != null && holder.isRollbackOnly();
        }

        @Override
        public void flush() {
            TransactionSynchronizationUtils.triggerFlush();
        }
    }

    /** What a suspended transaction leaves behind, to be bound again on resume. */
    private record Suspended(Holder holder, ConnectionHolder connection, Transaction tx) {
    }

    /**
     * Flushes Spring-managed JPA sessions (and anything else registered with the transaction that can flush)
     * before each statement the SDK sends in the transaction: the SDK calls it like an ORM session's flush. Once
     * Spring prepares the commit it has flushed them itself (JPA sessions may be closed before COMMIT is sent), so
     * from then on it does nothing.
     */
    private static final class SpringFlush implements OrmBinding<Object> {
        private final Holder holder;

        SpringFlush(Holder holder) {
            this.holder = holder;
        }

        @Override
        public Object open(TransactionContext context) {
            return Boolean.TRUE; // a token: the sessions belong to Spring
        }

        @Override
        public void flush(Object token) {
            if (!holder.completing && TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationUtils.triggerFlush();
            }
        }

        @Override
        public void close(Object token) {
            // Spring closes its sessions at completion
        }

        @Override
        public String toString() {
            return "Spring transaction synchronizations";
        }
    }

    /** Spring's template for the transaction lifecycle, run on SDK transactions. */
    private static final class Engine extends AbstractPlatformTransactionManager {
        private final transient MatrixOneClient client;
        private final transient DataSource dataSource;

        Engine(MatrixOneClient client) {
            this.client = client;
            this.dataSource = client.dataSource();
            setTransactionSynchronization(SYNCHRONIZATION_ALWAYS);
        }

        @Override
        protected Object doGetTransaction() {
            return new TxObject((Holder) TransactionSynchronizationManager.getResource(client));
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((TxObject) transaction).holder != null;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            if (definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED) {
                throw nestedRefused();
            }
            if (definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT) {
                throw new InvalidIsolationLevelException("MatrixOne transactions run at the server's isolation "
                        + "level: choosing one would send SET, which commits an open transaction on MatrixOne up to "
                        + "4.2.0");
            }
            Transaction tx = client.begin();
            try {
                Holder holder = new Holder(tx);
                tx.orm(new SpringFlush(holder));
                ConnectionHolder connection = new ConnectionHolder(tx.connection());
                int timeout = determineTimeout(definition);
                if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
                    holder.setTimeoutInSeconds(timeout);
                    connection.setTimeoutInSeconds(timeout);
                }
                holder.setSynchronizedWithTransaction(true);
                connection.setSynchronizedWithTransaction(true);
                TransactionSynchronizationManager.bindResource(client, holder);
                TransactionSynchronizationManager.bindResource(dataSource, connection);
                ((TxObject) transaction).holder = holder;
            } catch (RuntimeException | Error e) {
                tx.close();
                throw e;
            }
        }

        @Override
        protected void prepareForCommit(DefaultTransactionStatus status) {
            Holder holder = ((TxObject) status.getTransaction()).holder;
            // JPA sessions send their changes now: Spring closes them before completion, i.e. before COMMIT
            TransactionSynchronizationUtils.triggerFlush();
            holder.completing = true;
            // runs after every other afterCommit callback: a failed after-commit step is reported, the data stays
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.LOWEST_PRECEDENCE;
                }

                @Override
                public void afterCommit() {
                    if (holder.stepFailure != null) {
                        throw holder.stepFailure;
                    }
                }
            });
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            Holder holder = ((TxObject) status.getTransaction()).holder;
            try {
                holder.tx.commit();
            } catch (AfterCommitStepException e) {
                holder.stepFailure = e; // committed: thrown once Spring's after-commit callbacks ran
            }
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            Holder holder = ((TxObject) status.getTransaction()).holder;
            if (holder.tx.isActive()) { // a failed COMMIT has already rolled back
                holder.tx.rollback();
            }
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
            Holder holder = ((TxObject) status.getTransaction()).holder;
            holder.setRollbackOnly();
            holder.tx.setRollbackOnly();
        }

        @Override
        protected Object doSuspend(Object transaction) {
            ((TxObject) transaction).holder = null;
            Holder holder = (Holder) TransactionSynchronizationManager.unbindResource(client);
            ConnectionHolder connection = (ConnectionHolder) TransactionSynchronizationManager.unbindResource(dataSource);
            return new Suspended(holder, connection, client.suspendTransaction());
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
            Suspended s = (Suspended) suspendedResources;
            client.resumeTransaction(s.tx());
            TransactionSynchronizationManager.bindResource(client, s.holder());
            TransactionSynchronizationManager.bindResource(dataSource, s.connection());
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            Holder holder = ((TxObject) transaction).holder;
            TransactionSynchronizationManager.unbindResourceIfPossible(client);
            TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
            holder.tx.close(); // idempotent; rolls back only what neither committed nor rolled back
            holder.clear();
        }
    }
}
