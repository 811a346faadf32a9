package io.matrixone.emulator.relay;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ordinary traffic through the relay with MySQL Connector/J. */
@ExtendWith(EmulatorExtension.class)
class RelayJdbcIT {
    private final Emulator mo;

    RelayJdbcIT(Emulator mo) {
        this.mo = mo;
    }

    @BeforeEach
    void freshTable() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            Jdbc.exec(c, "DROP TABLE IF EXISTS relay_t",
                    "CREATE TABLE relay_t (id INT PRIMARY KEY, name VARCHAR(64), data MEDIUMBLOB)");
        }
    }

    @Test
    void announcesMatrixOneInTheGreeting() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("8.0.30-MatrixOne-v4.2.0");
            assertThat(c.getMetaData().getDatabaseMajorVersion()).isEqualTo(8);
        }
    }

    @Test
    void textProtocolRoundTrip() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            Jdbc.exec(c, "INSERT INTO relay_t (id, name) VALUES (1, 'one'), (2, NULL), (3, 'drei ü €')");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM relay_t ORDER BY id")) {
                assertThat(Jdbc.rows(rs)).containsExactly(List.of("1", "one"), java.util.Arrays.asList("2", null),
                        List.of("3", "drei ü €"));
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE relay_t SET name = 'x' WHERE id < 3")).isEqualTo(2);
            }
        }
    }

    @Test
    void serverPreparedStatementsWithBinaryData() throws SQLException {
        byte[] blob = new byte[70_000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) (i * 31);
        }
        try (Connection c = Jdbc.connect(mo, "useServerPrepStmts=true&cachePrepStmts=true")) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO relay_t (id, name, data) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 20; i++) {
                    p.setInt(1, i);
                    p.setString(2, "n" + i);
                    p.setBytes(3, i == 7 ? blob : null);
                    assertThat(p.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT name, data FROM relay_t WHERE id = ?")) {
                p.setInt(1, 7);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("n7");
                    assertThat(rs.getBytes(2)).isEqualTo(blob);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
        assertThat(mo.statements().sqls()).contains("SELECT name, data FROM relay_t WHERE id = ?");
    }

    @Test
    void multiStatementResults() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "allowMultiQueries=true");
             Statement s = c.createStatement()) {
            boolean isResult = s.execute("SELECT 1; INSERT INTO relay_t (id) VALUES (100); SELECT 'a' UNION ALL SELECT 'b'");
            assertThat(isResult).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                assertThat(Jdbc.rows(rs)).containsExactly(List.of("1"));
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            assertThat(s.getMoreResults()).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                assertThat(Jdbc.rows(rs)).containsExactly(List.of("a"), List.of("b"));
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            // the connection is still in step after a multi-result answer
            assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM relay_t")).isEqualTo("1");
        }
    }

    @Test
    void loadDataLocalInfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rows.csv");
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            csv.append(i).append(",name-").append(i).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (Connection c = Jdbc.connect(mo, "allowLoadLocalInfile=true");
             Statement s = c.createStatement()) {
            int loaded = s.executeUpdate("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath()
                    + "' INTO TABLE relay_t FIELDS TERMINATED BY ',' (id, name)");
            assertThat(loaded).isEqualTo(5000);
            assertThat(Jdbc.scalar(c, "SELECT name FROM relay_t WHERE id = 4321")).isEqualTo("name-4321");
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThatThrownBy(() -> Jdbc.connect(mo, "root", "not-the-password", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getMessage()).doesNotContain("not-the-password");
                });
    }

    @Test
    void errorsKeepCodeAndMessage() throws SQLException {
        // Connector/J replaces the wire's HY000 with its own mapping, so the SQLSTATE on the wire is checked in
        // RelayWireIT; here the code and message must come through unchanged.
        try (Connection c = Jdbc.connect(mo, "")) {
            Jdbc.exec(c, "INSERT INTO relay_t (id) VALUES (1)");
            assertThatThrownBy(() -> Jdbc.exec(c, "INSERT INTO relay_t (id) VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1062);
                        assertThat(e.getMessage()).contains("Duplicate entry '1'");
                    });
            assertThatThrownBy(() -> Jdbc.exec(c, "SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1064));
            assertThat(Jdbc.scalar(c, "SELECT 'still in step'")).isEqualTo("still in step");
        }
    }

    @Test
    void cursorFetchIsRefusedLikeMatrixOne() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "useServerPrepStmts=true&useCursorFetch=true");
             PreparedStatement p = c.prepareStatement("SELECT id FROM relay_t")) {
            p.setFetchSize(10);
            assertThatThrownBy(p::executeQuery).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(20301);
                assertThat(e.getMessage()).isEqualTo("invalid input: unsupported Prepare flag '1'");
            });
        }
    }

    @Test
    void manyConcurrentConnectionsEachSeeTheirOwnResults() throws Exception {
        int threads = 16;
        int statements = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                tasks.add(() -> {
                    int checked = 0;
                    try (Connection c = Jdbc.connect(mo, worker % 2 == 0 ? "" : "useServerPrepStmts=true");
                         PreparedStatement p = c.prepareStatement("SELECT ?, CONCAT('w', ?)")) {
                        for (int i = 0; i < statements; i++) {
                            int value = worker * 100_000 + i;
                            p.setInt(1, value);
                            p.setInt(2, value);
                            try (ResultSet rs = p.executeQuery()) {
                                assertThat(rs.next()).isTrue();
                                assertThat(rs.getInt(1)).isEqualTo(value);
                                assertThat(rs.getString(2)).isEqualTo("w" + value);
                                checked++;
                            }
                        }
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(threads * statements);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void backendIsTheSharedMariaDb(MariaDbServer backend) {
        assertThat(mo.backend()).isSameAs(backend);
        assertThat(mo.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:" + mo.port() + "/test");
        assertThat(mo.port()).isNotEqualTo(backend.port());
    }
}
