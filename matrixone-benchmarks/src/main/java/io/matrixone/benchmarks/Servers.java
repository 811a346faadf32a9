package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.MariaDbServer;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The server a benchmark talks to, started by the benchmark itself: a private MariaDB ({@code mariadb}), or the
 * MatrixOne emulator relaying to one ({@code emulator}, one more network hop). Plus the clients under test, all
 * configured alike where it matters (same host, port, pool size, server-side prepared statements and their cache).
 */
final class Servers implements AutoCloseable {
    static final String DB = "test";
    static final String USERS = "bench_users";
    static final int USER_ROWS = 10_000;
    /** What the SDK would detect on MatrixOne; pinned because plain MariaDB announces its own version. */
    static final String PINNED = "8.0.30-MatrixOne-v4.2.0";

    final MariaDbServer mariaDb;
    final Emulator emulator;
    final String host;
    final int port;
    final String user;
    final String password;

    private Servers(MariaDbServer mariaDb, Emulator emulator) {
        this.mariaDb = mariaDb;
        this.emulator = emulator;
        if (emulator != null) {
            host = emulator.host();
            port = emulator.port();
            user = emulator.user();
            password = emulator.password();
        } else {
            host = mariaDb.host();
            port = mariaDb.port();
            user = mariaDb.user();
            password = mariaDb.password();
        }
    }

    static Servers start(String target) {
        MariaDbServer db = MariaDbServer.start();
        try {
            Emulator emu = switch (target) {
                case "mariadb" -> null;
                case "emulator" -> Emulator.builder().port(0).version("4.2.0").backend(db).build().start();
                default -> throw new IllegalArgumentException("target " + target);
            };
            Servers s = new Servers(db, emu);
            s.admin("CREATE DATABASE IF NOT EXISTS " + DB);
            return s;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A table of {@value #USER_ROWS} users for point queries. */
    void createUsers() {
        try (Connection c = direct(new Properties()); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + USERS);
            st.execute("CREATE TABLE " + USERS + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                    + "email VARCHAR(128) NOT NULL UNIQUE)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + USERS + " VALUES (?, ?, ?)")) {
                for (int i = 1; i <= USER_ROWS; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "name-" + i);
                    ps.setString(3, "user-" + i + "@example.com");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void admin(String sql) {
        try (Connection c = DriverManager.getConnection(mariaDb.jdbcUrl(), mariaDb.user(), mariaDb.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + DB;
    }

    /** A plain Connector/J connection to the target with these extra properties. */
    Connection direct(Properties extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslMode", "DISABLED");
        p.putAll(extra);
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    ClientOptions.Builder sdkOptions(int poolSize) {
        return ClientOptions.builder().host(host).port(port).user(user).password(password).database(DB)
                .maxPoolSize(poolSize).minIdle(poolSize).serverVersion(PINNED);
    }

    MatrixOneClient sdkClient(int poolSize) {
        return MatrixOneClient.create(sdkOptions(poolSize).build());
    }

    AsyncMatrixOneClient sdkAsync(int poolSize, Vertx vertx) {
        return AsyncMatrixOneClient.create(sdkOptions(poolSize).build(), vertx);
    }

    /**
     * Raw Connector/J + HikariCP with the driver settings that matter for speed set as the SDK sets them:
     * server-side prepared statements with a statement cache, local session state, no SSL.
     */
    HikariDataSource rawHikari(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.addDataSourceProperty("useServerPrepStmts", "true");
        config.addDataSourceProperty("cachePrepStmts", "true");
        config.addDataSourceProperty("prepStmtCacheSize", "256");
        config.addDataSourceProperty("prepStmtCacheSqlLimit", "4096");
        config.addDataSourceProperty("useLocalSessionState", "true");
        config.addDataSourceProperty("elideSetAutoCommits", "true");
        config.addDataSourceProperty("sslMode", "DISABLED");
        config.setRegisterMbeans(false);
        return new HikariDataSource(config);
    }

    /**
     * Raw Vert.x MySQL client, pipelined, prepared statements cached: the settings the SDK's async client uses
     * ({@code pipeliningLimit} 256, cache 256), with {@code connections} pipelined connections.
     */
    SqlClient rawVertx(Vertx vertx, int connections) {
        MySQLConnectOptions o = new MySQLConnectOptions().setHost(host).setPort(port).setUser(user)
                .setPassword(password).setDatabase(DB).setPipeliningLimit(256).setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(256).setPreparedStatementCacheSqlLimit(4096);
        return MySQLBuilder.client().with(new PoolOptions().setMaxSize(connections)).connectingTo(o).using(vertx).build();
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
        mariaDb.close();
    }
}
