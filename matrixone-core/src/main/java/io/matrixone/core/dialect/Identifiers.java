package io.matrixone.core.dialect;

/**
 * The only way a name becomes SQL text. Every name is checked against the rules of its kind and then
 * back-quoted; a name that breaks a rule is refused with {@link IllegalArgumentException} before any SQL
 * is built, let alone sent.
 *
 * <p>Rules, for every kind: not null, not blank, at most {@link NameKind#maxLength()} characters, no
 * leading or trailing whitespace, and none of: back-quote, single or double quote, backslash, NUL or
 * any other control character (including zero-width and bidi format characters, except the emoji joiner
 * U+200D, and the line separators U+2028/U+2029), unpaired surrogates. Quoting would make most of these harmless, but
 * MatrixOne's own name checks and its {@code {SNAPSHOT = 'name'}} string form do not handle them, and no
 * real name needs them. Characters such as {@code ;}, {@code --} or {@code /*} are kept: inside
 * back-quotes they are part of the name. Snapshot, PITR, publication, stage and account names also may not
 * contain whitespace; account names are limited to {@code [0-9A-Za-z_-]}; user and role names may not
 * contain {@code :} or {@code #}.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** Checks {@code name} and returns it back-quoted, e.g. {@code `orders`}. */
    public static String quote(String name, NameKind kind) {
        check(name, kind);
        return "`" + name + "`";
    }

    /** {@code `db`.`table`}. */
    public static String qualified(String database, String table) {
        return quote(database, NameKind.DATABASE) + "." + quote(table, NameKind.TABLE);
    }

    /** {@code `table`} when {@code database} is null, else {@code `db`.`table`}. */
    public static String table(String database, String table) {
        return database == null ? quote(table, NameKind.TABLE) : qualified(database, table);
    }

    /**
     * Checks a name against the rules of its kind.
     *
     * @return the name, unchanged
     * @throws IllegalArgumentException naming the kind and the rule that was broken (never echoing
     *                                  control characters)
     */
    public static String check(String name, NameKind kind) {
        if (name == null) {
            throw new IllegalArgumentException(kind.label() + " name must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(kind.label() + " name must not be blank");
        }
        int length = name.codePointCount(0, name.length());
        if (length > kind.maxLength()) {
            throw new IllegalArgumentException(kind.label() + " name is " + length + " characters long; the limit is "
                    + kind.maxLength());
        }
        if (isSpace(name.codePointAt(0)) || isSpace(name.codePointBefore(name.length()))) {
            throw invalid(name, kind, "must not start or end with whitespace");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == 0) {
                throw invalid(name, kind, "must not contain NUL");
            }
            if (isControl(cp) && cp != 0x200D) {
                throw invalid(name, kind, "must not contain control characters");
            }
            if (isSurrogate(cp)) {
                throw invalid(name, kind, "must not contain unpaired surrogates");
            }
            switch (cp) {
                case '`' -> throw invalid(name, kind, "must not contain a back-quote (`)");
                case '\'' -> throw invalid(name, kind, "must not contain a single quote (')");
                case '"' -> throw invalid(name, kind, "must not contain a double quote (\")");
                case '\\' -> throw invalid(name, kind, "must not contain a backslash");
                default -> {
                }
            }
            if (kind.forbidsWhitespace() && isSpace(cp)) {
                throw invalid(name, kind, "must not contain whitespace");
            }
            if (kind == NameKind.ACCOUNT && !isAccountChar(cp)) {
                throw invalid(name, kind, "may contain only letters A-Z a-z, digits, '_' and '-'");
            }
            if ((kind == NameKind.USER || kind == NameKind.ROLE) && (cp == ':' || cp == '#')) {
                throw invalid(name, kind, "must not contain ':' or '#' (they separate account, user and role in login names)");
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    /** Java's whitespace plus the Unicode space separators it leaves out (no-break spaces such as U+00A0). */
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * C0/C1 controls, format characters (zero-width, bidi overrides) and the line and paragraph separators
     * U+2028/U+2029, which break log lines like CR and LF do.
     */
    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isSurrogate(int cp) {
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
    }

    private static boolean isAccountChar(int cp) {
        return cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-');
    }

    private static IllegalArgumentException invalid(String name, NameKind kind, String rule) {
        return new IllegalArgumentException("invalid " + kind.label() + " name " + printable(name) + ": " + rule);
    }

    /** The name as a safe, quoted Java-style string: control characters shown as escapes, long names cut. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < name.length() && shown < 80; ) {
            int cp = name.codePointAt(i);
            if (isControl(cp) || isSurrogate(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            shown++;
            i += Character.charCount(cp);
        }
        if (shown < name.codePointCount(0, name.length())) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }
}
