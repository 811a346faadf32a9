package io.matrixone.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * CSV as RFC 4180 writes it: fields split by a delimiter, double quotes around fields that hold one, quotes
 * doubled inside. An unquoted {@code \N} is SQL NULL (MySQL's convention); every other field is text, which the
 * server converts to the column's type. Rows are read lazily, so a file of any size loads in constant memory.
 */
final class Csv {
    static final String NULL = "\\N";

    private Csv() {
    }

    /** The rows of {@code in}, one list of values per record. */
    static Iterator<List<Object>> read(Reader in, char delimiter) {
        return new Iterator<>() {
            private List<Object> next = advance();

            private List<Object> advance() {
                try {
                    return record(in, delimiter);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public List<Object> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                List<Object> current = next;
                next = advance();
                return current;
            }
        };
    }

    /** One record, or {@code null} at the end; blank lines are skipped. */
    private static List<Object> record(Reader in, char delimiter) throws IOException {
        List<Object> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int peek = in.read();
                    if (peek == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (peek != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == delimiter) {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n') {
                if (fields.isEmpty() && field.isEmpty() && !wasQuoted) {
                    continue; // a blank line
                }
                fields.add(value(field, wasQuoted));
                return fields;
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IOException("the file ends inside a quoted field");
        }
        if (!any || fields.isEmpty() && field.isEmpty() && !wasQuoted) {
            return null;
        }
        fields.add(value(field, wasQuoted));
        return fields;
    }

    private static Object value(StringBuilder field, boolean quoted) {
        String s = field.toString();
        return !quoted && s.equals(NULL) ? null : s;
    }

    /** One record as CSV text, with a line end. */
    static String line(List<?> values, char delimiter) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(delimiter);
            }
            Object v = values.get(i);
            if (v == null) {
                b.append(NULL);
                continue;
            }
            String s = v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(v);
            if (s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                    || s.equals(NULL)) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.append('\n').toString();
    }
}
