package io.matrixone.async.internal;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.search.VectorText;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
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
 * The one place where a Java parameter becomes a value the Vert.x MySQL client can bind. Types the driver
 * binds natively pass through; the rest are converted the way MatrixOne reads them back:
 * <ul>
 *   <li>{@link BigDecimal}, {@link BigInteger}: decimal text, so no digit is lost in a double</li>
 *   <li>{@code byte[]}: a {@link Buffer} (sent as binary)</li>
 *   <li>{@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}: the UTC wall-clock time
 *       (MySQL DATETIME has no zone)</li>
 *   <li>{@link UUID}, {@link Character}: text; enums: their {@link Enum#name()}</li>
 * </ul>
 * Anything else fails with {@link IllegalArgumentException} naming the type, before anything is sent.
 */
public final class Params {
    private Params() {
    }

    public static Tuple tuple(List<?> params) {
        if (params == null || params.isEmpty()) {
            return Tuple.tuple();
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(params.get(i), i);
        }
        return Tuple.wrap(values);
    }

    static Object convert(Object v, int index) {
        if (v instanceof String s) {
            return Literals.requireWellFormed(s, "parameter " + (index + 1));
        }
        if (v == null || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof Double || v instanceof Float || v instanceof Boolean
                || v instanceof LocalDate || v instanceof LocalTime || v instanceof LocalDateTime
                || v instanceof Duration || v instanceof Buffer) {
            return v;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof BigInteger b) {
            return b.toString();
        }
        if (v instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        if (v instanceof Instant t) {
            return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof UUID || v instanceof Character) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof float[] f) {
            return VectorText.format(f); // MatrixOne's vector text, as the sync client binds it
        }
        if (v instanceof double[] d) {
            return VectorText.format(d);
        }
        throw new IllegalArgumentException("parameter " + (index + 1) + " has unsupported type "
                + v.getClass().getName() + "; use String, a number, BigDecimal, Boolean, byte[], java.time, UUID, an "
                + "enum or float[]/double[]");
    }
}
