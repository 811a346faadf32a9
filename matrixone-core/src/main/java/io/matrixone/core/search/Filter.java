package io.matrixone.core.search;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;
import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.internal.sql.SqlText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A row filter for a search ({@code WHERE ...}), with every value a bound parameter: built from comparisons of
 * columns with values ({@link #eq}, {@link #in}, {@link #between} ...) combined with {@link #and} / {@link #or} /
 * {@link #not}, or given as one SQL expression with {@code ?} placeholders ({@link #sql}). Immutable; the text is
 * built and checked when the filter is made, so a bad column name or expression fails before any SQL is sent.
 *
 * <pre>{@code
 * Filter f = Filter.eq("lang", "en").and(Filter.ge("year", 2020)).and(Filter.in("category", List.of("ai", "db")));
 * // `lang` = ? AND `year` >= ? AND `category` IN (?, ?)   params: en, 2020, ai, db
 * }</pre>
 */
public final class Filter {
    private final String sql;
    private final List<Object> params;
    /**
     * The operator of a chain ({@code AND}, {@code OR}), or {@code null} for a comparison or a parenthesised group,
     * which need no parentheses anywhere.
     */
    private final String chain;

    private Filter(String sql, List<Object> params, boolean atomic) {
        this(sql, params, atomic ? null : "AND");
    }

    private Filter(String sql, List<Object> params, String chain) {
        this.sql = sql;
        this.params = Collections.unmodifiableList(params);
        this.chain = chain;
    }

    /** {@code column = ?}; use {@link #isNull} for NULL. */
    public static Filter eq(String column, Object value) {
        return compare(column, "=", value);
    }

    /** {@code column <> ?}. */
    public static Filter ne(String column, Object value) {
        return compare(column, "<>", value);
    }

    /** {@code column < ?}. */
    public static Filter lt(String column, Object value) {
        return compare(column, "<", value);
    }

    /** {@code column <= ?}. */
    public static Filter le(String column, Object value) {
        return compare(column, "<=", value);
    }

    /** {@code column > ?}. */
    public static Filter gt(String column, Object value) {
        return compare(column, ">", value);
    }

    /** {@code column >= ?}. */
    public static Filter ge(String column, Object value) {
        return compare(column, ">=", value);
    }

    /** {@code column LIKE ?}, the pattern bound as given ({@code %} and {@code _} are wildcards). */
    public static Filter like(String column, String pattern) {
        return new Filter(column(column) + " LIKE ?", List.of(param(pattern, "pattern")), true);
    }

    /** {@code column BETWEEN ? AND ?}. */
    public static Filter between(String column, Object low, Object high) {
        return new Filter(column(column) + " BETWEEN ? AND ?", List.of(param(low, "low"), param(high, "high")), true);
    }

    /** {@code column IN (?, ?, ...)}; at least one value. */
    public static Filter in(String column, Collection<?> values) {
        String quoted = column(column);
        Objects.requireNonNull(values, "values must not be null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value");
        }
        List<Object> p = params("values", values.toArray());
        return new Filter(quoted + " IN (" + String.join(", ", Collections.nCopies(p.size(), "?")) + ")", p, true);
    }

    /** {@code column IN (?, ?, ...)}. */
    public static Filter in(String column, Object... values) {
        return in(column, Arrays.asList(Objects.requireNonNull(values, "values must not be null")));
    }

    /** {@code column IS NULL}. */
    public static Filter isNull(String column) {
        return new Filter(column(column) + " IS NULL", new ArrayList<>(), true);
    }

    /** {@code column IS NOT NULL}. */
    public static Filter isNotNull(String column) {
        return new Filter(column(column) + " IS NOT NULL", new ArrayList<>(), true);
    }

    /**
     * One SQL boolean expression over the table's columns with {@code ?} for each value, e.g.
     * {@code Filter.sql("price * ? < budget", 1.2)}. It is checked to be one expression: quotes and parentheses
     * balanced, no comment, no {@code ;}, as many {@code ?} as values. Column names in it are the caller's SQL;
     * values never are: pass them as parameters.
     */
    public static Filter sql(String expression, Object... params) {
        Objects.requireNonNull(expression, "expression must not be null");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("filter expression must not be blank");
        }
        int placeholders = checkExpression(expression);
        List<Object> p = params("params", params == null ? new Object[] {null} : params);
        if (placeholders != p.size()) {
            throw new IllegalArgumentException("filter expression has " + placeholders + " '?' but " + p.size()
                    + " values were given");
        }
        return new Filter("(" + expression.strip() + ")", p, true);
    }

    /** All of the filters: {@code a AND b AND ...}. */
    public static Filter and(Filter first, Filter... more) {
        return join("AND", first, more);
    }

    /** Any of the filters: {@code a OR b OR ...}. */
    public static Filter or(Filter first, Filter... more) {
        return join("OR", first, more);
    }

    /** {@code NOT (filter)}. */
    public static Filter not(Filter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        return new Filter("NOT " + filter.grouped(null), new ArrayList<>(filter.params), true);
    }

    /** This filter and another. */
    public Filter and(Filter other) {
        Objects.requireNonNull(other, "other must not be null");
        return and(this, other);
    }

    /** This filter or another. */
    public Filter or(Filter other) {
        Objects.requireNonNull(other, "other must not be null");
        return or(this, other);
    }

    /** The SQL expression, with back-quoted names and a {@code ?} per value. */
    public String sql() {
        return sql;
    }

    /** The values bound to the {@code ?}, in order. */
    public List<Object> params() {
        return params;
    }

    /** The expression as a part of an {@code op} chain: in parentheses unless it is atomic or a chain of {@code op}. */
    private String grouped(String op) {
        return chain == null || chain.equals(op) ? sql : "(" + sql + ")";
    }

    private static Filter join(String op, Filter first, Filter... more) {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(more, "more must not be null");
        if (more.length == 0) {
            return first;
        }
        StringBuilder sql = new StringBuilder(first.grouped(op));
        List<Object> params = new ArrayList<>(first.params);
        for (int i = 0; i < more.length; i++) {
            Filter f = Objects.requireNonNull(more[i], "more[" + i + "] must not be null");
            sql.append(' ').append(op).append(' ').append(f.grouped(op));
            params.addAll(f.params);
        }
        return new Filter(sql.toString(), params, op);
    }

    private static Filter compare(String column, String op, Object value) {
        return new Filter(column(column) + " " + op + " ?", List.of(param(value, "value")), true);
    }

    private static String column(String column) {
        return Identifiers.quote(column, NameKind.COLUMN);
    }

    private static List<Object> params(String what, Object... values) {
        List<Object> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(param(values[i], what + "[" + i + "]"));
        }
        return out;
    }

    /**
     * A value to bind, named {@code what} in refusals: not null (SQL's {@code = NULL} is never true), text without an
     * unpaired surrogate (the driver would send {@code ?} in its place), vectors in MatrixOne's text form.
     */
    private static Object param(Object v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " must not be null; use Filter.isNull(column)");
        }
        if (v instanceof String text) {
            return Literals.requireWellFormed(text, what);
        }
        return v instanceof float[] f ? VectorText.format(f) : v instanceof double[] d ? VectorText.format(d) : v;
    }

    /** Checks that {@code expression} is one expression and counts its placeholders. */
    private static int checkExpression(String expression) {
        int depth = 0;
        int placeholders = 0;
        int n = expression.length();
        for (int i = 0; i < n; ) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = SqlText.quotedEnd(expression, i);
                if (end >= n && (end - i < 2 || expression.charAt(end - 1) != c)) {
                    throw new IllegalArgumentException("filter expression has an unterminated quote");
                }
                i = end;
                continue;
            }
            if (SqlText.commentEnd(expression, i) >= 0 || c == '-' && i + 1 < n && expression.charAt(i + 1) == '-') {
                throw new IllegalArgumentException("filter expression must not contain a comment");
            }
            switch (c) {
                case '(' -> depth++;
                case ')' -> {
                    if (--depth < 0) {
                        throw new IllegalArgumentException("filter expression closes a parenthesis it did not open");
                    }
                }
                case ';' -> throw new IllegalArgumentException("filter expression must not contain ';'");
                case '?' -> placeholders++;
                default -> {
                }
            }
            i++;
        }
        if (depth != 0) {
            throw new IllegalArgumentException("filter expression leaves " + depth + " parenthesis open");
        }
        return placeholders;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && sql.equals(f.sql) && params.equals(f.params);
    }

    @Override
    public int hashCode() {
        return sql.hashCode() * 31 + params.hashCode();
    }

    /** The expression; values are not shown (they may be private). */
    @Override
    public String toString() {
        return "Filter[" + sql + (params.isEmpty() ? "" : ", " + params.size() + " params") + "]";
    }
}
