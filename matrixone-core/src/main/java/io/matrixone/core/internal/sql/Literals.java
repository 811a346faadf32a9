package io.matrixone.core.internal.sql;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Escapes values that cannot be bound as parameters: MatrixOne's administrative and snapshot statements
 * (passwords in {@code IDENTIFIED BY}, PITR timestamps, comments) are not preparable, so their values are
 * written as string literals. Everything else is bound.
 *
 * <p>Quotes are doubled (safe with and without {@code NO_BACKSLASH_ESCAPES}); backslash and NUL are
 * escaped as MySQL's default mode expects, which is MatrixOne's default.
 */
public final class Literals {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Literals() {
    }

    /** {@code 'text'} with quotes and backslashes escaped; text that UTF-8 cannot carry is refused. */
    public static String string(String value) {
        return string(value, "a string literal");
    }

    /**
     * {@link #string(String)} for a value the caller names ({@code "password"}, {@code "comment"}): a refusal says
     * which argument was refused.
     */
    public static String string(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        requireWellFormed(value, what);
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> sb.append("''");
                case '\\' -> sb.append("\\\\");
                case '\0' -> sb.append("\\0");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\u001A' -> sb.append("\\Z");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /**
     * Refuses text with an unpaired UTF-16 surrogate: the driver would send it as {@code ?}, so the server would
     * receive (and, for a password, store) something other than what the caller wrote. Returns the text.
     *
     * @param what names the value in the message, e.g. {@code "parameter 2"}
     */
    public static String requireWellFormed(String value, String what) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a valid pair: one supplementary character
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " holds an unpaired UTF-16 surrogate at index " + i
                        + " (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + "), which cannot be "
                        + "sent as UTF-8: it would reach the server as '?'");
            }
        }
        return value;
    }

    /** {@code 'yyyy-MM-dd HH:mm:ss'}: the second-precision form MatrixOne's PITR restore accepts. */
    public static String timestampSeconds(LocalDateTime time) {
        if (time == null) {
            throw new IllegalArgumentException("timestamp must not be null");
        }
        return "'" + SECONDS.format(time) + "'";
    }
}
