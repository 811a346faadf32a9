package io.matrixone.emulator.relay;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.engine.BackendException;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.emulator.protocol.Capabilities;
import io.matrixone.emulator.protocol.ErrPacket;
import io.matrixone.emulator.protocol.Handshake;
import io.matrixone.emulator.protocol.Packet;
import io.matrixone.emulator.protocol.PacketChannel;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay at the packet level, with the emulator's own mini client and a probing statement engine. */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayWireIT {
    private Emulator mo;

    @BeforeAll
    void start(MariaDbServer backend) throws Exception {
        mo = Emulator.builder().backend(backend).handler(v -> new ProbeHandler()).build().start();
        try (BackendConnection admin = backend.connect("test")) {
            admin.execute("CREATE OR REPLACE TABLE probe_t (id INT PRIMARY KEY)");
            admin.execute("CREATE OR REPLACE USER 'relayacc#relayadm'@'%' IDENTIFIED BY 'pw1'");
            admin.execute("GRANT ALL PRIVILEGES ON test.* TO 'relayacc#relayadm'@'%'");
        }
    }

    @AfterAll
    void stop() {
        if (mo != null) {
            mo.close();
        }
    }

    private BackendConnection client() throws IOException {
        return BackendConnection.open(mo.host(), mo.port(), mo.user(), mo.password(), "test");
    }

    @Test
    void greetingLooksLikeMatrixOne() throws IOException {
        try (Socket s = new Socket(mo.host(), mo.port())) {
            Handshake greeting = Handshake.parse(PacketChannel.of(s).read().payload());
            assertThat(greeting.serverVersion()).isEqualTo("8.0.30-MatrixOne-v4.2.0");
            long caps = greeting.capabilities();
            assertThat(caps & (Capabilities.COMPRESS | Capabilities.SSL | Capabilities.SESSION_TRACK
                    | Capabilities.QUERY_ATTRIBUTES | Capabilities.ZSTD_COMPRESSION)).isZero();
            assertThat(caps & (Capabilities.LONG_PASSWORD | Capabilities.PROTOCOL_41 | Capabilities.DEPRECATE_EOF
                    | Capabilities.PLUGIN_AUTH | Capabilities.LOCAL_FILES | Capabilities.MULTI_STATEMENTS))
                    .isEqualTo(Capabilities.LONG_PASSWORD | Capabilities.PROTOCOL_41 | Capabilities.DEPRECATE_EOF
                            | Capabilities.PLUGIN_AUTH | Capabilities.LOCAL_FILES | Capabilities.MULTI_STATEMENTS);
            assertThat(greeting.extraCapabilities()).as("MariaDB extended capabilities").isZero();
            assertThat(greeting.authPluginName()).isEqualTo("mysql_native_password");
            assertThat(greeting.scramble()).hasSize(20);
        }
    }

    @Test
    void anotherVersionIsAnnounced(MariaDbServer backend) throws IOException {
        try (Emulator old = Emulator.builder().version("3.0.18").backend(backend).handler(v -> new PassThroughHandler())
                .build().start();
             Socket s = new Socket(old.host(), old.port())) {
            assertThat(Handshake.parse(PacketChannel.of(s).read().payload()).serverVersion())
                    .isEqualTo("8.0.30-MatrixOne-v3.0.18");
        }
    }

    @Test
    void mariaDbSqlStatesAreRemappedToHy000() throws IOException {
        try (BackendConnection c = client()) {
            c.execute("DELETE FROM probe_t");
            c.execute("INSERT INTO probe_t VALUES (1)");
            assertError(c, "INSERT INTO probe_t VALUES (1)", 1062, "HY000");
            assertError(c, "SELECT * FROM no_such_table", 1146, "HY000");
            assertError(c, "USE no_such_database", 1049, "HY000");
            assertError(c, "CREATE TABLE probe_t (id INT)", 1050, "HY000");
            assertError(c, "CREATE DATABASE test", 1007, "HY000");
            assertError(c, "SELEC 1", 1064, "42000");
        }
    }

    private static void assertError(BackendConnection c, String sql, int code, String state) {
        assertThatThrownBy(() -> c.execute(sql)).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.sqlState()).isEqualTo(state);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1c, 0x1f, 0x11, 0x09, 0x0c, 0x12, 0x00})
    void unsupportedCommandsAreRefusedLikeMatrixOne(int command) throws IOException {
        try (BackendConnection c = client()) {
            byte[] payload = command == 0x1c ? new byte[] {0x1c, 1, 0, 0, 0, 10, 0, 0, 0} : new byte[] {(byte) command};
            c.channel().write(0, payload);
            c.channel().flush();
            Packet answer = c.channel().read();
            assertThat(answer.sequenceId()).isEqualTo(1);
            ErrPacket err = ErrPacket.parse(answer.payload());
            assertThat(err.errorCode()).isEqualTo(20101);
            assertThat(err.sqlState()).isEqualTo("HY000");
            assertThat(err.message()).isEqualTo("internal error: unsupported command. 0x" + Integer.toHexString(command));
            assertThat(c.execute("SELECT 42").scalar()).isEqualTo("42");
        }
    }

    @Test
    void connectorJResetConnectionIsUnsupported() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            assertThatThrownBy(() -> ((com.mysql.cj.jdbc.JdbcConnection) c).resetServerState())
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getMessage()).contains("unsupported command. 0x1f"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relayacc:relayadm", "relayacc#relayadm", "relayacc:relayadm:accountadmin",
            "relayacc#relayadm#accountadmin", "relayacc:relayadm?region=eu"})
    void accountLoginsMapToAccountUsers(String login) throws IOException {
        try (BackendConnection c = BackendConnection.open(mo.host(), mo.port(), login, "pw1", "test")) {
            assertThat(c.execute("SELECT CURRENT_USER()").scalar()).isEqualTo("relayacc#relayadm@%");
            List<String> session = c.execute("PROBE SESSION").rows().get(0);
            assertThat(session.subList(1, 4)).containsExactly("relayacc", "relayadm",
                    login.contains("accountadmin") ? "accountadmin" : null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "sys:root", "sys#root#moadmin", "sys:root:moadmin?k=v"})
    void sysLoginsMapToPlainUsers(String login) throws IOException {
        try (BackendConnection c = BackendConnection.open(mo.host(), mo.port(), login, "111", "test")) {
            assertThat(c.execute("SELECT CURRENT_USER()").scalar()).startsWith("root@");
            assertThat(c.execute("PROBE SESSION").rows().get(0).subList(1, 3)).containsExactly("sys", "root");
        }
    }

    @Test
    void loginsAreReallyChecked() {
        assertThatThrownBy(() -> BackendConnection.open(mo.host(), mo.port(), "relayacc:relayadm", "wrong", "test"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.errorCode()).isEqualTo(1045));
        assertThatThrownBy(() -> BackendConnection.open(mo.host(), mo.port(), "relayacc2:relayadm", "pw1", "test"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.errorCode()).isEqualTo(1045));
    }

    @Test
    void engineAnswersAreSynthesisedInStep() throws SQLException {
        for (String options : List.of("", "useServerPrepStmts=true")) {
            try (Connection c = Jdbc.connect(mo, options); Statement s = c.createStatement()) {
                try (ResultSet rs = query(s, "PROBE SESSION")) {
                    assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("account");
                    assertThat(Jdbc.rows(rs).get(0).subList(1, 5)).containsExactly("sys", "root", null, "0");
                }
                assertThat(s.executeUpdate("PROBE OK")).isEqualTo(7);
                assertThatThrownBy(() -> s.execute("PROBE ERROR")).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(20101);
                    assertThat(e.getMessage()).isEqualTo("internal error: probe refused");
                });
                assertThat(Jdbc.scalar(c, "SELECT 'after'")).isEqualTo("after");
            }
        }
    }

    @Test
    void engineRunsSqlOnTheSessionsOwnConnection() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            String id = Jdbc.scalar(c, "SELECT CONNECTION_ID()");
            Jdbc.exec(c, "DELETE FROM probe_t");
            c.setAutoCommit(false);
            Jdbc.exec(c, "INSERT INTO probe_t VALUES (10), (11)");
            try (Statement s = c.createStatement(); ResultSet rs = query(s, "PROBE BACKEND")) {
                // the uncommitted rows are visible: same connection, same transaction
                assertThat(Jdbc.rows(rs)).containsExactly(List.of(id, "2"));
            }
            c.rollback();
            assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM probe_t")).isEqualTo("0");
        }
    }

    @Test
    void inTransactionFollowsTheServerStatus() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            assertThat(inTrans(c)).isFalse();
            Jdbc.exec(c, "BEGIN");
            assertThat(inTrans(c)).isTrue();
            Jdbc.exec(c, "INSERT INTO probe_t VALUES (20)");
            assertThat(inTrans(c)).isTrue();
            Jdbc.exec(c, "COMMIT");
            assertThat(inTrans(c)).isFalse();

            c.setAutoCommit(false);
            assertThat(inTrans(c)).as("autocommit off alone opens nothing").isFalse();
            Jdbc.exec(c, "DELETE FROM probe_t WHERE id = 20");
            assertThat(inTrans(c)).isTrue();
            c.rollback();
            assertThat(inTrans(c)).isFalse();
            c.setAutoCommit(true);
            assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM probe_t WHERE id = 20")).isEqualTo("1");
        }
    }

    /** Connector/J's executeQuery only takes statements it knows to return rows. */
    private static ResultSet query(Statement s, String sql) throws SQLException {
        assertThat(s.execute(sql)).isTrue();
        return s.getResultSet();
    }

    private static boolean inTrans(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = query(s, "PROBE SESSION")) {
            rs.next();
            return rs.getInt("in_trans") == 1;
        }
    }

    @Test
    void preparingAProbeIsRefusedByTheEngine() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "useServerPrepStmts=true&emulateUnsupportedPstmts=false")) {
            assertThatThrownBy(() -> c.prepareStatement("PROBE SESSION"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("internal error: cannot prepare a probe"));
            assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void statementLogRecordsWhatTheServerSaw() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "useServerPrepStmts=true")) {
            long id = Long.parseLong(Jdbc.scalar(c, "SELECT CONNECTION_ID()"));
            mo.statements().clear();
            Jdbc.exec(c, "SELECT 'logged text'");
            try (PreparedStatement p = c.prepareStatement("SELECT ? AS logged_param")) {
                for (int i = 0; i < 2; i++) {
                    p.setInt(1, i);
                    p.executeQuery().close();
                }
            }
            List<StatementLog.Entry> mine = mo.statements().forSession(id);
            assertThat(mine).containsSubsequence(
                    new StatementLog.Entry(id, StatementLog.Kind.QUERY, "SELECT 'logged text'"),
                    new StatementLog.Entry(id, StatementLog.Kind.PREPARE, "SELECT ? AS logged_param"),
                    new StatementLog.Entry(id, StatementLog.Kind.EXECUTE, "SELECT ? AS logged_param"),
                    new StatementLog.Entry(id, StatementLog.Kind.EXECUTE, "SELECT ? AS logged_param"));
            assertThat(mo.statements().containsSql("logged text")).isTrue();
            assertThat(mo.statements().countSql("AS logged_param")).isEqualTo(1);
            mo.statements().clear();
            assertThat(mo.statements().all()).isEmpty();
        }
    }
}
