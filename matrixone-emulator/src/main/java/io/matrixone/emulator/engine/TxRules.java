package io.matrixone.emulator.engine;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * MatrixOne's rules for statements inside an active transaction (mo_sql.md §10; stmt_kind.go
 * statementCanBeExecutedInUncommittedTransaction, mysql_cmd_executor.go canExecuteStatementInUncommittedTransaction).
 */
final class TxRules {

    /** What to do before running an allowed statement. */
    enum Decision {
        PROCEED,
        /** Commit the open transaction first: SET on releases up to v4.2.0 (issue #26872). */
        COMMIT_FIRST,
        /** DDL, CLONE or a subscription inside the transaction: run it as part of it ({@link TxDdl}). */
        IN_TRANSACTION
    }

    private final TargetVersion version;
    private final boolean transactionalDdl;

    /** @param transactionalDdl whether the engine can keep DDL in a transaction; without it such DDL is refused */
    TxRules(TargetVersion version, boolean transactionalDdl) {
        this.version = version;
        this.transactionalDdl = transactionalDdl;
    }

    /**
     * @param inTx    whether a transaction is open on the backend
     * @param byBegin whether it was opened by BEGIN / START TRANSACTION (MatrixOne's OPTION_BEGIN)
     * @throws MoException when MatrixOne would refuse the statement
     */
    Decision check(Statement s, StatementKind kind, boolean inTx, boolean byBegin) {
        if (kind == StatementKind.ROLLBACK_TO) {
            // mysql_cmd_executor.go: savepoints are accepted, rolling back to one is not
            throw MoException.internal("savepoint has not been implemented yet. please rollback the transaction.");
        }
        if (!inTx) {
            return Decision.PROCEED;
        }
        switch (kind) {
            case CREATE_SNAPSHOT, DROP_SNAPSHOT, SHOW_SNAPSHOTS, RESTORE, CREATE_PITR, ALTER_PITR, DROP_PITR, SHOW_PITR,
                    SHOW_RECOVERY_WINDOW, CREATE_PUBLICATION, ALTER_PUBLICATION, DROP_PUBLICATION, OTHER_UNCLASSIFIED ->
                    throw MoException.internal("unclassified statement appears in uncommitted transaction");
            case SET_TRANSACTION -> {
                // tree.SetTransaction joined the allow-list after v4.2.0 (#26665)
                if (version.setCommitsTransaction()) {
                    throw MoException.internal("unclassified statement appears in uncommitted transaction");
                }
                return Decision.PROCEED;
            }
            case ADMIN, CREATE_ACCOUNT, ALTER_ACCOUNT, DROP_ACCOUNT ->
                    throw MoException.internal("administrative command is unsupported in transactions");
            case SEQUENCE_DDL -> {
                if (byBegin) {
                    throw MoException.internal("Only CREATE of DDL is supported in transactions");
                }
                return Decision.PROCEED; // autocommit=0 without BEGIN: allowed, and it commits (§10.4)
            }
            case DDL, CLONE_DATABASE, CLONE_TABLE, SUBSCRIBE -> {
                if (kind == StatementKind.CLONE_TABLE && s.matchesAt(1, "TEMPORARY")) {
                    return Decision.PROCEED;
                }
                if (transactionalDdl) {
                    return Decision.IN_TRANSACTION;
                }
                throw MoException.emulator(describe(s, kind) + " inside a transaction is refused: MatrixOne keeps it in the "
                        + "transaction (undone by ROLLBACK) but MariaDB would commit the transaction implicitly; "
                        + "transactional DDL is not emulated. Run it outside the transaction.");
            }
            case SET -> {
                return version.setCommitsTransaction() ? Decision.COMMIT_FIRST : Decision.PROCEED;
            }
            default -> {
                return Decision.PROCEED;
            }
        }
    }

    /** A short name for the statement kind, e.g. {@code CREATE TABLE}, {@code CREATE DATABASE ... CLONE}. */
    static String describe(Statement s, StatementKind kind) {
        StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < Math.min(3, s.size()); i++) {
            Token t = s.get(i);
            if (t.kind() != Token.Kind.WORD || (i > 0 && !isStructureWord(t.upper()))) {
                break;
            }
            j.add(t.value().toUpperCase(Locale.ROOT));
        }
        String d = j.toString();
        return switch (kind) {
            case CLONE_DATABASE, CLONE_TABLE -> d + " ... CLONE";
            case SUBSCRIBE -> d + " ... FROM ... PUBLICATION";
            default -> d;
        };
    }

    private static boolean isStructureWord(String w) {
        return switch (w) {
            case "TABLE", "DATABASE", "SCHEMA", "INDEX", "VIEW", "UNIQUE", "FULLTEXT", "SPATIAL", "OR", "REPLACE", "TEMPORARY" -> true;
            default -> false;
        };
    }
}
