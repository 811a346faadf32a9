package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transactions (table {@value #TABLE}, made by the runner): the SDK's empty unified transaction vs BEGIN/COMMIT
 * on a HikariCP connection; one entity persisted by Hibernate in the SDK's transaction
 * ({@code tx.orm(factory).persist(..)}, flushed before COMMIT) vs plain Hibernate doing the same persist in its own
 * transaction on HikariCP (same entity, same driver properties), configured as most applications are (HikariCP's
 * default auto-commit: Hibernate switches it off and on around the transaction) and as a tuned one is (auto-commit
 * off in the pool, Hibernate told so).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransactionBenchmark {
    static final String TABLE = "bench_tx_users";
    static final int POOL = ClientStates.POOL;
    /** Entity ids, unique across the rounds of a run (the rounds share the JVM). */
    private static final AtomicLong IDS = new AtomicLong();

    /**
     * The SDK's client with a Hibernate session factory bound to it. (Not a subclass of {@link ClientStates.Sdk}:
     * JMH would call an overridden {@code @Setup} once for each class that declares it.)
     */
    @State(Scope.Benchmark)
    public static class Sdk {
        MatrixOneClient client;
        MatrixOneSessionFactory orm;

        @Setup
        public void open() {
            client = Target.fromProperty().sdkClient(POOL);
            orm = MatrixOneHibernate.sessionFactory(client, BenchUser.class);
        }

        @TearDown
        public void close() {
            orm.close();
            client.close();
        }
    }

    /** Plain Hibernate on a HikariCP pool with the pool's default auto-commit. */
    @State(Scope.Benchmark)
    public static class Hibernate {
        HikariDataSource pool;
        SessionFactory factory;

        @Setup
        public void open() {
            pool = Target.fromProperty().rawHikari(POOL, autoCommitPool());
            factory = plainHibernate(pool, !autoCommitPool());
        }

        boolean autoCommitPool() {
            return true;
        }

        @TearDown
        public void close() {
            factory.close();
            pool.close();
        }
    }

    /** Plain Hibernate on a pool without auto-commit, Hibernate told so. */
    @State(Scope.Benchmark)
    public static class TunedHibernate extends Hibernate {
        @Override
        boolean autoCommitPool() {
            return false;
        }
    }

    @Benchmark
    public Object sdkEmptyTx(Sdk s) {
        return s.client.transaction(tx -> null);
    }

    @Benchmark
    public void rawBeginCommit(ClientStates.Jdbc s) throws SQLException {
        try (Connection c = s.pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("BEGIN");
            st.execute("COMMIT");
        }
    }

    @Benchmark
    public Object sdkOrmPersist(Sdk s) {
        long id = IDS.incrementAndGet();
        return s.client.transaction(tx -> {
            tx.orm(s.orm).persist(new BenchUser(id, Rows.name(id), Rows.email(id)));
            return null;
        });
    }

    @Benchmark
    public void hibernatePersist(Hibernate s) {
        persist(s.factory);
    }

    @Benchmark
    public void hibernatePersistTuned(TunedHibernate s) {
        persist(s.factory);
    }

    private static void persist(SessionFactory factory) {
        long id = IDS.incrementAndGet();
        try (Session s = factory.openSession()) {
            s.beginTransaction();
            s.persist(new BenchUser(id, Rows.name(id), Rows.email(id)));
            s.getTransaction().commit();
        }
    }

    /** Plain Hibernate with its own transactions on a HikariCP pool; dialect settings as the SDK's factory. */
    static SessionFactory plainHibernate(HikariDataSource ds, boolean poolWithoutAutoCommit) {
        Configuration c = new Configuration().addAnnotatedClass(BenchUser.class);
        c.getProperties().put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
        c.getProperties().put(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, MatrixOneHibernate.DATABASE_PRODUCT);
        c.getProperties().put(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, MatrixOneHibernate.MYSQL_VERSION);
        c.getProperties().put(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false");
        c.getProperties().put(SchemaToolingSettings.HBM2DDL_AUTO, "none");
        if (poolWithoutAutoCommit) {
            c.getProperties().put(JdbcSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        }
        return c.buildSessionFactory();
    }
}
