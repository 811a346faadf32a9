package io.matrixone.core.internal.tx;

import io.matrixone.core.internal.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a raw SQL text is, as far as MatrixOne's transaction rules care (mo_sql.md §10). The clients use it
 * to refuse, before sending, raw statements that would misbehave inside a unified transaction.
 */
public enum SqlKind {
    /** DML, DDL, CLONE, queries, {@code SELECT mo_ctl(...)}: run inside the transaction. */
    ORDINARY,
    /** {@code SET ...}: on MatrixOne up to 4.2.0 it silently commits the open transaction. */
    SET,
    /**
     * BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE: the transaction object owns these. Also
     * LOCK TABLES and UNLOCK TABLES, which commit the open transaction on MatrixOne 4.x (mo_sql.md §10.4).
     */
    TRANSACTION_CONTROL,
    /**
     * Refused by MatrixOne inside a transaction with 20101 "unclassified statement appears in uncommitted
     * transaction": snapshots, restore, PITR, publications, stages, CDC, SHOW SNAPSHOTS, ...; and
     * CREATE/DROP SEQUENCE ("Only CREATE of DDL is supported in transactions").
     */
    REFUSED_IN_TRANSACTION,
    /** Accounts, users, roles, GRANT, REVOKE: "administrative command is unsupported in transactions". */
    ADMINISTRATIVE,
    /**
     * {@code LOAD DATA / LOAD XML ... LOCAL INFILE}: the server would read a file of the client. The SDK never lets
     * it (its bulk insert streams rows from memory instead).
     */
    LOCAL_FILE;

    /** Verbs that are always {@link #ORDINARY}: recognised without parsing or allocating (the hot path). */
    private static final String[] ORDINARY_VERBS = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH", "VALUES", "EXPLAIN", "CALL", "TABLE",
        "DESC", "DESCRIBE", "TRUNCATE"
    };

    /** Classifies by the leading keywords, after comments and whitespace. */
    public static SqlKind of(String sql) {
        if (sql != null && startsWithOrdinaryVerb(sql)) {
            return ORDINARY; // every query and DML statement: no word list, no upper-casing
        }
        List<String> w = leadingWords(sql, 4);
        if (w.isEmpty()) {
            return ORDINARY;
        }
        String a = w.get(0);
        String b = w.size() > 1 ? w.get(1) : "";
        String c = w.size() > 2 ? w.get(2) : "";
        switch (a) {
            case "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "XA", "LOCK", "UNLOCK":
                return TRANSACTION_CONTROL;
            case "START":
                return b.equals("TRANSACTION") ? TRANSACTION_CONTROL : ORDINARY;
            case "SET":
                if (b.equals("ROLE") || b.equals("DEFAULT") && c.equals("ROLE") || b.equals("PASSWORD")) {
                    return ADMINISTRATIVE;
                }
                return SET;
            case "GRANT", "REVOKE":
                return ADMINISTRATIVE;
            case "RESTORE", "KILL", "PAUSE", "RESUME", "BACKUP", "REMOVE":
                return REFUSED_IN_TRANSACTION;
            case "USE":
                return b.equals("ROLE") || b.equals("SECONDARY") ? ADMINISTRATIVE : ORDINARY;
            case "CREATE", "DROP", "ALTER":
                return ddl(a, b, c);
            case "SHOW":
                return switch (b) {
                    case "SNAPSHOTS", "PITR", "RECOVERY_WINDOW", "STAGES", "CDC", "ROLES" -> REFUSED_IN_TRANSACTION;
                    default -> ORDINARY;
                };
            case "LOAD":
                return (b.equals("DATA") || b.equals("XML")) && (c.equals("LOCAL") || w.size() > 3
                        && w.get(3).equals("LOCAL")) ? LOCAL_FILE : ORDINARY;
            case "DATA":
                return b.equals("BRANCH") && c.equals("PICK") ? REFUSED_IN_TRANSACTION : ORDINARY;
            default:
                return ORDINARY;
        }
    }

    /**
     * Whether the text holds more than one statement: a {@code ;} outside quotes and comments followed by more than
     * whitespace and comments. MatrixOne runs every statement of such a text even when the client did not ask for
     * multi-statements, so a check of the first statement alone would let {@code SELECT 1; SET @x = 1} through.
     */
    public static boolean isMultiStatement(String sql) {
        if (sql == null || sql.indexOf(';') < 0) {
            return false; // the hot path: no scan
        }
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int comment = SqlText.commentEnd(sql, i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.quotedEnd(sql, i);
            } else if (comment >= 0) {
                i = comment;
            } else if (c == ';') {
                return hasStatementAfter(sql, i + 1);
            } else {
                i++;
            }
        }
        return false;
    }

    /** Whether anything but whitespace, comments and further semicolons follows {@code from}. */
    private static boolean hasStatementAfter(String sql, int from) {
        int n = sql.length();
        int i = from;
        while (i < n) {
            char c = sql.charAt(i);
            int comment = SqlText.commentEnd(sql, i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (comment >= 0) {
                i = comment;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Whether the text starts (after whitespace only) with one of {@link #ORDINARY_VERBS} as a whole word. */
    private static boolean startsWithOrdinaryVerb(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end == i || end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            return false;
        }
        int len = end - i;
        for (String verb : ORDINARY_VERBS) {
            if (verb.length() == len && sql.regionMatches(true, i, verb, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static SqlKind ddl(String verb, String b, String c) {
        String object = b;
        if (object.equals("OR") || object.equals("TEMPORARY") || object.equals("EXTERNAL")) {
            object = c; // CREATE OR REPLACE ..., CREATE TEMPORARY TABLE ...
        }
        return switch (object) {
            case "SNAPSHOT", "PITR", "PUBLICATION", "STAGE", "CDC", "FUNCTION", "PROCEDURE", "SOURCE", "CONNECTOR",
                 "SEQUENCE" ->
                    REFUSED_IN_TRANSACTION;
            case "ACCOUNT", "USER", "ROLE" -> ADMINISTRATIVE;
            default -> ORDINARY;
        };
    }

    /** Up to {@code max} leading words, upper-cased, skipping whitespace and comments. */
    static List<String> leadingWords(String sql, int max) {
        List<String> words = new ArrayList<>(max);
        if (sql == null) {
            return words;
        }
        int n = sql.length();
        int i = 0;
        while (i < n && words.size() < max) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch) || ch == '(') {
                i++;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == '#' || ch == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                break; // a quote, back-quote, brace or operator ends the keyword prefix
            }
        }
        return words;
    }
}
