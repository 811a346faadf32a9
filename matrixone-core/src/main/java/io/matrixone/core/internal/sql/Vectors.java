package io.matrixone.core.internal.sql;

/**
 * MatrixOne's text form of a vector ({@code vecf32}, {@code vecf64}): {@code [1.0, 2.5]}. Both clients bind a
 * {@code float[]} or {@code double[]} parameter as this string, which MatrixOne casts to the column's vector type.
 */
public final class Vectors {
    private Vectors() {
    }

    public static String text(float[] values) {
        StringBuilder sb = new StringBuilder(values.length * 8 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(values[i]);
        }
        return sb.append(']').toString();
    }

    public static String text(double[] values) {
        StringBuilder sb = new StringBuilder(values.length * 8 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(values[i]);
        }
        return sb.append(']').toString();
    }
}
