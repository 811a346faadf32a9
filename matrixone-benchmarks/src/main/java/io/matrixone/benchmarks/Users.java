package io.matrixone.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/** The table of users the point queries read: {@value #ROWS} rows {@code (id, name, email)}. */
public final class Users {
    static final String TABLE = "bench_users";
    static final int ROWS = 10_000;
    static final String POINT_SQL = "SELECT id, name, email FROM " + TABLE + " WHERE id = ?";

    private Users() {
    }

    static void create(Target t) {
        t.admin("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE
                + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL UNIQUE)");
        Properties p = new Properties();
        p.setProperty("rewriteBatchedStatements", "true");
        try (Connection c = t.direct(p)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    Rows.bind(ps, i);
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids 1..ROWS in turn (a JMH state: one per benchmark thread). */
    @org.openjdk.jmh.annotations.State(org.openjdk.jmh.annotations.Scope.Thread)
    public static class Ids {
        private long next;

        public long next() {
            return next++ % ROWS + 1;
        }
    }

    static void drop(Target t) {
        try {
            t.admin("DROP TABLE IF EXISTS " + TABLE);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
        }
    }

}
