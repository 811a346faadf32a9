package io.matrixone.emulator.relay;

import io.matrixone.emulator.Emulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Connector/J helpers for the relay's integration tests. */
final class Jdbc {
    private Jdbc() {
    }

    static Connection connect(Emulator mo, String options) throws SQLException {
        return connect(mo, mo.user(), mo.password(), options);
    }

    static Connection connect(Emulator mo, String user, String password, String options) throws SQLException {
        String url = mo.jdbcUrl() + "?connectTimeout=10000&socketTimeout=60000" + (options.isEmpty() ? "" : "&" + options);
        return DriverManager.getConnection(url, user, password);
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<List<String>> rows(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static void exec(Connection c, String... sqls) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : sqls) {
                s.execute(sql);
            }
        }
    }
}
