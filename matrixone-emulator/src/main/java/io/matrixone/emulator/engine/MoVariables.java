package io.matrixone.emulator.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MatrixOne's own system variables ({@code experimental_ivf_index}, {@code enable_privilege_cache},
 * {@code probe_limit}, ...), which MariaDB does not know: {@code SET} of them is kept here (session and global
 * values) and {@code @@name} reads are answered with the value. Variables both servers know stay MariaDB's.
 */
final class MoVariables {
    private static final Map<String, String> DEFAULTS = load();

    private final Map<String, String> global = new ConcurrentHashMap<>();

    /** One session's values. */
    static final class Values {
        private final Map<String, String> session = new HashMap<>();
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = MoVariables.class.getResourceAsStream("mo-system-variables.properties");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MatrixOne system variables", e);
        }
        return Map.copyOf(out);
    }

    static boolean known(String name) {
        return DEFAULTS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code SET} assigning MatrixOne-only variables: those are kept, the others are left in a statement for
     * MariaDB. Returns {@code null} when the statement assigns none of them.
     */
    Reply set(Statement s, Values values) {
        List<int[]> parts = assignments(s);
        if (parts == null) {
            return null;
        }
        List<String> rest = new ArrayList<>();
        boolean mine = false;
        for (int[] p : parts) {
            Assignment a = assignment(s, p[0], p[1]);
            if (a != null && known(a.name())) {
                mine = true;
                String v = literal(s, a.valueAt(), p[1]);
                if (a.global()) {
                    global.put(a.name(), v);
                } else {
                    values.session.put(a.name(), v);
                }
            } else {
                rest.add(s.sql().substring(s.get(p[0]).start(), s.get(p[1] - 1).end()));
            }
        }
        if (!mine) {
            return null;
        }
        return rest.isEmpty() ? Reply.Ok.EMPTY : new Reply.Forward("SET " + String.join(", ", rest));
    }

    /** The value {@code @@name} (or {@code @@session.name}, {@code @@global.name}) reads as a SQL literal, or null. */
    String read(String variable, Values values) {
        String v = variable.toLowerCase(Locale.ROOT);
        boolean wantGlobal = v.startsWith("@@global.");
        String name = v.replaceFirst("^@@(global\\.|session\\.|local\\.)?", "");
        if (!known(name)) {
            return null;
        }
        if (!wantGlobal && values.session.containsKey(name)) {
            return values.session.get(name);
        }
        return global.getOrDefault(name, DEFAULTS.get(name));
    }

    /** {@code SELECT @@name}, or a query using such variables: the reads replaced by their values. */
    String substitute(String sql, List<Token> tokens, Values values) {
        StringBuilder out = null;
        int copied = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.VARIABLE && t.value().startsWith("@@")) {
                String v = read(t.value(), values);
                if (v != null) {
                    if (out == null) {
                        out = new StringBuilder();
                    }
                    out.append(sql, copied, t.start()).append(v);
                    copied = t.end();
                }
            }
        }
        return out == null ? sql : out.append(sql.substring(copied)).toString();
    }

    private record Assignment(String name, boolean global, int valueAt) {
    }

    /** {@code [GLOBAL|SESSION|LOCAL] name = value} or {@code @@[global.|session.]name = value}; null for user variables. */
    private static Assignment assignment(Statement s, int from, int to) {
        int i = from;
        boolean global = false;
        if (s.matchesAt(i, "GLOBAL") || s.matchesAt(i, "PERSIST")) {
            global = true;
            i++;
        } else if (s.matchesAt(i, "SESSION") || s.matchesAt(i, "LOCAL")) {
            i++;
        }
        Token t = s.get(i);
        if (t == null || i + 1 >= to) {
            return null;
        }
        String name;
        if (t.kind() == Token.Kind.VARIABLE && t.value().startsWith("@@")) {
            String v = t.value().toLowerCase(Locale.ROOT);
            global = v.startsWith("@@global.");
            name = v.replaceFirst("^@@(global\\.|session\\.|local\\.)?", "");
        } else if (t.kind() == Token.Kind.WORD) {
            name = t.value().toLowerCase(Locale.ROOT);
        } else {
            return null;
        }
        Token eq = s.get(i + 1);
        if (!(eq.isPunct("=") || eq.isPunct(":="))) {
            return null;
        }
        return new Assignment(name, global, i + 2);
    }

    /** Token ranges [from, to) of the comma-separated assignments after SET, or null for other SET forms. */
    private static List<int[]> assignments(Statement s) {
        if (!s.startsWith("SET") || s.size() < 4) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = 1;
        for (int i = 1; i < s.size(); i++) {
            Token t = s.get(i);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && t.isPunct(",")) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, s.size()});
        return out;
    }

    /** The assigned value as a literal: ON/TRUE and OFF/FALSE become 1 and 0, as MatrixOne stores booleans. */
    private static String literal(Statement s, int from, int to) {
        String text = s.sql().substring(s.get(from).start(), s.get(to - 1).end()).trim();
        String upper = text.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "ON", "TRUE" -> "1";
            case "OFF", "FALSE" -> "0";
            default -> to - from == 1 && s.get(from).kind() == Token.Kind.WORD ? Sql.str(text) : text;
        };
    }
}
