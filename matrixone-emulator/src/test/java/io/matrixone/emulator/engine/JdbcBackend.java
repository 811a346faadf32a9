package io.matrixone.emulator.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** {@link Backend} on a JDBC connection, for the engine's ITs; {@code inTransaction()} from {@code @@in_transaction}. */
final class JdbcBackend implements Backend, AutoCloseable {

    private final Connection connection;

    JdbcBackend(Connection connection) {
        this.connection = connection;
    }

    @Override
    public BackendResult execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(md.getColumnLabel(i));
                    }
                    List<List<String>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= cols.size(); i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                    return new BackendResult(cols, rows, 0, 0);
                }
            }
            return BackendResult.ok(st.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw new BackendException(e.getErrorCode(), e.getSQLState() == null ? "HY000" : e.getSQLState(), e.getMessage());
        }
    }

    @Override
    public boolean inTransaction() {
        return "1".equals(execute("SELECT @@in_transaction").scalar());
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
