package io.matrixone.core.result;

import io.matrixone.core.internal.InternalApi;
import io.matrixone.core.search.VectorText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of a result, detached from the driver: values are plain Java objects as the driver produced
 * them ({@code Long}, {@code String}, {@code LocalDateTime}, {@code byte[]} ...). Typed getters convert with
 * care; by-name getters only resolve the column index (case-insensitively, as MatrixOne changes the case of
 * some labels) and delegate to the positional ones.
 *
 * <p>A row handed to a streaming callback ({@code client.stream(sql, params, row -> ...)}) is a <em>view</em> of
 * the result's current row instead: its getters read the driver's row in place, and it is valid only until the
 * callback returns. Reading it later throws {@link IllegalStateException}; call {@link #detach()} inside the
 * callback to keep a row. Every other row is detached.
 */
public final class Row {
    private final Columns columns;
    /** A detached row's values; {@code null} for a view. */
    private final Object[] values;
    /** Where a view reads; {@code null} for a detached row. */
    private final Source source;
    /** The source's position this view belongs to. */
    private final long position;

    Row(Columns columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        this.columns = columns;
        this.values = values;
        this.source = null;
        this.position = 0;
    }

    /** A view of the row {@code source} is on while its position is {@code position}. */
    Row(Columns columns, Source source, long position) {
        this.columns = columns;
        this.values = null;
        this.source = Objects.requireNonNull(source, "source");
        this.position = position;
    }

    /**
     * Where a row view reads: the current row of a result the SDK is streaming. Implemented by the SDK's clients;
     * not an API.
     */
    @InternalApi
    public interface Source {
        /** The number of the row the result is on now; views of any other number are no longer current. */
        long position();

        /** The value at a 0-based index exactly as a detached row of this result would hold it. */
        Object value(int index);

        /**
         * Whether {@link #longValue} reads this column in place with the result {@link Row#getLong} gives for its
         * {@link #value} (an exact integer column).
         */
        boolean readsLong(int index);

        /** The value of a column {@link #readsLong} accepts; {@code null} for SQL NULL. */
        Long longValue(int index);

        /** Whether {@link #stringValue} reads this column in place as {@link Row#getString} would (a text column). */
        boolean readsString(int index);

        /** The value of a column {@link #readsString} accepts; {@code null} for SQL NULL. */
        String stringValue(int index);
    }

    /** A row over the given column labels; the values array is taken as is (not copied). */
    public static Row of(List<String> columnLabels, Object... values) {
        return new Row(Columns.of(columnLabels), values);
    }

    public int size() {
        return columns.size();
    }

    public List<String> columnNames() {
        return columns.names();
    }

    /** The 0-based index of a column label, ignoring case. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }

    public boolean hasColumn(String column) {
        return columns.find(column) >= 0;
    }

    /** The raw value at a 0-based index, as the driver produced it. */
    public Object get(int index) {
        if (source != null) {
            Objects.checkIndex(index, columns.size());
            return current().value(index);
        }
        Objects.checkIndex(index, values.length);
        return values[index];
    }

    public Object get(String column) {
        return get(indexOf(column));
    }

    /**
     * This row with its values copied out of the driver, valid for good: a streamed row (a view, see the class
     * comment) must be detached inside its callback to be kept. A detached row returns itself.
     *
     * @throws IllegalStateException if this view's callback has returned
     */
    public Row detach() {
        return source == null ? this : new Row(columns, valuesNow());
    }

    /** The values: a detached row's own array, a view's read now (and checked to be current). */
    private Object[] valuesNow() {
        if (source == null) {
            return values;
        }
        Source s = current();
        Object[] v = new Object[columns.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.value(i);
        }
        return v;
    }

    private Source current() {
        if (source.position() != position) {
            throw new IllegalStateException("this row was streamed and its callback has returned, so the result has "
                    + "moved on: call row.detach() inside the callback to keep a row");
        }
        return source;
    }

    public boolean isNull(int index) {
        return get(index) == null;
    }

    public String getString(int index) {
        if (source != null && index >= 0 && index < columns.size() && source.readsString(index)) {
            return current().stringValue(index);
        }
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    public String getString(String column) {
        return getString(indexOf(column));
    }

    public Long getLong(int index) {
        if (source != null && index >= 0 && index < columns.size() && source.readsLong(index)) {
            return current().longValue(index);
        }
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new ClassCastException("column " + columns.name(index) + " holds " + v + ", not a whole number");
            }
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        String text = getString(index).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.equalsIgnoreCase("true") ? 1L : 0L; // MatrixOne 3.0 sends a comparison's result as text
        }
        return Long.parseLong(text);
    }

    public Long getLong(String column) {
        return getLong(indexOf(column));
    }

    public Integer getInt(int index) {
        Long l = getLong(index);
        return l == null ? null : Math.toIntExact(l);
    }

    public Integer getInt(String column) {
        return getInt(indexOf(column));
    }

    public Double getDouble(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(getString(index).trim());
    }

    public Double getDouble(String column) {
        return getDouble(indexOf(column));
    }

    public BigDecimal getBigDecimal(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        return new BigDecimal(getString(index).trim());
    }

    public BigDecimal getBigDecimal(String column) {
        return getBigDecimal(indexOf(column));
    }

    public Boolean getBoolean(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = getString(index).trim();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return false;
        }
        throw new ClassCastException("column " + columns.name(index) + " holds '" + s + "', not a boolean");
    }

    public Boolean getBoolean(String column) {
        return getBoolean(indexOf(column));
    }

    public LocalDateTime getLocalDateTime(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toLocalDateTime();
        }
        return LocalDateTime.parse(getString(index).trim().replace(' ', 'T'));
    }

    public LocalDateTime getLocalDateTime(String column) {
        return getLocalDateTime(indexOf(column));
    }

    public LocalDate getLocalDate(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof String s && s.length() == 10) {
            return LocalDate.parse(s);
        }
        return getLocalDateTime(index).toLocalDate();
    }

    public LocalDate getLocalDate(String column) {
        return getLocalDate(indexOf(column));
    }

    public LocalTime getLocalTime(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return LocalTime.parse(getString(index).trim());
    }

    public LocalTime getLocalTime(String column) {
        return getLocalTime(indexOf(column));
    }

    /**
     * The value as an instant. Date-times without a zone (MySQL DATETIME) are read as UTC: MatrixOne reports
     * snapshot times in UTC, and an SDK must not guess the JVM's zone.
     */
    public Instant getInstant(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (v instanceof java.util.Date d && !(v instanceof java.sql.Date) && !(v instanceof java.sql.Time)) {
            return d.toInstant(); // java.sql.Date and Time throw from toInstant(); they go the zoneless way below
        }
        return getLocalDateTime(index).toInstant(ZoneOffset.UTC);
    }

    public Instant getInstant(String column) {
        return getInstant(indexOf(column));
    }

    public byte[] getBytes(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return getString(index).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] getBytes(String column) {
        return getBytes(indexOf(column));
    }

    /**
     * A vector value ({@code vecf32}, {@code vecf64}) as floats. MatrixOne sends vectors as text ({@code [1, 2.5]});
     * a {@code vecf64} element is rounded to float. Any other text fails with {@link IllegalArgumentException}.
     */
    public float[] getFloatArray(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof float[] f) {
            return f.clone();
        }
        return VectorText.parseFloats(getString(index));
    }

    public float[] getFloatArray(String column) {
        return getFloatArray(indexOf(column));
    }

    /** A vector value as doubles: a {@code vecf64} column exactly, a {@code vecf32} one as the floats it holds. */
    public double[] getDoubleArray(int index) {
        Object v = get(index);
        if (v == null) {
            return null;
        }
        if (v instanceof double[] d) {
            return d.clone();
        }
        return VectorText.parseDoubles(getString(index));
    }

    public double[] getDoubleArray(String column) {
        return getDoubleArray(indexOf(column));
    }

    /** The value converted to the requested type (see {@link ValueConverter} for what converts). */
    public <T> T get(int index, Class<T> type) {
        return ValueConverter.convert(this, index, type);
    }

    public <T> T get(String column, Class<T> type) {
        return get(indexOf(column), type);
    }

    /** The values, in column order; a copy. */
    public List<Object> values() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(valuesNow())));
    }

    Columns columns() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && columns.names().equals(r.columns.names())
                && Arrays.deepEquals(valuesNow(), r.valuesNow());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(valuesNow());
    }

    @Override
    public String toString() {
        if (source != null && source.position() != position) {
            return "Row{streamed row " + position + ", no longer current}";
        }
        Object[] values = valuesNow();
        StringBuilder sb = new StringBuilder("Row{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(columns.name(i)).append('=');
            sb.append(values[i] instanceof byte[] b ? "<" + b.length + " bytes>" : values[i]);
        }
        return sb.append('}').toString();
    }
}
