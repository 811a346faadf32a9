package io.matrixone.spring.boot.observability;

import java.util.Locale;
import java.util.Set;

/**
 * The operation of a statement, from the first words of its (redacted) SQL: {@code SELECT}, {@code INSERT},
 * {@code CREATE SNAPSHOT}, {@code COMMIT} ... The one place metrics and traces name statements, from a closed
 * set of words so a tag or span name never carries an identifier or a value.
 */
public final class StatementKind {
    private static final Set<String> VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE",
            "DROP", "ALTER", "TRUNCATE", "BEGIN", "COMMIT", "ROLLBACK", "RESTORE", "SHOW", "LOAD", "USE", "GRANT",
            "REVOKE", "EXPLAIN", "WITH", "SET", "DESCRIBE", "DESC");
    /** Objects worth telling apart after CREATE, DROP, ALTER and SHOW: MatrixOne's features among them. */
    private static final Set<String> OBJECTS = Set.of("SNAPSHOT", "SNAPSHOTS", "PITR", "PITRS", "PUBLICATION",
            "PUBLICATIONS", "ACCOUNT", "ACCOUNTS", "DATABASE", "DATABASES", "TABLE", "TABLES", "USER", "ROLE",
            "INDEX", "VIEW", "STAGE", "SOURCE", "SEQUENCE");
    public static final String OTHER = "OTHER";

    private StatementKind() {
    }

    /** The operation of {@code sql}: one or two upper-case words, or {@link #OTHER}. */
    public static String of(String sql) {
        String[] words = firstWords(sql);
        if (words.length == 0 || !VERBS.contains(words[0])) {
            return OTHER;
        }
        String verb = words[0];
        if (words.length > 1 && (verb.equals("CREATE") || verb.equals("DROP") || verb.equals("ALTER")
                || verb.equals("SHOW"))) {
            String object = words[1];
            if (object.equals("OR") || object.equals("IF")) { // CREATE OR REPLACE VIEW, DROP IF EXISTS
                return verb;
            }
            return OBJECTS.contains(object) ? verb + " " + object : verb;
        }
        return verb;
    }

    private static String[] firstWords(String sql) {
        if (sql == null) {
            return new String[0];
        }
        String s = sql.strip();
        while (s.startsWith("/*")) { // leading comments (hints) are not the operation
            int end = s.indexOf("*/");
            if (end < 0) {
                return new String[0];
            }
            s = s.substring(end + 2).strip();
        }
        if (s.startsWith("(")) {
            s = s.substring(1).strip();
        }
        String[] parts = s.split("[\\s(;]+", 3);
        int n = Math.min(parts.length, 2);
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = parts[i].toUpperCase(Locale.ROOT);
        }
        return words;
    }
}
