package io.matrixone.adversarial;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.result.Result;
import io.matrixone.emulator.StatementLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the SDK built and what reached the server, compared character by character. The SDK's side is the
 * dialect's {@link Operation} replayed against a recorder (the statements it asks to run, in order); the server's side
 * is the emulator's {@link StatementLog}. A placeholder of the built statement may arrive as {@code ?} (a server-side
 * prepare, as Vert.x sends it) or as the literal the driver substituted (Connector/J's client-side prepare): the
 * literal must then decode to exactly the bound value. Everything else must be identical.
 */
final class Wire {
    /** Transaction control the clients send around a transaction's statements; not part of any operation. */
    static final Set<String> TX_CONTROL = Set.of("BEGIN", "COMMIT", "ROLLBACK");

    private Wire() {
    }

    /**
     * The statements an operation sends, as far as they can be known without a server: a chained operation that
     * needs the first answer to go on is followed as long as an empty answer lets it.
     */
    static List<Statement> built(Operation<?> op) {
        List<Statement> seen = new ArrayList<>();
        try {
            op.execute(st -> {
                seen.add(st);
                return Result.update(0, List.of());
            });
        } catch (RuntimeException e) {
            // the mapping of an empty answer failed: every statement up to here is known
        }
        return seen;
    }

    /**
     * The statements that reached the server since the log was cleared: QUERY texts, and each prepared statement
     * once (its PREPARE, or its EXECUTE when the prepare was cached). Driver housekeeping of a connection that
     * opened meanwhile is left out; {@code withoutTxControl} also leaves out BEGIN, COMMIT and ROLLBACK.
     */
    static List<String> received(StatementLog log, boolean withoutTxControl) {
        List<StatementLog.Entry> all = log.all();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            StatementLog.Entry e = all.get(i);
            if (e.kind() == StatementLog.Kind.PREPARE && executedLater(all, i)) {
                continue; // counted at its EXECUTE
            }
            if (e.kind() == StatementLog.Kind.EXECUTE && preparedJustBefore(all, i)) {
                out.add(e.sql());
                continue;
            }
            if (isHousekeeping(e.sql()) || (withoutTxControl && TX_CONTROL.contains(e.sql().trim().toUpperCase()))) {
                continue;
            }
            out.add(e.sql());
        }
        return out;
    }

    private static boolean executedLater(List<StatementLog.Entry> all, int i) {
        StatementLog.Entry p = all.get(i);
        for (int j = i + 1; j < all.size(); j++) {
            StatementLog.Entry e = all.get(j);
            if (e.sessionId() == p.sessionId()) {
                return e.kind() == StatementLog.Kind.EXECUTE && e.sql().equals(p.sql());
            }
        }
        return false;
    }

    private static boolean preparedJustBefore(List<StatementLog.Entry> all, int i) {
        StatementLog.Entry x = all.get(i);
        for (int j = i - 1; j >= 0; j--) {
            StatementLog.Entry e = all.get(j);
            if (e.sessionId() == x.sessionId()) {
                return e.kind() == StatementLog.Kind.PREPARE && e.sql().equals(x.sql());
            }
        }
        return false;
    }

    /** What Connector/J sends by itself when it opens a connection (the SDK's own init is compared, not skipped). */
    static boolean isHousekeeping(String sql) {
        return sql.startsWith("/* mysql-connector-j") || sql.equals("SET character_set_results = NULL")
                || sql.startsWith("SET autocommit=") || sql.equals("SELECT version()");
    }

    /**
     * Whether {@code received} is {@code built} as the server should see it: identical, except that each placeholder
     * may have been replaced by a literal whose value is exactly the bound parameter.
     */
    static boolean sameStatement(Statement built, String received) {
        String sql = built.sql();
        List<Object> params = built.params();
        int p = 0;
        int r = 0;
        int param = 0;
        while (p < sql.length()) {
            char c = sql.charAt(p);
            if (c == '\'' || c == '"' || c == '`') {
                int end = quotedEnd(sql, p);
                String part = sql.substring(p, end);
                if (!received.startsWith(part, r)) {
                    return false;
                }
                p = end;
                r += part.length();
            } else if (c == '?') {
                if (param >= params.size()) {
                    return false;
                }
                if (r < received.length() && received.charAt(r) == '?') {
                    r++;
                } else {
                    int end = literalEnd(received, r);
                    if (end < 0 || !sameValue(params.get(param), received.substring(r, end))) {
                        return false;
                    }
                    r = end;
                }
                param++;
                p++;
            } else {
                if (r >= received.length() || received.charAt(r) != c) {
                    return false;
                }
                p++;
                r++;
            }
        }
        return r == received.length() && param == params.size();
    }

    /** The end of a quoted part starting at {@code start} (doubled quotes and, outside back-quotes, backslashes). */
    private static int quotedEnd(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** The end of a literal the driver substituted: a quoted string, a number or NULL; -1 if none is there. */
    private static int literalEnd(String s, int start) {
        if (start >= s.length()) {
            return -1;
        }
        char c = s.charAt(start);
        if (c == '\'') {
            return quotedEnd(s, start);
        }
        if (s.startsWith("NULL", start)) {
            return start + 4;
        }
        int i = start;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i > start ? i : -1;
    }

    private static boolean sameValue(Object value, String literal) {
        if (value == null) {
            return literal.equals("NULL");
        }
        if (value instanceof String s) {
            return literal.startsWith("'") && s.equals(decode(literal));
        }
        if (value instanceof Number n) {
            try {
                return new BigDecimal(literal).compareTo(new BigDecimal(n.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (value instanceof Boolean b) {
            return literal.equals(b ? "1" : "0") || literal.equalsIgnoreCase(b.toString());
        }
        return false;
    }

    /** MySQL's reading of a single-quoted literal in the default SQL mode. */
    static String decode(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length() - 1) {
                char n = literal.charAt(++i);
                switch (n) {
                    case '0' -> out.append('\0');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'Z' -> out.append('\u001A');
                    default -> out.append(n); // \\ \' \" and any other character stand for themselves
                }
            } else if (c == '\'' && i + 1 < literal.length() - 1 && literal.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
