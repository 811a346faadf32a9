package io.matrixone.cli;

import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results as a table for people or JSON for scripts. Records become objects by their components; lists of them
 * become tables. The one place the CLI formats anything.
 */
public final class Output {

    /** How results are printed. */
    public enum Format { TABLE, JSON }

    private final Format format;
    private final PrintWriter out;

    Output(Format format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    /** Prints rows (records or maps) as a table, or as a JSON array. */
    void rows(List<?> rows) {
        List<Map<String, Object>> maps = rows.stream().map(Output::toMap).toList();
        if (format == Format.JSON) {
            out.println(json(maps));
        } else {
            table(maps);
        }
        out.flush();
    }

    /** Prints one result: a record or map as key/value lines, or as a JSON object. */
    void one(Object value) {
        Map<String, Object> map = toMap(value);
        if (format == Format.JSON) {
            out.println(json(map));
        } else {
            int width = map.keySet().stream().mapToInt(String::length).max().orElse(0);
            map.forEach((k, v) -> out.println(pad(k, width) + "  " + text(v)));
        }
        out.flush();
    }

    /** Prints what a command did: a sentence, or {"status":"ok", ...details} in JSON. */
    void done(String sentence, Map<String, Object> details) {
        if (format == Format.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "ok");
            doc.putAll(details);
            out.println(json(doc));
        } else {
            out.println(sentence);
        }
        out.flush();
    }

    static Map<String, Object> toMap(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        if (value instanceof Record r) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    map.put(c.getName(), c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
                }
            }
            return map;
        }
        return Map.of("value", value);
    }

    private void table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            out.println("(none)");
            return;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String t = text(row.get(columns.get(i)));
                widths[i] = Math.max(widths[i], t.length());
                line.add(t);
            }
            cells.add(line);
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            header.append(i == 0 ? "" : "  ").append(pad(columns.get(i), widths[i]));
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule);
        for (List<String> line : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                b.append(i == 0 ? "" : "  ").append(pad(line.get(i), widths[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** A value as a table cell. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Optional<?> o) {
            return o.map(Output::text).orElse("");
        }
        if (v instanceof Collection<?> c) {
            return String.join(",", c.stream().map(Output::text).toList());
        }
        return String.valueOf(v);
    }

    /** A value as JSON: maps, records, collections, numbers, booleans; everything else as a string. */
    static String json(Object v) {
        StringBuilder b = new StringBuilder();
        writeJson(b, v);
        return b.toString();
    }

    private static void writeJson(StringBuilder b, Object v) {
        if (v instanceof Optional<?> o) {
            v = o.orElse(null);
        }
        if (v == null) {
            b.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> || v instanceof Record) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : toMap(v).entrySet()) {
                b.append(first ? "" : ",");
                first = false;
                quote(b, e.getKey());
                b.append(':');
                writeJson(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object item : c) {
                b.append(first ? "" : ",");
                first = false;
                writeJson(b, item);
            }
            b.append(']');
        } else {
            quote(b, v.toString());
        }
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
