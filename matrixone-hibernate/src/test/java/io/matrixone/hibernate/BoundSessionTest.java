package io.matrixone.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.client.OrmBinding;

import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import jakarta.transaction.Synchronization;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guards of a bound session, offline: the session runs on a fake connection that refuses commit and rollback
 * and fails on any statement, so nothing here may touch the database or the connection's transaction.
 */
class BoundSessionTest {
    private static final String OWNS = "MatrixOne transaction, which owns commit and rollback";

    private static MatrixOneSessionFactory orm;

    private GuardedConnection connection;
    private Session session;

    @BeforeAll
    static void buildFactory() {
        orm = MatrixOneHibernate.sessionFactory(User.class);
    }

    @AfterAll
    static void closeFactory() {
        orm.close();
    }

    @BeforeEach
    void openSession() {
        connection = GuardedConnection.over(null);
        session = orm.open(new TestContext(connection.connection()));
    }

    @AfterEach
    void closeSession() {
        orm.close(session);
        assertThat(connection.calls()).doesNotContain("commit", "rollback", "setAutoCommit", "close");
    }

    @Test
    void hibernateSeesTheMatrixOneTransactionAsActiveAndJoined() {
        assertThat(session.getTransaction().isActive()).isTrue();
        assertThat(session.getTransaction().getStatus()).isEqualTo(TransactionStatus.ACTIVE);
        assertThat(session.isJoinedToTransaction()).isTrue();
        assertThat(session.unwrap(SessionImplementor.class).isTransactionInProgress()).isTrue();
    }

    @Test
    void beginTransactionFailsNamingTheOwner() {
        assertThatThrownBy(session::beginTransaction)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Session.beginTransaction()")
                .hasMessageContaining(OWNS);
    }

    @Test
    void transactionBeginAndCommitFailNamingTheOwner() {
        assertThatThrownBy(() -> session.getTransaction().begin()).hasMessageContaining(OWNS);
        assertThatThrownBy(() -> session.getTransaction().commit()).hasMessageContaining(OWNS);
        assertThatThrownBy(() -> ((EntityManager) session).getTransaction().commit()).hasMessageContaining(OWNS);
    }

    @Test
    void inTransactionFails() {
        assertThatThrownBy(() -> session.inTransaction(tx -> { })).hasMessageContaining(OWNS);
    }

    @Test
    void theUnwrappedSessionCannotEndTheTransactionEither() {
        SessionImplementor raw = session.unwrap(SessionImplementor.class);
        assertThat(raw).isSameAs(session);
        Session real = ((org.hibernate.engine.spi.SessionDelegatorBaseImpl) session).getSession();
        assertThat(real).isSameAs(session);

        org.hibernate.Transaction hibernateOwn = raw.accessTransaction();
        assertThatThrownBy(hibernateOwn::commit).hasMessageContaining(OWNS);
        assertThatThrownBy(hibernateOwn::rollback).hasMessageContaining(OWNS);
    }

    @Test
    void rollbackFailsButDoomsTheTransaction() {
        assertThatThrownBy(() -> session.getTransaction().rollback())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OWNS)
                .hasMessageContaining("rollback-only");
        assertThat(session.getTransaction().getRollbackOnly()).isTrue();
        assertThatThrownBy(() -> orm.flush(session)).isInstanceOf(RollbackException.class);
    }

    @Test
    void setRollbackOnlyMakesTheSdkFlushFail() {
        orm.flush(session);
        session.getTransaction().setRollbackOnly();
        assertThat(session.getTransaction().getStatus()).isEqualTo(TransactionStatus.MARKED_ROLLBACK);
        assertThatThrownBy(() -> orm.flush(session))
                .isInstanceOf(RollbackException.class)
                .hasMessageContaining("rollback-only");
    }

    @Test
    void synchronizationsAreRefused() {
        Synchronization sync = new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
            }
        };
        assertThatThrownBy(() -> session.getTransaction().registerSynchronization(sync))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> session.unwrap(SessionImplementor.class).accessTransaction()
                .registerSynchronization(sync)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void closeByUserCodeIsIgnoredUntilTheTransactionEnds() {
        session.close();
        assertThat(session.isOpen()).isTrue();

        orm.close(session);
        assertThat(session.isOpen()).isFalse();
        assertThat(connection.calls()).doesNotContain("commit", "rollback", "setAutoCommit", "close");
    }

    @Test
    void flushOfACleanSessionSendsNothing() {
        orm.flush(session);
        // the fake connection would have failed on prepareStatement
        assertThat(connection.calls()).doesNotContain("prepareStatement", "createStatement");
    }

    @Test
    void theSessionIsUnusableAfterTheTransaction() {
        orm.close(session);
        assertThatThrownBy(() -> session.find(User.class, 1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.persist(new User(1, "a", "a@x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void plainSessionsOfTheSameFactoryKeepHibernatesOwnTransactions() {
        try (Session plain = orm.sessionFactory().withOptions()
                .connection(GuardedConnection.over(null).connection()).openSession()) {
            assertThat(plain.getTransaction().isActive()).isFalse();
            assertThat(plain.isJoinedToTransaction()).isFalse();
        }
    }

    @Test
    void aSessionFromElsewhereIsRejected() {
        OrmBinding<Session> binding = MatrixOneHibernate.binding(orm.sessionFactory());
        try (Session plain = orm.sessionFactory().withOptions()
                .connection(GuardedConnection.over(null).connection()).openSession()) {
            assertThatThrownBy(() -> binding.flush(plain)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
