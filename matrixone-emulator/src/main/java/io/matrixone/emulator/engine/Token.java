package io.matrixone.emulator.engine;

import java.util.Locale;

/**
 * One lexical token of client SQL, with its position in the original text so rewrites can splice the
 * original bytes and leave everything else untouched.
 *
 * @param kind  what the token is
 * @param value the identifier name (back-quotes removed, doubled back-quotes undone), the unescaped string
 *              literal, or the raw text for every other kind
 * @param start offset of the first character in the SQL text
 * @param end   offset just past the last character
 */
record Token(Kind kind, String value, int start, int end) {

    enum Kind {
        /** An unquoted word: keyword or identifier. */
        WORD,
        /** A back-quoted identifier. */
        QUOTED_IDENT,
        /** A string literal in single or double quotes. */
        STRING,
        NUMBER,
        /** {@code @name} or {@code @@name}. */
        VARIABLE,
        /** A parameter marker {@code ?}. */
        PARAM,
        /** Punctuation or an operator. */
        PUNCT
    }

    /** Whether this is the unquoted keyword {@code kw} (case-insensitive). */
    boolean is(String kw) {
        return kind == Kind.WORD && value.equalsIgnoreCase(kw);
    }

    boolean isPunct(String p) {
        return kind == Kind.PUNCT && value.equals(p);
    }

    /** Whether the token can name an object: an unquoted word or a back-quoted identifier. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    String upper() {
        return value.toUpperCase(Locale.ROOT);
    }
}
