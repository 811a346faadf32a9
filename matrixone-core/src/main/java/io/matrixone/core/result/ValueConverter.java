package io.matrixone.core.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** The one place that converts a row value to a requested Java type, for {@link Row#get(int, Class)} and record mapping. */
final class ValueConverter {
    private ValueConverter() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T convert(Row row, int index, Class<T> type) {
        Object v = row.get(index);
        if (v == null) {
            if (type.isPrimitive()) {
                throw new NullPointerException("column " + row.columnNames().get(index) + " is NULL; cannot map it to " + type);
            }
            return null;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(v) && !(v instanceof byte[]) && !(v instanceof float[]) && !(v instanceof double[])) {
            return (T) v;
        }
        Object out;
        if (boxed == String.class) {
            out = row.getString(index);
        } else if (boxed == Long.class) {
            out = row.getLong(index);
        } else if (boxed == Integer.class) {
            out = row.getInt(index);
        } else if (boxed == Short.class) {
            out = (short) inRange(row, index, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (boxed == Byte.class) {
            out = (byte) inRange(row, index, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (boxed == Double.class) {
            out = row.getDouble(index);
        } else if (boxed == Float.class) {
            out = (float) (double) row.getDouble(index);
        } else if (boxed == Boolean.class) {
            out = row.getBoolean(index);
        } else if (boxed == BigDecimal.class) {
            out = row.getBigDecimal(index);
        } else if (boxed == BigInteger.class) {
            out = row.getBigDecimal(index).toBigIntegerExact();
        } else if (boxed == LocalDateTime.class) {
            out = row.getLocalDateTime(index);
        } else if (boxed == LocalDate.class) {
            out = row.getLocalDate(index);
        } else if (boxed == LocalTime.class) {
            out = row.getLocalTime(index);
        } else if (boxed == Instant.class) {
            out = row.getInstant(index);
        } else if (boxed == byte[].class) {
            out = row.getBytes(index);
        } else if (boxed == float[].class) {
            out = row.getFloatArray(index);
        } else if (boxed == double[].class) {
            out = row.getDoubleArray(index);
        } else if (boxed == UUID.class) {
            out = UUID.fromString(row.getString(index).trim());
        } else if (boxed.isEnum()) {
            out = enumValue((Class) boxed, row.getString(index));
        } else {
            throw new ClassCastException("cannot convert column " + row.columnNames().get(index) + " ("
                    + v.getClass().getSimpleName() + ") to " + type.getName());
        }
        return (T) out;
    }

    /** The value as a long that fits {@code [min, max]}: a narrowing cast must not wrap 70000 into 4464. */
    private static long inRange(Row row, int index, long min, long max) {
        long l = row.getLong(index);
        if (l < min || l > max) {
            throw new ArithmeticException("column " + row.columnNames().get(index) + " holds " + l
                    + ", out of range " + min + ".." + max);
        }
        return l;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a constant of " + type.getSimpleName());
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        throw new IllegalArgumentException("unsupported primitive " + type);
    }
}
