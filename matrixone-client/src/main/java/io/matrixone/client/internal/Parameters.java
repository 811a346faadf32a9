package io.matrixone.client.internal;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.search.VectorText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The one place where a Java value becomes a bound parameter. Values are always bound, never spliced into SQL.
 *
 * <ul>
 *   <li>{@code null} binds SQL NULL;</li>
 *   <li>String, Character, Long, Integer, Short, Byte, Double, Float, BigDecimal, BigInteger, Boolean, byte[]
 *       bind as themselves;</li>
 *   <li>LocalDate, LocalTime, LocalDateTime bind as wall-clock values, unchanged;</li>
 *   <li>Instant, OffsetDateTime, ZonedDateTime bind as the UTC wall-clock {@code LocalDateTime}: MatrixOne's
 *       DATETIME has no zone, and {@code Row.getInstant} reads it back as UTC, so the round trip is exact;</li>
 *   <li>UUID binds its text form (MatrixOne's UUID type reads it), an enum its {@code name()};</li>
 *   <li>{@code float[]} / {@code double[]} bind MatrixOne's vector text {@code [1, 2, 3]};</li>
 *   <li>{@code java.sql} date and time types and {@code java.util.Date} are handed to the driver.</li>
 * </ul>
 * Anything else fails before the statement is sent, naming the parameter.
 */
public final class Parameters {

    private Parameters() {
    }

    public static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(ps, i + 1, params[i]);
        }
    }

    public static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0, n = params.size(); i < n; i++) {
            bind(ps, i + 1, params.get(i));
        }
    }

    /** Binds one value at a 1-based index; most frequent types first. */
    public static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(index, Literals.requireWellFormed(s, "parameter " + index));
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Integer n) {
            ps.setInt(index, n);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof LocalDateTime t) {
            ps.setObject(index, t);
        } else if (v instanceof LocalDate d) {
            ps.setObject(index, d);
        } else if (v instanceof Instant t) {
            ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof OffsetDateTime t) {
            ps.setObject(index, t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (v instanceof ZonedDateTime t) {
            ps.setObject(index, t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (v instanceof LocalTime t) {
            ps.setObject(index, t);
        } else if (v instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (v instanceof UUID u) {
            ps.setString(index, u.toString());
        } else if (v instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else if (v instanceof Short s) {
            ps.setShort(index, s);
        } else if (v instanceof Byte b) {
            ps.setByte(index, b);
        } else if (v instanceof Float f) {
            ps.setFloat(index, f);
        } else if (v instanceof BigInteger b) {
            ps.setBigDecimal(index, new BigDecimal(b));
        } else if (v instanceof Character c) {
            ps.setString(index, c.toString());
        } else if (v instanceof float[] f) {
            ps.setString(index, VectorText.format(f));
        } else if (v instanceof double[] d) {
            ps.setString(index, VectorText.format(d));
        } else if (v instanceof java.util.Date) { // java.sql.Date, Time, Timestamp included
            ps.setObject(index, v);
        } else {
            throw new IllegalArgumentException("parameter " + index + " has unsupported type " + v.getClass().getName()
                    + "; bind a String, number, Boolean, byte[], java.time value, UUID, enum, float[] or null");
        }
    }
}
