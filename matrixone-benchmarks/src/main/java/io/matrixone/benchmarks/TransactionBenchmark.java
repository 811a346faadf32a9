package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Transaction overhead: the SDK's unified transaction, empty ({@code client.transaction(tx -> null)}: borrow,
 * BEGIN, COMMIT, release) and with one entity persisted and flushed by Hibernate on the transaction's connection,
 * vs raw JDBC on HikariCP: BEGIN + COMMIT, and BEGIN + one prepared INSERT + COMMIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransactionBenchmark {
    static final String TABLE = "bench_tx_users";

    @Param({"mariadb"})
    public String target;

    private Servers servers;
    private MatrixOneClient sdk;
    private HikariDataSource hikari;
    private MatrixOneSessionFactory orm;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        servers = Servers.start(target);
        servers.admin("CREATE TABLE " + Servers.DB + "." + TABLE
                + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
        sdk = servers.sdkClient(4);
        hikari = servers.rawHikari(4);
        orm = MatrixOneHibernate.sessionFactory(sdk, BenchUser.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        orm.close();
        hikari.close();
        sdk.close();
        servers.close();
    }

    @Benchmark
    public Object sdkEmptyTx() {
        return sdk.transaction(tx -> null);
    }

    @Benchmark
    public void rawBeginCommit() throws SQLException {
        try (Connection c = hikari.getConnection(); Statement st = c.createStatement()) {
            st.execute("BEGIN");
            st.execute("COMMIT");
        }
    }

    @Benchmark
    public Object sdkOrmFlushTx() {
        long id = ++next;
        return sdk.transaction(tx -> {
            tx.orm(orm).persist(new BenchUser(id, Rows.name(id), Rows.email(id)));
            return null;
        });
    }

    @Benchmark
    public void rawInsertTx() throws SQLException {
        long id = ++next;
        try (Connection c = hikari.getConnection(); Statement st = c.createStatement()) {
            st.execute("BEGIN");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, Rows.name(id));
                ps.setString(3, Rows.email(id));
                ps.executeUpdate();
            }
            st.execute("COMMIT");
        }
    }
}
