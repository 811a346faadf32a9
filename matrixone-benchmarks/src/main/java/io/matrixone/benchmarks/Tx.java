package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Side;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transactions: the SDK's empty unified transaction vs BEGIN/COMMIT on a HikariCP connection; and one entity
 * persisted by Hibernate in the SDK's transaction ({@code tx.orm(factory).persist(..)}, flushed before COMMIT)
 * vs plain Hibernate doing the same persist in its own transaction on HikariCP (same entity, same driver
 * properties), configured as most applications are (HikariCP's default auto-commit: Hibernate switches it off and
 * on around the transaction) and as a tuned one is (auto-commit off in the pool, Hibernate told so).
 */
final class Tx {
    static final String TABLE = "bench_tx_users";

    private Tx() {
    }

    static List<PairResult> run(Target t, Plan plan, RoundRunner runner) throws Exception {
        t.admin("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
        List<PairResult> out = new ArrayList<>();
        AtomicLong ids = new AtomicLong();
        try (MatrixOneClient sdk = t.sdkClient(4);
             HikariDataSource hikari = t.rawHikari(4);
             HikariDataSource hikariNoAutoCommit = t.rawHikari(4, false);
             MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(sdk, BenchUser.class)) {
            Side sdkEmpty = Side.local("SDK transaction(tx -> null)", () -> {
                sdk.transaction(tx -> null);
                return 1;
            });
            Side rawEmpty = Side.local("HikariCP: BEGIN; COMMIT", () -> {
                try (Connection c = hikari.getConnection(); Statement st = c.createStatement()) {
                    st.execute("BEGIN");
                    st.execute("COMMIT");
                }
                return 1;
            });
            out.add(runner.run("tx-empty", "Empty transaction", sdkEmpty, rawEmpty, plan.timed(), plan.timedRounds()));

            try (SessionFactory plain = plainHibernate(hikari, false);
                 SessionFactory tuned = plainHibernate(hikariNoAutoCommit, true)) {
                Side sdkOrm = Side.local("SDK transaction + tx.orm persist", () -> {
                    long id = ids.incrementAndGet();
                    sdk.transaction(tx -> {
                        tx.orm(orm).persist(new BenchUser(id, Rows.name(id), Rows.email(id)));
                        return null;
                    });
                    return 1;
                });
                out.add(runner.run("tx-orm", "Transaction with an ORM persist", sdkOrm,
                        hibernateSide("Hibernate on HikariCP (auto-commit pool)", plain, ids), plan.timed(),
                        plan.timedRounds()));
                out.add(runner.run("tx-orm-tuned", "Transaction with an ORM persist", sdkOrm,
                        hibernateSide("Hibernate on HikariCP (pool without auto-commit)", tuned, ids), plan.timed(),
                        plan.timedRounds()));
            }
        }
        return out;
    }

    private static Side hibernateSide(String label, SessionFactory factory, AtomicLong ids) {
        return Side.local(label, () -> {
            long id = ids.incrementAndGet();
            try (Session s = factory.openSession()) {
                s.beginTransaction();
                s.persist(new BenchUser(id, Rows.name(id), Rows.email(id)));
                s.getTransaction().commit();
            }
            return 1;
        });
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
