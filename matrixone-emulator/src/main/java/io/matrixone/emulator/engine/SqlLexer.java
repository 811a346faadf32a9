package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A small MySQL/MatrixOne tokenizer: enough to recognise MatrixOne-only statements and table hints without a
 * full parser (jsqlparser cannot parse MatrixOne's syntax). Comments are skipped; every token keeps its
 * offsets so rewrites splice the original text.
 *
 * <p>Handles {@code `quoted`} identifiers with doubled back-quotes, strings in both quote styles with backslash
 * escapes and doubled quotes, {@code -- }, {@code #} and {@code /* *}{@code /} comments (MariaDB's executable
 * {@code /*! *}{@code /} comments are skipped too: a statement using them is ordinary SQL and is forwarded).
 */
final class SqlLexer {

    private final String sql;
    private int pos;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** Tokenizes {@code sql}; throws {@link LexException} on an unterminated string, identifier or comment. */
    static List<Token> tokenize(String sql) {
        return new SqlLexer(sql).run();
    }

    /** The SQL cannot be tokenized; the caller forwards it unchanged and lets the backend report the error. */
    static final class LexException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LexException(String message) {
            super(message, null, false, false);
        }
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        while (true) {
            skipBlanksAndComments();
            if (pos >= n) {
                return out;
            }
            char c = sql.charAt(pos);
            int start = pos;
            if (c == '`') {
                out.add(new Token(Token.Kind.QUOTED_IDENT, quoted('`'), start, pos));
            } else if (c == '\'' || c == '"') {
                out.add(new Token(Token.Kind.STRING, quoted(c), start, pos));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(sql.charAt(pos + 1))
                    && !previousIsName(out))) {
                number();
                // MySQL allows identifiers that start with digits (e.g. 1abc)
                if (pos < n && isWordChar(sql.charAt(pos))) {
                    while (pos < n && isWordChar(sql.charAt(pos))) {
                        pos++;
                    }
                    out.add(new Token(Token.Kind.WORD, sql.substring(start, pos), start, pos));
                } else {
                    out.add(new Token(Token.Kind.NUMBER, sql.substring(start, pos), start, pos));
                }
            } else if (isWordChar(c)) {
                while (pos < n && isWordChar(sql.charAt(pos))) {
                    pos++;
                }
                out.add(new Token(Token.Kind.WORD, sql.substring(start, pos), start, pos));
            } else if (c == '@') {
                pos++;
                if (pos < n && sql.charAt(pos) == '@') {
                    pos++;
                }
                if (pos < n && (sql.charAt(pos) == '`' || sql.charAt(pos) == '\'' || sql.charAt(pos) == '"')) {
                    quoted(sql.charAt(pos));
                } else {
                    while (pos < n && (isWordChar(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                        pos++;
                    }
                }
                out.add(new Token(Token.Kind.VARIABLE, sql.substring(start, pos), start, pos));
            } else if (c == '?') {
                pos++;
                out.add(new Token(Token.Kind.PARAM, "?", start, pos));
            } else {
                pos += operatorLength(c);
                out.add(new Token(Token.Kind.PUNCT, sql.substring(start, pos), start, pos));
            }
        }
    }

    private boolean previousIsName(List<Token> out) {
        return !out.isEmpty() && out.get(out.size() - 1).isIdentifier();
    }

    private int operatorLength(char c) {
        String two = pos + 1 < sql.length() ? sql.substring(pos, pos + 2) : "";
        if (two.equals("<=") && pos + 2 < sql.length() && sql.charAt(pos + 2) == '>') {
            return 3;
        }
        return switch (two) {
            case "<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>", "->" -> 2;
            default -> 1;
        };
    }

    private void number() {
        int n = sql.length();
        if (sql.startsWith("0x", pos) || sql.startsWith("0X", pos) || sql.startsWith("0b", pos)) {
            pos += 2;
            while (pos < n && Character.isLetterOrDigit(sql.charAt(pos))) {
                pos++;
            }
            return;
        }
        while (pos < n && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < n && sql.charAt(pos) == '.') {
            pos++;
            while (pos < n && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < n && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < n && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < n && Character.isDigit(sql.charAt(pos))) {
                while (pos < n && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
    }

    /** Reads a quoted token starting at {@code pos}; returns its unescaped content. */
    private String quoted(char q) {
        int n = sql.length();
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < n) {
            char c = sql.charAt(pos);
            if (c == q) {
                if (pos + 1 < n && sql.charAt(pos + 1) == q) {
                    b.append(q);
                    pos += 2;
                    continue;
                }
                pos++;
                return b.toString();
            }
            if (c == '\\' && q != '`' && pos + 1 < n) {
                char e = sql.charAt(pos + 1);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'Z' -> '\u001A';
                    default -> e;
                });
                pos += 2;
                continue;
            }
            b.append(c);
            pos++;
        }
        throw new LexException("unterminated " + q + " at offset " + n);
    }

    private void skipBlanksAndComments() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", pos)
                    && (pos + 2 >= n || Character.isWhitespace(sql.charAt(pos + 2))))) {
                while (pos < n && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && sql.startsWith("/*", pos)) {
                int close = sql.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw new LexException("unterminated comment");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }
}
