package io.matrixone.client.internal;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.ClientPreparedStatement;
import com.mysql.cj.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;

/**
 * Whether Connector/J sends a JDBC batch as one statement. With {@code rewriteBatchedStatements} (set by
 * {@link DriverSettings}) it turns a batch of an {@code INSERT ... VALUES} into multi-row INSERTs and splits them only
 * where one would exceed {@code max_allowed_packet}. One statement is atomic on its own, so such a batch needs no
 * BEGIN/COMMIT around it: on MatrixOne 4.2.0 those two cost about 5 ms next to a 1,000-row INSERT of 20-40 ms
 * (measured with pymysql on a standalone server).
 * <p>
 * The size is an upper bound of what Connector/J writes (every character as three bytes, escapes doubled), checked
 * against half the packet limit, so a batch near the limit goes the safe way: in a transaction.
 */
final class BatchShape {
    /** Bytes of a value Connector/J writes as a number, date or time literal: never more than this. */
    private static final int SHORT_LITERAL = 64;

    private BatchShape() {
    }

    static boolean oneStatement(Connection c, String sql, List<? extends List<?>> rows) throws SQLException {
        if (rows.size() == 1) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (!ps.isWrapperFor(ClientPreparedStatement.class)
                    || !ps.unwrap(ClientPreparedStatement.class).getQueryInfo().isRewritableWithMultiValuesClause()) {
                return false; // sent row by row
            }
        }
        long budget = c.unwrap(JdbcConnection.class).getPropertySet().getIntegerProperty(PropertyKey.maxAllowedPacket)
                .getValue() / 2 - 3L * sql.length();
        long size = 0;
        for (List<?> row : rows) {
            size += 4; // "(", ")", ","
            for (Object v : row) {
                size += upperBound(v);
            }
            if (size > budget) {
                return false;
            }
        }
        return true;
    }

    private static long upperBound(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof Date
                || v instanceof TemporalAccessor) {
            return SHORT_LITERAL + (v instanceof java.math.BigDecimal d ? d.toString().length() : 0);
        }
        if (v instanceof byte[] b) {
            return 2L * b.length + 16; // _binary'...' with escapes
        }
        if (v instanceof float[] f) {
            return 32L * f.length + 4; // the vector's text form
        }
        if (v instanceof double[] d) {
            return 32L * d.length + 4;
        }
        return 6L * String.valueOf(v).length() + 4; // three bytes a character, each possibly escaped
    }
}
