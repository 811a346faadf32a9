package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class ClientDataSourceIT {

    @Test
    void outsideATransactionHandsOutPooledAutocommitConnections(Emulator mo) throws SQLException {
        try (MatrixOneClient client = Clients.client(mo)) {
            String table = Clients.unique("ds_auto");
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            DataSource ds = client.dataSource();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                assertThat(c.getAutoCommit()).isTrue();
                st.executeUpdate("INSERT INTO " + table + " VALUES (1)");
                assertThat(client.poolStats().active()).isEqualTo(1);
            }
            assertThat(client.poolStats().active()).isZero();
            assertThat(Clients.backendCount(mo, table)).isEqualTo(1);
        }
    }

    @Test
    void insideATransactionHandsOutItsConnectionAndRollbackUndoesFrameworkWrites(Emulator mo) throws SQLException {
        try (MatrixOneClient client = Clients.client(mo)) {
            String table = Clients.unique("ds_tx");
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            try (Transaction tx = client.begin()) {
                tx.execute("INSERT INTO " + table + " VALUES (1)");
                try (Connection c = client.dataSource().getConnection(); Statement st = c.createStatement()) {
                    assertThat(c.getAutoCommit()).isFalse();
                    st.executeUpdate("INSERT INTO " + table + " VALUES (2)");
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(2); // sees the SDK's uncommitted row: same connection
                    }
                    assertThatThrownBy(c::commit).isInstanceOf(SQLException.class);
                }
                assertThat(tx.query("SELECT COUNT(*) FROM " + table).scalarLong()).isEqualTo(2);
                assertThat(client.poolStats().active()).isEqualTo(1);
                tx.rollback();
            }
            assertThat(Clients.backendCount(mo, table)).isZero();
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void aSuspendedTransactionIsInvisibleUntilResumed(Emulator mo) throws SQLException {
        try (MatrixOneClient client = Clients.client(mo)) {
            String table = Clients.unique("ds_susp");
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            Transaction outer = client.begin();
            outer.execute("INSERT INTO " + table + " VALUES (1)");
            Transaction suspended = client.suspendTransaction();
            assertThat(suspended).isSameAs(outer);
            assertThat(client.suspendTransaction()).isNull();
            // outside the suspended transaction: autocommit, and its uncommitted row is not visible
            client.execute("INSERT INTO " + table + " VALUES (2)");
            assertThat(client.query("SELECT COUNT(*) FROM " + table).scalarLong()).isEqualTo(1);
            client.resumeTransaction(suspended);
            assertThat(client.query("SELECT COUNT(*) FROM " + table).scalarLong()).isEqualTo(2); // joined again
            outer.rollback();
            assertThat(Clients.backendCount(mo, table)).isEqualTo(1);
            try (MatrixOneClient other = Clients.client(mo); Transaction foreign = other.begin()) {
                assertThatThrownBy(() -> client.resumeTransaction(foreign)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
