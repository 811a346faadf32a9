package io.matrixone.adversarial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hostile names and literals: what an attacker, a careless config file or a copy-paste from a chat puts where the SDK
 * expects a name. Every entry is either accepted and must reach the server exactly as the SDK built the statement
 * around it, or refused before anything is sent. Names of objects that exist on every server ({@code test},
 * {@code mysql}, {@code mo_catalog}, {@code root}, {@code sys}) are left out on purpose: dropping them would test the
 * emulator's resilience, not the SDK's.
 */
final class Corpus {

    /** One hostile value and the family it belongs to (for the figures). */
    record Hostile(String family, String label, String value) {
        @Override
        public String toString() {
            return family + ":" + label;
        }
    }

    private static final List<Hostile> ALL;

    static {
        List<Hostile> c = new ArrayList<>();
        // quotes and SQL injection through quotes
        add(c, "quote", "single", "a'b");
        add(c, "quote", "lone-single", "'");
        add(c, "quote", "doubled-single", "a''b");
        add(c, "quote", "double", "a\"b");
        add(c, "quote", "or-true", "x' OR '1'='1");
        add(c, "quote", "stacked", "x'; DROP DATABASE adv_victim; --");
        add(c, "quote", "literal-break", "x') ; DROP DATABASE adv_victim; --");
        // back-quotes
        add(c, "backquote", "inner", "a`b");
        add(c, "backquote", "lone", "`");
        add(c, "backquote", "doubled", "a``b");
        add(c, "backquote", "break-out", "x`; DROP DATABASE adv_victim; -- ");
        add(c, "backquote", "break-out-nospace", "x`;DROP/**/DATABASE/**/adv_victim;--");
        // braces and JDBC escapes (Connector/J rewrote these after validation: issue 9, defect 1)
        add(c, "escape", "fn", "{fn adv_victim}");
        add(c, "escape", "fn-nospace", "{fnadv_victim}");
        add(c, "escape", "call-result", "{?=call adv_victim}");
        add(c, "escape", "call-unclosed", "{call adv_victim");
        add(c, "escape", "call", "{call adv_victim()}");
        add(c, "escape", "date", "{d '2020-01-01'}");
        add(c, "escape", "ts-nospace", "{ts'2020-01-01'}");
        add(c, "escape", "oj", "{oj adv_victim}");
        add(c, "escape", "escape", "{escape '!'}");
        add(c, "escape", "open", "{");
        add(c, "escape", "close", "}");
        add(c, "escape", "nested", "{{fn x}}");
        add(c, "escape", "snapshot-hint", "{SNAPSHOT='adv'}");
        add(c, "escape", "mo-ts-hint", "{MO_TS=1}");
        // comments
        add(c, "comment", "open", "/*");
        add(c, "comment", "close", "*/");
        add(c, "comment", "block", "a/*x*/b");
        add(c, "comment", "versioned", "/*!50000DROP*/");
        add(c, "comment", "optimizer-hint", "/*+SET_VAR(x=1)*/");
        add(c, "comment", "dash", "--");
        add(c, "comment", "dash-space", "a-- b");
        add(c, "comment", "hash", "#");
        add(c, "comment", "hash-inner", "a#b");
        // placeholders and format strings
        add(c, "placeholder", "question", "?");
        add(c, "placeholder", "question-inner", "a?b");
        add(c, "placeholder", "named", ":adv");
        add(c, "placeholder", "dollar", "$1");
        add(c, "placeholder", "percent", "%s%n");
        add(c, "placeholder", "like", "%_");
        // statement separators and paths
        add(c, "separator", "semicolon", ";");
        add(c, "separator", "stacked", "a;DROP_DATABASE");
        add(c, "separator", "dot", "a.b");
        add(c, "separator", "dots", "..");
        add(c, "separator", "path", "../../etc/passwd");
        add(c, "separator", "colon", "a:b");
        add(c, "separator", "at", "a@b");
        add(c, "separator", "url", "x?allowLoadLocalInfile=true&autoDeserialize=true");
        add(c, "separator", "url-session", "x?sessionVariables=sql_mode=ANSI_QUOTES");
        add(c, "separator", "url-fragment", "x#y");
        add(c, "separator", "amp", "a&b=c");
        // backslash (MySQL's escape character)
        add(c, "backslash", "inner", "a\\b");
        add(c, "backslash", "before-quote", "a\\'b");
        add(c, "backslash", "trailing", "a\\");
        // NUL and control characters
        add(c, "control", "nul", "a\0b");
        add(c, "control", "lone-nul", "\0");
        add(c, "control", "newline", "a\nb");
        add(c, "control", "carriage-return", "a\rb");
        add(c, "control", "tab", "a\tb");
        add(c, "control", "ctrl-z", "a\u001Ab");
        add(c, "control", "escape", "a\u001B[31mb");
        add(c, "control", "del", "a\u007Fb");
        add(c, "control", "nel", "a\u0085b");
        add(c, "control", "zero-width-space", "a\u200Bb");
        add(c, "control", "bidi-override", "a\u202Eb");
        add(c, "control", "line-separator", "a\u2028b");
        add(c, "control", "bom", "\uFEFFa");
        add(c, "control", "emoji-joiner", "a\u200Db");
        // UTF-16 surrogates
        add(c, "surrogate", "lone-high", "\uD800");
        add(c, "surrogate", "lone-low-inner", "a\uDC00b");
        add(c, "surrogate", "two-highs", "\uDBFF\uDBFF");
        add(c, "surrogate", "reversed-pair", "\uDE00\uD83D");
        add(c, "surrogate", "valid-pair", "a\uD83D\uDE00b");
        // look-alikes
        add(c, "lookalike", "fullwidth", "\uFF41\uFF44\uFF56");
        add(c, "lookalike", "cyrillic", "\u0430dv_t\u0435st");
        add(c, "lookalike", "modifier-apostrophe", "a\u02BCb");
        add(c, "lookalike", "fullwidth-quote", "a\uFF07b");
        add(c, "lookalike", "fullwidth-backquote", "a\uFF40b");
        add(c, "lookalike", "fullwidth-semicolon", "a\uFF1Bb");
        add(c, "lookalike", "kelvin", "\u212Aey");
        add(c, "lookalike", "dotted-i", "\u0130ndex");
        add(c, "lookalike", "sharp-s", "stra\u00DFe");
        add(c, "lookalike", "combining", "e\u0301");
        // reserved words
        add(c, "reserved", "select", "select");
        add(c, "reserved", "SELECT", "SELECT");
        add(c, "reserved", "table", "table");
        add(c, "reserved", "database", "database");
        add(c, "reserved", "null", "NULL");
        add(c, "reserved", "default", "default");
        add(c, "reserved", "snapshot", "snapshot");
        add(c, "reserved", "account", "account");
        add(c, "reserved", "number", "1e5");
        add(c, "reserved", "hex", "0x41");
        // lengths
        add(c, "length", "one", "a");
        add(c, "length", "64", "n".repeat(64));
        add(c, "length", "65", "n".repeat(65));
        add(c, "length", "64-multibyte", "\u00E9".repeat(64));
        add(c, "length", "64-supplementary", "\uD83D\uDE00".repeat(64));
        add(c, "length", "300", "n".repeat(300));
        add(c, "length", "301", "n".repeat(301));
        add(c, "length", "10k", "n".repeat(10_000));
        // empty and whitespace
        add(c, "empty", "empty", "");
        add(c, "whitespace", "space", " ");
        add(c, "whitespace", "leading", " a");
        add(c, "whitespace", "trailing", "a ");
        add(c, "whitespace", "inner", "a b");
        add(c, "whitespace", "tab-only", "\t");
        add(c, "whitespace", "nbsp-inner", "a\u00A0b");
        add(c, "whitespace", "ideographic", "\u3000");
        ALL = Collections.unmodifiableList(c);
    }

    private Corpus() {
    }

    private static void add(List<Hostile> c, String family, String label, String value) {
        c.add(new Hostile(family, label, value));
    }

    /** Every hostile value. */
    static List<Hostile> all() {
        return ALL;
    }

    /** The value as a Java string literal, for messages: control characters and surrogates escaped, long ones cut. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length() && i < 60; i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0) || Character.isSurrogate(ch)
                    || Character.getType(ch) == Character.FORMAT || ch == '\u2028' || ch == '\u2029') {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append(s.length() > 60 ? "...(" + s.length() + ")\"" : "\"").toString();
    }
}
