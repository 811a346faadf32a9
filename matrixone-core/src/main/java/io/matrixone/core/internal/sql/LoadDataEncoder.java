package io.matrixone.core.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Encodes rows into the text format of {@code LOAD DATA ... CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
 * ESCAPED BY '\\' LINES TERMINATED BY '\n'} ({@link io.matrixone.core.internal.sql.BulkSql#loadDataLocal}), as UTF-8
 * bytes in a growing buffer that the caller drains.
 *
 * <ul>
 *   <li>{@code null} is {@code \N};</li>
 *   <li>backslash, tab, newline, carriage return, NUL and Ctrl-Z inside a value are escaped as {@code \\ \t \n
 *       \r \0 \Z}, so no value can end a field or a line early;</li>
 *   <li>values follow the clients' parameter rules: numbers in plain decimal, booleans as 1/0, date-times as
 *       {@code yyyy-MM-dd HH:mm:ss[.fraction]} ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} as
 *       their UTC wall-clock time), UUIDs in text form, enums by name, {@code float[]}/{@code double[]} as
 *       MatrixOne vector text {@code [1.0, 2.5]}, {@code byte[]} as raw (escaped) bytes.</li>
 * </ul>
 * Not thread-safe; one per running insert.
 */
public final class LoadDataEncoder {
    private byte[] buf;
    private int len;

    public LoadDataEncoder(int initialCapacity) {
        this.buf = new byte[Math.max(64, initialCapacity)];
    }

    /** Appends one row: its values separated by tabs, ended by a newline. */
    public void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            value(values[i]);
        }
        put((byte) '\n');
    }

    /** The encoded bytes are {@code array()[0, length())}. */
    public byte[] array() {
        return buf;
    }

    public int length() {
        return len;
    }

    /** Forgets the first {@code n} bytes (already handed out). */
    public void consume(int n) {
        if (n >= len) {
            len = 0;
        } else {
            System.arraycopy(buf, n, buf, 0, len - n);
            len -= n;
        }
    }

    /** Drops everything after the first {@code length} bytes (a row that failed half-way). */
    public void truncate(int length) {
        if (length < 0 || length > len) {
            throw new IllegalArgumentException("cannot truncate " + len + " bytes to " + length);
        }
        len = length;
    }

    public void clear() {
        len = 0;
    }

    private void value(Object v) {
        if (v == null) {
            ensure(2);
            buf[len++] = '\\';
            buf[len++] = 'N';
        } else if (v instanceof String s) {
            text(s);
        } else if (v instanceof Long l) {
            digits(l);
        } else if (v instanceof Integer n) {
            digits(n);
        } else if (v instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (v instanceof Boolean b) {
            put((byte) (b ? '1' : '0'));
        } else if (v instanceof Double d) {
            number(d);
        } else if (v instanceof LocalDateTime t) {
            dateTime(t);
        } else if (v instanceof LocalDate d) {
            ascii(d.toString());
        } else if (v instanceof Instant t) {
            dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof OffsetDateTime t) {
            dateTime(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (v instanceof ZonedDateTime t) {
            dateTime(t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (v instanceof LocalTime t) {
            time(t);
        } else if (v instanceof byte[] b) {
            bytes(b);
        } else if (v instanceof UUID u) {
            ascii(u.toString());
        } else if (v instanceof Enum<?> e) {
            text(e.name());
        } else if (v instanceof Short s) {
            digits(s);
        } else if (v instanceof Byte b) {
            digits(b);
        } else if (v instanceof Float f) {
            number(f);
        } else if (v instanceof BigInteger b) {
            ascii(b.toString());
        } else if (v instanceof Character c) {
            text(c.toString());
        } else if (v instanceof float[] f) {
            ascii(Arrays.toString(f));
        } else if (v instanceof double[] d) {
            ascii(Arrays.toString(d));
        } else if (v instanceof java.util.Date) { // java.sql.Date, Time, Timestamp: their toString is SQL text
            ascii(v.toString());
        } else {
            throw new IllegalArgumentException("unsupported value type " + v.getClass().getName()
                    + "; use a String, number, Boolean, byte[], java.time value, UUID, enum, float[] or null");
        }
    }

    private void number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and infinite values cannot be stored: " + d);
        }
        ascii(Double.toString(d));
    }

    private void digits(long v) {
        if (v == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void dateTime(LocalDateTime t) {
        ascii(t.toLocalDate().toString());
        put((byte) ' ');
        time(t.toLocalTime());
    }

    /** {@code HH:mm:ss[.fraction]}: always with seconds, unlike {@link LocalTime#toString()}. */
    private void time(LocalTime t) {
        two(t.getHour());
        put((byte) ':');
        two(t.getMinute());
        put((byte) ':');
        two(t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            String f = Integer.toString(1_000_000_000 + nanos).substring(1); // 9 digits, leading zeros kept
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            put((byte) '.');
            ascii(f.substring(0, end));
        }
    }

    private void two(int v) {
        ensure(2);
        buf[len++] = (byte) ('0' + v / 10);
        buf[len++] = (byte) ('0' + v % 10);
    }

    /** Text known to hold no character that needs escaping. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** A string as UTF-8, escaped. */
    private void text(String s) {
        int n = s.length();
        ensure(n * 2);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                escaped(c);
            } else {
                ensure(4 + (n - i) * 2);
                if (c < 0x800) {
                    buf[len++] = (byte) (0xC0 | c >> 6);
                    buf[len++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[len++] = (byte) (0xF0 | cp >> 18);
                    buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    buf[len++] = '?'; // an unpaired surrogate has no UTF-8 form; String.getBytes does the same
                } else {
                    buf[len++] = (byte) (0xE0 | c >> 12);
                    buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length * 2);
        for (byte x : b) {
            if (x >= 0) {
                escaped((char) x);
            } else {
                buf[len++] = x;
            }
        }
    }

    /** One ASCII character, escaped if it would end a field or a line; room for two bytes is ensured. */
    private void escaped(char c) {
        switch (c) {
            case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
            case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
            case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
            case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
            case '\0' -> { buf[len++] = '\\'; buf[len++] = '0'; }
            case 0x1A -> { buf[len++] = '\\'; buf[len++] = 'Z'; }
            default -> buf[len++] = (byte) c;
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
