package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a COM_QUERY: its tokens without the terminating {@code ;}.
 *
 * @param sql    the whole COM_QUERY text (token offsets point into it)
 * @param tokens the statement's tokens, terminator excluded
 */
record Statement(String sql, List<Token> tokens) {

    Statement {
        tokens = List.copyOf(tokens);
    }

    /** Splits a COM_QUERY at top-level {@code ;} tokens; empty statements are dropped. */
    static List<Statement> split(String sql, List<Token> tokens) {
        List<Statement> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        for (Token t : tokens) {
            if (t.isPunct(";")) {
                if (!cur.isEmpty()) {
                    out.add(new Statement(sql, cur));
                }
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) {
            out.add(new Statement(sql, cur));
        }
        return out;
    }

    Token first() {
        return tokens.get(0);
    }

    Token get(int i) {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    int size() {
        return tokens.size();
    }

    /** Whether the statement starts with these keywords. */
    boolean startsWith(String... kws) {
        return matchesAt(0, kws);
    }

    boolean matchesAt(int at, String... kws) {
        for (int k = 0; k < kws.length; k++) {
            Token t = get(at + k);
            if (t == null || !t.is(kws[k])) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first token that is this keyword, or -1. */
    int indexOf(String kw) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).is(kw)) {
                return k;
            }
        }
        return -1;
    }

    /** The statement's own text (from its first to its last token). */
    String text() {
        return sql.substring(first().start(), tokens.get(tokens.size() - 1).end());
    }

    /** The original text from token {@code from} to the end of the statement. */
    String textFrom(int from) {
        return from >= tokens.size() ? "" : sql.substring(tokens.get(from).start(), tokens.get(tokens.size() - 1).end());
    }

    TokenCursor cursor() {
        return new TokenCursor(sql, tokens);
    }
}
