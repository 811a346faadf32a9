package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.MariaDbServer;

/** End to end through the relay with Connector/J: the engine's answers on the wire. */
class EngineWireIT {

    static MariaDbServer server;
    static Emulator emulator;

    @BeforeAll
    static void start() throws Exception {
        server = MariaDbServer.start();
        MoStatementEngine engine = new MoStatementEngine("4.2.0");
        try (JdbcBackend admin = new JdbcBackend(DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password()))) {
            engine.install(admin);
        }
        emulator = Emulator.builder().backend(server).handler(v -> engine).build().start();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.user(), emulator.password());
    }

    @Test
    void snapshotLifecycleOverTheWire() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("drop database if exists wire_db");
            st.execute("drop snapshot if exists wire_sp");
            st.execute("create database wire_db");
            st.execute("create table wire_db.t (id int primary key, v varchar(10))");
            st.execute("insert into wire_db.t values (1, 'a'), (2, 'b')");
            st.execute("create snapshot wire_sp for database wire_db");
            SQLException dup = catchThrowableOfType(() -> st.execute("create snapshot wire_sp for database wire_db"), SQLException.class);
            assertThat(dup.getErrorCode()).isEqualTo(20101);
            assertThat(dup.getMessage()).isEqualTo("internal error: snapshot wire_sp already exists");
            try (ResultSet rs = st.executeQuery("show snapshots where snapshot_name = 'wire_sp'")) {
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("SNAPSHOT_NAME");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("snapshot_level")).isEqualTo("database");
            }
            st.execute("delete from wire_db.t");
            try (PreparedStatement ps = c.prepareStatement("select count(*) from wire_db.t {snapshot = 'wire_sp'} where id > ?")) {
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
            st.execute("restore database wire_db{snapshot = 'wire_sp'}");
            try (ResultSet rs = st.executeQuery("select count(*) from wire_db.t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            try (ResultSet rs = st.executeQuery("select version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("8.0.30-MatrixOne-v4.2.0");
            }
            try (ResultSet rs = st.executeQuery("select mo_ctl('dn', 'flush', 'wire_db.t')")) {
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("mo_ctl(dn, flush, wire_db.t)");
                rs.next();
                assertThat(rs.getString(1)).startsWith("{\n  \"method\": \"Flush\"");
            }
            st.execute("begin");
            SQLException inTx = catchThrowableOfType(() -> st.execute("show snapshots"), SQLException.class);
            assertThat(inTx.getErrorCode()).isEqualTo(20101);
            assertThat(inTx.getMessage()).isEqualTo("internal error: unclassified statement appears in uncommitted transaction");
            st.execute("rollback");
            st.execute("drop snapshot wire_sp");
            st.execute("drop database wire_db");
        }
    }
}
