package io.matrixone.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;

import com.mysql.cj.jdbc.MysqlDataSource;

import jakarta.persistence.RollbackException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The binding over the wire, driven through the SPI alone by {@link SpiTransaction} (BEGIN/COMMIT on a plain JDBC
 * connection to the emulator): proves the binding needs nothing of the client's internals.
 */
@ExtendWith(EmulatorExtension.class)
class SpiBindingIT {
    private static MatrixOneSessionFactory orm;
    private final Emulator emulator;

    SpiBindingIT(Emulator emulator) {
        this.emulator = emulator;
    }

    @BeforeAll
    static void buildFactory() {
        orm = MatrixOneHibernate.sessionFactory(User.class);
    }

    @AfterAll
    static void closeFactory() {
        orm.close();
    }

    @BeforeEach
    void createTables() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS hib_users");
            st.execute("DROP TABLE IF EXISTS hib_audit");
            st.execute("CREATE TABLE hib_users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " email VARCHAR(200) NOT NULL UNIQUE)");
            st.execute("CREATE TABLE hib_audit (id BIGINT PRIMARY KEY, msg VARCHAR(200) NOT NULL)");
        }
    }

    @Test
    void ormAndRawWritesShareOneTransactionAndCommitTogether() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            session.persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");

            assertThat(session.createNativeQuery("SELECT COUNT(*) FROM hib_audit", Long.class).getSingleResult())
                    .as("raw row seen by the ORM").isEqualTo(1L);
            assertThat(tx.queryLong("SELECT COUNT(*) FROM hib_users WHERE email = ?", "ann@example.com"))
                    .as("ORM row seen by raw SQL").isEqualTo(1L);
            assertThat(countFromOutside("hib_users")).isZero();
            assertThat(countFromOutside("hib_audit")).isZero();

            tx.commit();
        }
        assertThat(countFromOutside("hib_users")).isEqualTo(1);
        assertThat(countFromOutside("hib_audit")).isEqualTo(1);
    }

    @Test
    void rollbackUndoesOrmAndRawWrites() throws Exception {
        try (SpiTransaction tx = begin()) {
            tx.orm().persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");
            assertThat(tx.queryLong("SELECT COUNT(*) FROM hib_users")).isEqualTo(1);
            tx.rollback();
        }
        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(countFromOutside("hib_audit")).isZero();
    }

    @Test
    void ormQueriesAutoFlushPendingChangesInsideTheTransaction() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            session.persist(new User(1, "ann", "ann@example.com"));

            // no explicit flush: Hibernate flushes before the query only when it sees a transaction in progress
            List<User> found = session.createSelectionQuery("from User where email = :email", User.class)
                    .setParameter("email", "ann@example.com").getResultList();
            assertThat(found).extracting(User::getName).containsExactly("ann");
            assertThat(session.createNativeQuery("SELECT COUNT(*) FROM hib_users", Long.class).getSingleResult())
                    .isEqualTo(1L);
            assertThat(countFromOutside("hib_users")).isZero();
            tx.commit();
        }
    }

    @Test
    void bulkHqlAndPessimisticLocksWorkBecauseHibernateSeesTheTransaction() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO hib_users VALUES (1, 'ann', 'ann@example.com'), (2, 'bob', 'bob@example.com')");
        }
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            User ann = session.find(User.class, 1L, LockMode.PESSIMISTIC_WRITE);
            assertThat(ann.getName()).isEqualTo("ann");
            assertThat(session.createMutationQuery("delete from User where id = 2").executeUpdate()).isEqualTo(1);
            assertThat(countFromOutside("hib_users")).as("bulk delete not committed").isEqualTo(2);
            tx.commit();
        }
        assertThat(countFromOutside("hib_users")).isEqualTo(1);
        assertThat(emulator.statements().containsSql("for update")).as("lock taken with SELECT ... FOR UPDATE").isTrue();
    }

    @Test
    void sdkFlushKeepsProgramOrderAndRefreshShowsRawChanges() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            User ann = new User(1, "ann", "ann@example.com");
            session.persist(ann);

            assertThat(tx.execute("UPDATE hib_users SET name = 'raw' WHERE id = 1"))
                    .as("the persisted row exists when the raw UPDATE runs").isEqualTo(1);
            assertThat(ann.getName()).as("raw SQL does not reach loaded entities").isEqualTo("ann");
            session.refresh(ann);
            assertThat(ann.getName()).isEqualTo("raw");

            ann.setEmail("ann@new.example");
            tx.commit();
        }
        assertThat(queryStringFromOutside("SELECT email FROM hib_users WHERE id = 1"))
                .as("dirty entity flushed before COMMIT").isEqualTo("ann@new.example");
    }

    @Test
    void ormCodeCannotCommitOrBeginAndHibernateSendsNoTransactionControl() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            session.persist(new User(1, "ann", "ann@example.com"));
            session.flush();

            assertThatThrownBy(session::beginTransaction).hasMessageContaining("owns commit and rollback");
            assertThatThrownBy(() -> session.getTransaction().commit()).hasMessageContaining("owns commit and rollback");
            assertThatThrownBy(() -> session.unwrap(org.hibernate.engine.spi.SessionImplementor.class)
                    .accessTransaction().commit()).hasMessageContaining("owns commit and rollback");

            assertThat(countFromOutside("hib_users")).as("nothing committed").isZero();
            assertThat(transactionControl(tx)).containsExactly("BEGIN");
            assertThat(tx.guard().calls()).doesNotContain("commit", "rollback", "setAutoCommit", "close");
            tx.rollback();
        }
        assertThat(countFromOutside("hib_users")).isZero();
    }

    @Test
    void setRollbackOnlyStopsTheCommit() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            session.persist(new User(1, "ann", "ann@example.com"));
            session.getTransaction().setRollbackOnly();

            assertThatThrownBy(tx::commit).isInstanceOf(RollbackException.class);
            assertThat(transactionControl(tx)).containsExactly("BEGIN");
        }
        assertThat(countFromOutside("hib_users")).isZero();
    }

    @Test
    void closingTheSessionLeavesTheConnectionsTransactionUntouched() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            session.persist(new User(1, "ann", "ann@example.com"));
            tx.execute("INSERT INTO hib_audit (id, msg) VALUES (?, ?)", 1, "raw");

            orm.close(session);            // what the SDK does at the end, here in the middle on purpose
            assertThat(session.isOpen()).isFalse();

            assertThat(tx.queryLong("SELECT COUNT(*) FROM hib_users")).as("still in the transaction").isEqualTo(1);
            assertThat(countFromOutside("hib_users")).as("not committed by close").isZero();
            assertThat(transactionControl(tx)).containsExactly("BEGIN");
            assertThat(tx.guard().calls()).doesNotContain("commit", "rollback", "setAutoCommit", "close");
            tx.rollback();
        }
        assertThat(countFromOutside("hib_users")).as("not committed by close").isZero();
    }

    @Test
    void theSessionIsDeadAfterTheTransaction() throws Exception {
        Session session;
        try (SpiTransaction tx = begin()) {
            session = tx.orm();
            session.persist(new User(1, "ann", "ann@example.com"));
            tx.commit();
        }
        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() -> session.find(User.class, 1L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConstraintViolationFromTheSdkFlushReachesTheCaller() throws Exception {
        try (SpiTransaction tx = begin()) {
            Session session = tx.orm();
            session.persist(new User(1, "ann", "same@example.com"));
            session.persist(new User(2, "bob", "same@example.com"));

            assertThatThrownBy(() -> tx.execute("INSERT INTO hib_audit (id, msg) VALUES (1, 'never')"))
                    .isInstanceOf(ConstraintViolationException.class);
            tx.rollback();
        }
        assertThat(countFromOutside("hib_users")).isZero();
        assertThat(countFromOutside("hib_audit")).isZero();
    }

    @Test
    void plainSessionsFromTheDataSourceKeepHibernatesOwnTransactions() throws Exception {
        MysqlDataSource pool = new MysqlDataSource();
        pool.setURL(emulator.jdbcUrl());
        pool.setUser(emulator.user());
        pool.setPassword(emulator.password());
        try (MatrixOneSessionFactory withPool = MatrixOneHibernate.builder().entities(User.class).dataSource(pool)
                .build()) {
            try (Session plain = withPool.sessionFactory().openSession()) {
                plain.inTransaction(t -> plain.persist(new User(1, "ann", "ann@example.com")));
            }
            assertThat(countFromOutside("hib_users")).as("committed by Hibernate's own transaction").isEqualTo(1);

            try (SpiTransaction tx = new SpiTransaction(connect(), withPool)) {
                Session bound = tx.orm();
                bound.persist(new User(2, "bob", "bob@example.com"));
                assertThatThrownBy(bound::beginTransaction).hasMessageContaining("owns commit and rollback");
                assertThat(tx.queryLong("SELECT COUNT(*) FROM hib_users")).isEqualTo(2);
                tx.rollback();
            }
            assertThat(countFromOutside("hib_users")).isEqualTo(1);
        }
    }

    private SpiTransaction begin() throws SQLException {
        emulator.statementsIfRecorded().ifPresent(log -> log.clear());
        return new SpiTransaction(connect(), orm);
    }

    /**
     * BEGIN, COMMIT, ROLLBACK, SAVEPOINT and autocommit changes the server received on the transaction's connection,
     * from its BEGIN on (the driver sets autocommit when it connects).
     */
    private List<String> transactionControl(SpiTransaction tx) {
        return emulator.statements().forSession(tx.connectionId()).stream()
                .filter(StatementLog.Entry::isText)
                .map(e -> e.sql().trim().toUpperCase(Locale.ROOT))
                .dropWhile(sql -> !sql.startsWith("BEGIN"))
                .filter(sql -> sql.startsWith("BEGIN") || sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK")
                        || sql.startsWith("START TRANSACTION") || sql.startsWith("SAVEPOINT")
                        || sql.contains("AUTOCOMMIT"))
                .toList();
    }

    private long countFromOutside(String table) throws SQLException {
        return Long.parseLong(queryStringFromOutside("SELECT COUNT(*) FROM " + table));
    }

    private String queryStringFromOutside(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.user(), emulator.password());
    }
}
