package io.matrixone.adversarial;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.emulator.Emulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** Options for clients of an emulator, direct connections to the MariaDB behind it, unique names. */
final class Servers {
    private Servers() {
    }

    static ClientOptions.Builder options(Emulator mo) {
        return ClientOptions.builder().host(mo.host()).port(mo.port()).user(mo.user()).password(mo.password())
                .database(mo.database()).minIdle(0);
    }

    /** A plain JDBC connection to the MariaDB behind the emulator: bypasses the SDK and the emulation. */
    static Connection backend(Emulator mo) throws SQLException {
        return DriverManager.getConnection(mo.backend().jdbcUrl(mo.database()), mo.backend().user(),
                mo.backend().password());
    }

    /** One number from the MariaDB behind the emulator. */
    static long backendLong(Emulator mo, String sql) {
        try (Connection c = backend(mo); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Transactions open on the MariaDB behind the emulator, apart from the asking connection's: a transaction the SDK
     * left open (its connection lost but its session alive) shows up here.
     */
    static long openTransactions(Emulator mo) {
        return backendLong(mo, "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_mysql_thread_id <> CONNECTION_ID()");
    }

    /** A name unique to one test. */
    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }
}
