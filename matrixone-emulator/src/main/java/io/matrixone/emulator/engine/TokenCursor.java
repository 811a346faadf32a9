package io.matrixone.emulator.engine;

import java.util.List;
import java.util.Locale;

/**
 * Walks the tokens of one statement for the hand-written recognisers. A mismatch throws MatrixOne's parser
 * error (1064) pointing at the offending token the way MatrixOne's lexer does ({@code mysql_lexer.go Error}):
 * the column is where the offending token ends, "near" is the text from the end of the last good token.
 */
final class TokenCursor {

    private final String sql;
    private final List<Token> tokens;
    private int i;

    /**
     * @param sql    the full statement text, as the client sent it
     * @param tokens the statement's tokens without the terminating {@code ;}
     */
    TokenCursor(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    int index() {
        return i;
    }

    void reset(int index) {
        i = index;
    }

    boolean atEnd() {
        return i >= tokens.size();
    }

    Token peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token peek(int ahead) {
        return i + ahead < tokens.size() ? tokens.get(i + ahead) : null;
    }

    Token next() {
        if (atEnd()) {
            throw syntaxError();
        }
        return tokens.get(i++);
    }

    /** Consumes the keyword if it is next. */
    boolean accept(String kw) {
        Token t = peek();
        if (t != null && t.is(kw)) {
            i++;
            return true;
        }
        return false;
    }

    /** Consumes the keywords if they are all next, in order; otherwise consumes nothing. */
    boolean accept(String... kws) {
        for (int k = 0; k < kws.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(kws[k])) {
                return false;
            }
        }
        i += kws.length;
        return true;
    }

    boolean acceptPunct(String p) {
        Token t = peek();
        if (t != null && t.isPunct(p)) {
            i++;
            return true;
        }
        return false;
    }

    void expect(String kw) {
        if (!accept(kw)) {
            throw syntaxError();
        }
    }

    void expectPunct(String p) {
        if (!acceptPunct(p)) {
            throw syntaxError();
        }
    }

    /** An identifier (unquoted word or back-quoted); returns its name as written. */
    String identifier() {
        Token t = peek();
        if (t == null || !t.isIdentifier()) {
            throw syntaxError();
        }
        i++;
        return t.value();
    }

    /** An identifier or a string literal (e.g. {@code {SNAPSHOT = 's'}}, {@code ADMIN_NAME 'u'}). */
    String identifierOrString() {
        Token t = peek();
        if (t == null || !(t.isIdentifier() || t.kind() == Token.Kind.STRING)) {
            throw syntaxError();
        }
        i++;
        return t.value();
    }

    String string() {
        Token t = peek();
        if (t == null || t.kind() != Token.Kind.STRING) {
            throw syntaxError();
        }
        i++;
        return t.value();
    }

    long integer() {
        Token t = peek();
        if (t == null || t.kind() != Token.Kind.NUMBER || !t.value().chars().allMatch(Character::isDigit)) {
            throw syntaxError();
        }
        i++;
        try {
            return Long.parseLong(t.value());
        } catch (NumberFormatException e) {
            throw syntaxError();
        }
    }

    void expectEnd() {
        if (!atEnd()) {
            throw syntaxError();
        }
    }

    /** MatrixOne's 1064 for the current token (or the end of the statement). */
    MoException syntaxError() {
        int prePos = i == 0 ? 0 : tokens.get(Math.min(i, tokens.size()) - 1).end();
        int tokenEnd;
        if (i < tokens.size()) {
            tokenEnd = tokens.get(i).end();
        } else {
            // the offending "token" is the terminator or the end of input
            int semi = sql.indexOf(';', prePos);
            tokenEnd = semi >= 0 ? semi + 1 : sql.length();
        }
        int line = 0;
        int lineStart = 0;
        for (int k = 0; k < tokenEnd; k++) {
            if (sql.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        String near = sql.substring(prePos);
        String lenStr = "";
        if (near.length() > 1024) {
            near = near.substring(0, 1024);
            lenStr = " (total length 0)"; // sic: MatrixOne prints len(lenStr), i.e. 0
        }
        return new MoException(1064, "HY000", String.format(Locale.ROOT,
                "SQL parser error: You have an error in your SQL syntax; check the manual that corresponds to your "
                        + "MatrixOne server version for the right syntax to use. syntax error at line %d column %d near \"%s\"%s;",
                line + 1, tokenEnd - lineStart, near, lenStr));
    }
}
