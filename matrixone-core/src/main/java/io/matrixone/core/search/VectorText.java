package io.matrixone.core.search;

import java.util.Arrays;
import java.util.Objects;

/**
 * MatrixOne's text form of a vector ({@code vecf32}, {@code vecf64}): {@code [1, 2.5, -0.125]}. Both clients bind a
 * {@code float[]} or {@code double[]} parameter as this text, which MatrixOne casts to the column's vector type, and
 * MatrixOne sends vector columns as this text (column type 15, MYSQL_TYPE_VARCHAR), which {@code Row.getFloatArray}
 * and record mapping read back. The one place that writes and reads it.
 *
 * <p>Writing refuses NaN and infinities before anything is sent: a vector holding them cannot be compared with any
 * distance function. Reading accepts what MatrixOne prints ({@code [0.1, 0.2]}, {@code [0.0000001]}, {@code [1, 2]})
 * and what clients commonly send ({@code [1e-7,2]}, surrounding blanks), and refuses anything else naming the
 * offending element.
 */
public final class VectorText {
    private VectorText() {
    }

    /** {@code [a, b, ...]}, each element as Java prints a {@code float} (which MatrixOne parses exactly). */
    public static String format(float[] values) {
        Objects.requireNonNull(values, "vector must not be null");
        StringBuilder sb = new StringBuilder(values.length * 12 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("vector element " + i + " is " + v + "; MatrixOne vectors hold "
                        + "finite numbers only");
            }
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(v);
        }
        return sb.append(']').toString();
    }

    /** {@code [a, b, ...]}, each element as Java prints a {@code double}. */
    public static String format(double[] values) {
        Objects.requireNonNull(values, "vector must not be null");
        StringBuilder sb = new StringBuilder(values.length * 20 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("vector element " + i + " is " + v + "; MatrixOne vectors hold "
                        + "finite numbers only");
            }
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(v);
        }
        return sb.append(']').toString();
    }

    /** The elements of a vector text as {@code float}s (a {@code vecf64} value is rounded to float). */
    public static float[] parseFloats(CharSequence text) {
        double[] d = parseDoubles(text);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** The elements of a vector text as {@code double}s. */
    public static double[] parseDoubles(CharSequence text) {
        Objects.requireNonNull(text, "vector text must not be null");
        String s = text.toString();
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (end - start < 2 || s.charAt(start) != '[' || s.charAt(end - 1) != ']') {
            throw new IllegalArgumentException("not a MatrixOne vector (expected [a, b, ...]): " + shown(s));
        }
        double[] out = new double[8];
        int n = 0;
        int i = start + 1;
        int close = end - 1;
        if (s.substring(i, close).isBlank()) {
            return new double[0];
        }
        while (i <= close) {
            int comma = s.indexOf(',', i);
            int stop = comma < 0 || comma > close ? close : comma;
            String element = s.substring(i, stop).trim();
            double v;
            try {
                v = parseElement(element);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MatrixOne vector: element " + n + " is '" + shown(element)
                        + "' in " + shown(s));
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = v;
            i = stop + 1;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * How many elements a vector text holds, checking only its brackets (cheaper than parsing; for values this
     * class wrote).
     */
    static int count(String text) {
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            throw new IllegalArgumentException("not a MatrixOne vector (expected [a, b, ...]): " + shown(s));
        }
        if (s.substring(1, s.length() - 1).isBlank()) {
            return 0;
        }
        int n = 1;
        for (int i = 1; i < s.length() - 1; i++) {
            if (s.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    /** A decimal number; Java's own extras ({@code NaN}, hex, a {@code d}/{@code f} suffix) are not numbers here. */
    private static double parseElement(String element) {
        if (element.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        for (int k = 0; k < element.length(); k++) {
            char c = element.charAt(k);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(element);
            }
        }
        double v = Double.parseDouble(element);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(element);
        }
        return v;
    }

    private static String shown(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
