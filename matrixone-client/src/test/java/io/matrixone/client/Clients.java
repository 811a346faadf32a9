package io.matrixone.client;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.emulator.Emulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/** Test helpers: clients on the emulator, direct connections, unique names. */
final class Clients {
    private Clients() {
    }

    static ClientOptions.Builder options(Emulator mo) {
        return ClientOptions.builder().host(mo.host()).port(mo.port()).user(mo.user()).password(mo.password())
                .database(mo.database()).maxPoolSize(4).minIdle(0);
    }

    static MatrixOneClient client(Emulator mo) {
        return MatrixOneClient.create(options(mo).build());
    }

    static MatrixOneClient client(Emulator mo, Consumer<ClientOptions.Builder> extra) {
        ClientOptions.Builder b = options(mo);
        extra.accept(b);
        return MatrixOneClient.create(b.build());
    }

    /** A plain JDBC connection to the MariaDB behind the emulator, bypassing the SDK and the emulation. */
    static Connection backend(Emulator mo) throws SQLException {
        return DriverManager.getConnection(mo.backend().jdbcUrl("test"), mo.backend().user(), mo.backend().password());
    }

    static long backendCount(Emulator mo, String table) throws SQLException {
        try (Connection c = backend(mo); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A derived table of the numbers 1..n in column {@code seq}, on MariaDB and MatrixOne alike (MariaDB's sequence
     * engine tables do not exist on MatrixOne): digit tables cross-joined, the ones past n filtered out.
     */
    static String numbers(int n) {
        int digits = String.valueOf(Math.max(1, n - 1)).length();
        StringBuilder sum = new StringBuilder();
        StringBuilder from = new StringBuilder();
        long weight = 1;
        for (int i = 0; i < digits; i++, weight *= 10) {
            sum.append(i == 0 ? "" : " + ").append("d").append(i).append(".v * ").append(weight);
            from.append(i == 0 ? "" : " CROSS JOIN ").append("(SELECT 0 AS v UNION ALL SELECT 1 UNION ALL SELECT 2 ")
                    .append("UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL ")
                    .append("SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d").append(i);
        }
        return "(SELECT " + sum + " + 1 AS seq FROM " + from + " WHERE " + sum + " < " + n + ") nums";
    }

    /** A name unique to one test, so tests stay independent. */
    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** Creates a table {@code (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100))} outside any transaction. */
    static String table(MatrixOneClient client, String prefix) {
        String t = unique(prefix);
        client.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100))");
        return t;
    }
}
