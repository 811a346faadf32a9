package io.matrixone.emulator.relay;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.Packet;
import io.matrixone.emulator.protocol.PayloadWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The commands other than COM_QUERY that the relay passes through, and shutdown. */
@ExtendWith(EmulatorExtension.class)
class CommandsIT {
    private final Emulator mo;

    CommandsIT(Emulator mo) {
        this.mo = mo;
    }

    @BeforeEach
    void table() throws IOException {
        try (BackendConnection c = mo.backend().connect("test")) {
            c.execute("CREATE OR REPLACE TABLE cmd_t (id INT PRIMARY KEY, doc LONGBLOB)");
        }
    }

    @Test
    void pingInitDbLongDataResetAndClose() throws Exception {
        try (BackendConnection admin = mo.backend().connect(null)) {
            admin.execute("CREATE DATABASE IF NOT EXISTS cmd_other");
        }
        byte[] doc = new byte[300_000];
        for (int i = 0; i < doc.length; i++) {
            doc[i] = (byte) (i ^ (i >>> 8));
        }
        try (Connection c = Jdbc.connect(mo, "useServerPrepStmts=true")) {
            assertThat(c.isValid(5)).as("COM_PING").isTrue();
            c.setCatalog("cmd_other");
            assertThat(Jdbc.scalar(c, "SELECT DATABASE()")).as("COM_INIT_DB").isEqualTo("cmd_other");
            c.setCatalog("test");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cmd_t VALUES (?, ?)")) {
                p.setInt(1, 1);
                p.setBinaryStream(2, new ByteArrayInputStream(doc), doc.length);
                assertThat(p.executeUpdate()).as("COM_STMT_SEND_LONG_DATA + EXECUTE").isEqualTo(1);
                p.clearParameters();
                p.setInt(1, 2);
                p.setBytes(2, new byte[] {1, 2, 3});
                assertThat(p.executeUpdate()).as("after COM_STMT_RESET").isEqualTo(1);
            }
            try (PreparedStatement p = c.prepareStatement("SELECT doc FROM cmd_t WHERE id = ?")) {
                p.setInt(1, 1);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBytes(1)).isEqualTo(doc);
                }
            }
            assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM cmd_t")).isEqualTo("2");
        }
    }

    @Test
    void fieldListAndSetOption() throws IOException {
        try (BackendConnection c = BackendConnection.open(mo.host(), mo.port(), mo.user(), mo.password(), "test")) {
            c.channel().write(0, new PayloadWriter().u8(0x04).nulString("cmd_t").toByteArray());
            c.channel().flush();
            List<String> names = new ArrayList<>();
            for (Packet p = c.channel().read(); p.header() != 0xFE; p = c.channel().read()) {
                names.add(ColumnDefinition.parse(p.payload()).name());
            }
            assertThat(names).containsExactly("id", "doc");

            // as on MatrixOne, a multi-statement text runs although the client never asked for it (finding F-09)
            assertThat(c.execute("SELECT 1; SELECT 2").scalar()).isEqualTo("1");
            assertThat(c.execute("SELECT 4").scalar()).as("in step after the second result").isEqualTo("4");
            c.channel().write(0, new PayloadWriter().u8(0x1B).u16(0).toByteArray());
            c.channel().flush();
            assertThat(c.channel().read().header()).as("OK or EOF").isIn(0x00, 0xFE);
            assertThat(c.execute("SELECT 1; SELECT 2").scalar()).isEqualTo("1");
            assertThat(c.execute("SELECT 3").scalar()).as("in step after the second result").isEqualTo("3");
        }
    }

    @Test
    void closingTheEmulatorClosesItsSessions(MariaDbServer backend) throws Exception {
        Emulator own = Emulator.builder().backend(backend).handler(v -> new PassThroughHandler()).build().start();
        try (Connection c = Jdbc.connect(own, "")) {
            assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo("1");
            own.close();
            assertThatThrownBy(() -> Jdbc.scalar(c, "SELECT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
        } finally {
            own.close();
        }
        try (BackendConnection direct = backend.connect(null)) {
            assertThat(direct.execute("SELECT 1").scalar()).as("the shared MariaDB keeps running").isEqualTo("1");
        }
    }
}
