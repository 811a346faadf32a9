package io.matrixone.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unified transactions end to end: {@link MatrixOneClient} transactions with a Hibernate session from
 * {@code tx.orm(..)}, raw SQL and after-commit MatrixOne operations, over the wire through the emulator.
 */
@ExtendWith(EmulatorExtension.class)
class TransactionOrmIT {
    private static final String OWNS = "owns commit and rollback";

    private final Emulator emulator;
    private MatrixOneClient client;
    private MatrixOneSessionFactory orm;

    TransactionOrmIT(Emulator emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void setUp() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS hib_users");
            st.execute("DROP TABLE IF EXISTS hib_audit");
            st.execute("CREATE TABLE hib_users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " email VARCHAR(200) NOT NULL UNIQUE)");
            st.execute("CREATE TABLE hib_audit (id BIGINT PRIMARY KEY, msg VARCHAR(200) NOT NULL)");
        }
        client = MatrixOneClient.create(o -> o.host(emulator.host()).port(emulator.port()).user(emulator.user())
                .password(emulator.password()).database(emulator.database()));
        orm = MatrixOneHibernate.sessionFactory(client, User.class);
        emulator.statementsIfRecorded().ifPresent(log -> log.clear());
    }

    @AfterEach
    void tearDown() {
        orm.close();
        assertThat(client.poolStats().active()).as("connections leaked").isZero();
        client.close();
    }

    @Test
    void ormAndRawWritesSeeEachOtherInsideAndNobodyElseSeesThemBeforeCommit() throws Exception {
        AtomicLong connectionId = new AtomicLong();
        client.inTransaction(tx -> {
            connectionId.set(tx.query("SELECT CONNECTION_ID()").scalarLong());
            Session session = tx.orm(orm);
            session.persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");

            assertThat(session.createSelectionQuery("select count(*) from User", Long.class).getSingleResult())
                    .isEqualTo(1L);
            assertThat(session.createNativeQuery("SELECT msg FROM hib_audit WHERE id = 1", String.class)
                    .getSingleResult()).as("the ORM sees the raw row").isEqualTo("raw");
            assertThat(tx.query("SELECT name FROM hib_users WHERE email = ?", "ann@example.com").scalar(String.class))
                    .as("raw SQL sees the ORM row").isEqualTo("ann");

            assertThat(countFromOutside("hib_users")).as("ORM row before commit, other connection").isZero();
            assertThat(countFromOutside("hib_audit")).as("raw row before commit, other connection").isZero();
        });
        assertThat(countFromOutside("hib_users")).isEqualTo(1);
        assertThat(countFromOutside("hib_audit")).isEqualTo(1);
        assertThat(transactionControl(connectionId.get())).containsExactly("BEGIN", "COMMIT");
    }

    @Test
    void aThrowingBodyRollsBackOrmAndRawWrites() throws Exception {
        IllegalStateException failure = new IllegalStateException("body failed");
        assertThatThrownBy(() -> client.inTransaction(tx -> {
            tx.orm(orm).persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");
            assertThat(tx.query("SELECT COUNT(*) FROM hib_users").scalarLong()).isEqualTo(1);
            throw failure;
        })).isSameAs(failure);
        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(countFromOutside("hib_audit")).isZero();
    }

    @Test
    void pendingOrmChangesAreFlushedAtCommit() throws Exception {
        client.inTransaction(tx -> {
            Session session = tx.orm(orm);
            session.persist(new User(1, "ann", "ann@example.com"));
            session.persist(new User(2, "bob", "bob@example.com"));
        });
        try (Transaction tx = client.begin()) {
            Session session = tx.orm(orm);
            session.find(User.class, 2L).setEmail("bob@new.example");
            tx.commit();
        }
        assertThat(countFromOutside("hib_users")).isEqualTo(2);
        assertThat(queryFromOutside("SELECT email FROM hib_users WHERE id = 2")).isEqualTo("bob@new.example");
    }

    @Test
    void tryWithResourcesWithoutCommitRollsBackTheOrmWrite() throws Exception {
        try (Transaction tx = client.begin()) {
            tx.orm(orm).persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");
        }
        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(countFromOutside("hib_audit")).isZero();
    }

    @Test
    void beginTransactionOnTheSessionFailsLoudlyAndCommitsNothing() throws Exception {
        AtomicLong connectionId = new AtomicLong();
        assertThatThrownBy(() -> client.transaction(RetryPolicy.NONE, tx -> {
            connectionId.set(tx.query("SELECT CONNECTION_ID()").scalarLong());
            Session session = tx.orm(orm);
            session.persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");
            return session.beginTransaction();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(OWNS);

        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(countFromOutside("hib_audit")).isZero();
        assertThat(transactionControl(connectionId.get())).containsExactly("BEGIN", "ROLLBACK");
    }

    @Test
    void committingTheSessionsTransactionFailsLoudlyAndCommitsNothing() throws Exception {
        AtomicLong connectionId = new AtomicLong();
        assertThatThrownBy(() -> client.inTransaction(tx -> {
            connectionId.set(tx.query("SELECT CONNECTION_ID()").scalarLong());
            Session session = tx.orm(orm);
            session.persist(new User(1, "ann", "ann@example.com"));
            session.flush();
            session.getTransaction().commit();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(OWNS);

        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(transactionControl(connectionId.get())).containsExactly("BEGIN", "ROLLBACK");
    }

    @Test
    void setRollbackOnlyOnTheSessionRollsTheTransactionBack() throws Exception {
        assertThatThrownBy(() -> client.inTransaction(tx -> {
            Session session = tx.orm(orm);
            session.persist(new User(1, "ann", "ann@example.com"));
            session.getTransaction().setRollbackOnly();
        })).isInstanceOf(jakarta.persistence.RollbackException.class);
        assertThat(countFromOutside("hib_users")).isZero();
    }

    @Test
    void theSessionCannotBeUsedAfterTheTransaction() {
        AtomicReference<Session> kept = new AtomicReference<>();
        client.inTransaction(tx -> {
            Session session = tx.orm(orm);
            session.persist(new User(1, "ann", "ann@example.com"));
            kept.set(session);
        });
        assertThat(kept.get().isOpen()).isFalse();
        assertThatThrownBy(() -> kept.get().find(User.class, 1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kept.get().persist(new User(2, "bob", "bob@example.com")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneSessionPerTransactionAndBinding() {
        client.inTransaction(tx -> assertThat(tx.orm(orm)).isSameAs(tx.orm(orm)));
    }

    @Test
    void aSnapshotRequestedInTheTransactionIsTakenAfterCommitAndHoldsTheOrmRow() throws Exception {
        String snapshot = "hib_snap_" + System.nanoTime();
        client.inTransaction(tx -> {
            tx.orm(orm).persist(new User(1, "ann", "ann@example.com"));
            tx.afterCommit("CREATE SNAPSHOT " + snapshot + " FOR DATABASE " + emulator.database());
        });
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM hib_users");
        }
        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(queryFromOutside("SELECT name FROM " + emulator.database() + ".hib_users {SNAPSHOT = '" + snapshot
                + "'} WHERE id = 1")).as("the snapshot holds the ORM row").isEqualTo("ann");
        dropSnapshot(snapshot);
    }

    @Test
    void noSnapshotIsTakenWhenTheTransactionRollsBack() throws Exception {
        String snapshot = "hib_snap_" + System.nanoTime();
        assertThatThrownBy(() -> client.inTransaction(tx -> {
            tx.orm(orm).persist(new User(1, "ann", "ann@example.com"));
            tx.afterCommit("CREATE SNAPSHOT " + snapshot + " FOR DATABASE " + emulator.database());
            throw new IllegalStateException("body failed");
        })).hasMessage("body failed");
        assertThat(queryFromOutside("SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = '" + snapshot + "'"))
                .isEqualTo("0");
        assertThat(countFromOutside("hib_users")).isZero();
    }

    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and autocommit changes on one connection, from its last BEGIN on. */
    private List<String> transactionControl(long connectionId) {
        List<String> control = emulator.statements().forSession(connectionId).stream()
                .filter(StatementLog.Entry::isText)
                .map(e -> e.sql().trim().toUpperCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("BEGIN") || sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK")
                        || sql.startsWith("START TRANSACTION") || sql.startsWith("SAVEPOINT")
                        || sql.contains("AUTOCOMMIT"))
                .toList();
        return control.subList(Math.max(0, control.lastIndexOf("BEGIN")), control.size());
    }

    private void dropSnapshot(String name) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SNAPSHOT " + name);
        }
    }

    private long countFromOutside(String table) throws SQLException {
        return Long.parseLong(queryFromOutside("SELECT COUNT(*) FROM " + table));
    }

    private String queryFromOutside(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.user(), emulator.password());
    }
}
