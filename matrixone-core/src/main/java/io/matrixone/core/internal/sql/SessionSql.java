package io.matrixone.core.internal.sql;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The session settings a client applies to every new connection ({@code ClientOptions.Builder.sessionVariable}):
 * one {@code SET a = 1, b = 'x'} before the connection is used. Sent before any transaction begins on that
 * connection, so MatrixOne's "SET commits the open transaction" (up to 4.2.0) cannot bite.
 */
public final class SessionSql {
    /** A system or session variable name: letters, digits and underscores, as MatrixOne names them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private SessionSql() {
    }

    /** Checks a variable name; refuses anything that is not a plain name (no quoting is ever needed). */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("session variable name must be letters, digits and '_' (at most 64), "
                    + "not starting with a digit; was " + (name == null ? "null" : shown(name)));
        }
        return name;
    }

    /** A refused name for a message: quoted if short printable ASCII, else not echoed (no control characters in logs). */
    private static String shown(String name) {
        boolean plain = name.length() <= 64 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        return plain ? "'" + name + "'" : "(" + name.length() + " characters, not shown: not plain ASCII)";
    }

    /** Checks a value: a string, a whole or decimal number, or a boolean. */
    public static Object checkValue(String name, Object value) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof java.math.BigDecimal || value instanceof Double
                || value instanceof Float || value instanceof Boolean)) {
            throw new IllegalArgumentException("session variable " + name + ": value must be a String, a number or a "
                    + "Boolean, was " + (value == null ? "null" : value.getClass().getName()));
        }
        if (value instanceof String s) {
            Literals.string(s, "session variable " + name); // refuses what cannot be a literal, before anything is sent
        }
        if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
            throw new IllegalArgumentException("session variable " + name + ": value must be finite, was " + value);
        }
        return value;
    }

    /** {@code SET a = 1, b = 'x'} for the variables, in order; {@code null} when there are none. */
    public static String set(Map<String, Object> variables) {
        if (variables.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SET ");
        variables.forEach((name, value) -> {
            if (sql.length() > 4) {
                sql.append(", ");
            }
            sql.append(checkName(name)).append(" = ").append(literal(checkValue(name, value)));
        });
        return sql.toString();
    }

    private static String literal(Object value) {
        if (value instanceof String s) {
            return Literals.string(s);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
