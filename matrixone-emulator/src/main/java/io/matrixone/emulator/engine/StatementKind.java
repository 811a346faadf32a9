package io.matrixone.emulator.engine;

/** What the recogniser made of one statement; decides the transaction rule and the handler. */
enum StatementKind {
    CREATE_SNAPSHOT, DROP_SNAPSHOT, SHOW_SNAPSHOTS, RESTORE,
    CREATE_PITR, ALTER_PITR, DROP_PITR, SHOW_PITR, SHOW_RECOVERY_WINDOW,
    CREATE_PUBLICATION, ALTER_PUBLICATION, DROP_PUBLICATION, SHOW_PUBLICATIONS, SHOW_SUBSCRIPTIONS,
    SHOW_CREATE_PUBLICATION, SUBSCRIBE,
    /** Ordinary SHOWs whose answer depends on the account's namespace. */
    SHOW_DATABASES, SHOW_TABLES, SHOW_CREATE,
    CLONE_DATABASE, CLONE_TABLE, DATA_BRANCH,
    CREATE_ACCOUNT, ALTER_ACCOUNT, DROP_ACCOUNT, SHOW_ACCOUNTS,
    /** Users, roles, GRANT/REVOKE, SET ROLE, SET PASSWORD, USE ROLE: MatrixOne's "administrative" statements. */
    ADMIN,
    /** Other statements MatrixOne refuses in a transaction with the "unclassified" message (routines, KILL...). */
    OTHER_UNCLASSIFIED,
    SET_TRANSACTION, SET, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO, BEGIN, COMMIT, ROLLBACK,
    SEQUENCE_DDL,
    /** DDL that MariaDB commits implicitly but MatrixOne runs inside the transaction. */
    DDL,
    MO_CTL,
    /** {@code SELECT version()} and friends, answered by the engine. */
    IDENTITY_SELECT,
    OTHER;

    /** MatrixOne-only statements that the engine answers itself (never forwarded as-is). */
    boolean isEmulated() {
        return switch (this) {
            case CREATE_SNAPSHOT, DROP_SNAPSHOT, SHOW_SNAPSHOTS, RESTORE, CREATE_PITR, ALTER_PITR, DROP_PITR, SHOW_PITR,
                    SHOW_RECOVERY_WINDOW, CREATE_PUBLICATION, ALTER_PUBLICATION, DROP_PUBLICATION, SHOW_PUBLICATIONS,
                    SHOW_SUBSCRIPTIONS, SHOW_CREATE_PUBLICATION, SUBSCRIBE, CLONE_DATABASE, CLONE_TABLE, DATA_BRANCH,
                    CREATE_ACCOUNT, ALTER_ACCOUNT, DROP_ACCOUNT, SHOW_ACCOUNTS, MO_CTL, IDENTITY_SELECT,
                    SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO -> true;
            default -> false;
        };
    }
}
