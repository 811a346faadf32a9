package io.matrixone.emulator.engine;

import java.util.Locale;
import java.util.Set;

/**
 * Which statements MatrixOne 4.2.0 refuses to prepare (COM_STMT_PREPARE), and how (finding F-17, measured statement by
 * statement with a raw client). It prepares SHOW SNAPSHOTS, SHOW PITR, SHOW CREATE PUBLICATION, CREATE / DROP PITR,
 * CREATE TABLE ... CLONE, CREATE / DROP ACCOUNT and mo_ctl; it refuses
 * <ul>
 *   <li>with its parser's 1064 statements its PREPARE grammar lacks: transaction control, SET, USE, savepoints, GRANT,
 *       KILL, LOAD DATA, TRUNCATE, EXPLAIN, DO, CALL, RESTORE, DATA BRANCH;</li>
 *   <li>with 20101 {@code internal error: statement: '<sql>'} the other MatrixOne-only statements (snapshots,
 *       publications, database clones, ALTER PITR / ACCOUNT, SHOW PUBLICATIONS / SUBSCRIPTIONS / ACCOUNTS /
 *       RECOVERY_WINDOW) and CREATE USER;</li>
 *   <li>with 20301 a {@code ?} in a statement it prepares itself.</li>
 * </ul>
 * A subscription ({@code CREATE DATABASE ... FROM acc PUBLICATION p}) was not measured: the emulator refuses to prepare
 * it (29999).
 */
final class Preparable {
    /** First words of statements MatrixOne's PREPARE grammar does not take. */
    private static final Set<String> NOT_IN_GRAMMAR = Set.of("BEGIN", "COMMIT", "ROLLBACK", "START", "SET", "USE",
            "SAVEPOINT", "RELEASE", "GRANT", "KILL", "LOAD", "TRUNCATE", "EXPLAIN", "DO", "CALL", "RESTORE", "DATA");

    /** The prefix MatrixOne's error columns count: it parses {@code prepare __mo_stmt_id_<n> from <sql>}. */
    private static final String WRAPPER = "prepare __mo_stmt_id_%d from ";

    private Preparable() {
    }

    /**
     * MatrixOne's refusal to prepare {@code s}, or {@code null} when it prepares it.
     *
     * @param statementNumber which prepare of the connection this is (MatrixOne's statement id, part of its message)
     */
    static Reply.Error check(Statement s, StatementKind kind, long statementNumber) {
        if (s.first().kind() == Token.Kind.WORD && NOT_IN_GRAMMAR.contains(s.first().upper())) {
            String first = s.first().value();
            int column = String.format(Locale.ROOT, WRAPPER, statementNumber).length() + first.length();
            return new Reply.Error(1064, "HY000", "SQL parser error: You have an error in your SQL syntax; check the manual "
                    + "that corresponds to your MatrixOne server version for the right syntax to use. syntax error at line 1 "
                    + "column " + column + " near \" " + s.text() + "\";");
        }
        boolean refused = switch (kind) {
            case CREATE_SNAPSHOT, DROP_SNAPSHOT, ALTER_PITR, CLONE_DATABASE, CREATE_PUBLICATION, ALTER_PUBLICATION,
                    DROP_PUBLICATION, SHOW_PUBLICATIONS, SHOW_SUBSCRIPTIONS, SHOW_ACCOUNTS, SHOW_RECOVERY_WINDOW,
                    ALTER_ACCOUNT -> true;
            default -> kind == StatementKind.ADMIN && s.startsWith("CREATE") && s.matchesAt(1, "USER");
        };
        if (refused) {
            return MoException.internal("statement: '" + lowerOutsideStrings(s) + "'").toReply();
        }
        if (kind == StatementKind.SUBSCRIBE) {
            return MoException.emulator("preparing " + TxRules.describe(s, kind)
                    + " is not emulated; send MatrixOne-only statements as plain queries").toReply();
        }
        if (kind.isEmulated() && s.tokens().stream().anyMatch(t -> t.kind() == Token.Kind.PARAM)) {
            return MoException.invalidInput("only prepare statement can use ? expr").toReply();
        }
        return null;
    }

    /** Whether a statement MatrixOne prepares answers rows (its columns are part of the prepare's answer). */
    static boolean answersRows(StatementKind kind) {
        return switch (kind) {
            case SHOW_SNAPSHOTS, SHOW_PITR, SHOW_CREATE_PUBLICATION, MO_CTL -> true;
            default -> false;
        };
    }

    /** MatrixOne quotes the statement as its formatter prints it: keywords and names in lower case, literals kept. */
    private static String lowerOutsideStrings(Statement s) {
        StringBuilder out = new StringBuilder();
        for (Token t : s.tokens()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String text = s.sql().substring(t.start(), t.end());
            out.append(t.kind() == Token.Kind.STRING ? text : text.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
