package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

/**
 * A database or table clone (mo_sql.md §3.1):
 * {@code CREATE DATABASE [IF NOT EXISTS] t CLONE s [{SNAPSHOT = 'sp'}] [TO ACCOUNT a]} or
 * {@code CREATE TABLE [IF NOT EXISTS] db.t CLONE db.s [{SNAPSHOT = 'sp'}] [COPY GRANTS] [TO ACCOUNT a]}.
 *
 * <p>Both databases of a table clone are required: MatrixOne fails with "no db selected" otherwise, and the
 * undo statement must name the same table whatever the connection's current database is.
 * Start with {@link #database} or {@link #table}, then add options; each step returns a checked copy.
 *
 * @param targetDatabase the database to create, or that holds the table to create
 * @param targetTable    the table to create; {@code null} for a database clone
 * @param sourceDatabase the database cloned, or that holds the source table
 * @param sourceTable    the table cloned; {@code null} for a database clone
 * @param snapshot       clone the source as of this snapshot, or {@code null} for its current state
 * @param keepExisting   whether an existing target makes the statement a no-op (then no undo is offered)
 * @param toAccount      the account that receives the clone (sys only; needs a snapshot), or {@code null}
 * @param copyingGrants  table clones only: copy the source table's grants (MatrixOne 4.1.2+, not with TO ACCOUNT)
 */
public record CloneSpec(String targetDatabase, String targetTable, String sourceDatabase, String sourceTable,
                        String snapshot, boolean keepExisting, String toAccount, boolean copyingGrants) {

    public CloneSpec {
        Models.requireText(targetDatabase, "target database"); // both are database names: say which one is missing
        Models.requireText(sourceDatabase, "source database");
        Models.name(targetDatabase, NameKind.DATABASE);
        Models.name(sourceDatabase, NameKind.DATABASE);
        Models.optionalName(targetTable, NameKind.TABLE);
        Models.optionalName(sourceTable, NameKind.TABLE);
        Models.optionalName(snapshot, NameKind.SNAPSHOT);
        Models.optionalName(toAccount, NameKind.ACCOUNT);
        Models.require((targetTable == null) == (sourceTable == null),
                "a clone is database to database or table to table");
        Models.require(!copyingGrants || targetTable != null, "COPY GRANTS applies to table clones only");
        // server rule (clone.go handleCloneTable): "COPY GRANTS cannot be used with TO ACCOUNT"
        Models.require(!(copyingGrants && toAccount != null), "COPY GRANTS cannot be used with TO ACCOUNT");
        Models.require(toAccount == null || snapshot != null, "a clone TO ACCOUNT needs a snapshot (fromSnapshot): "
                + "MatrixOne clones between accounts only from one");
    }

    /** {@code CREATE DATABASE target CLONE source}. */
    public static CloneSpec database(String target, String source) {
        return new CloneSpec(target, null, source, null, null, false, null, false);
    }

    /** {@code CREATE TABLE targetDb.targetTable CLONE sourceDb.sourceTable}. */
    public static CloneSpec table(String targetDatabase, String targetTable, String sourceDatabase,
                                  String sourceTable) {
        return new CloneSpec(targetDatabase, Models.name(Models.requireText(targetTable, "target table"), NameKind.TABLE),
                sourceDatabase, Models.name(Models.requireText(sourceTable, "source table"), NameKind.TABLE), null, false,
                null, false);
    }

    public boolean isTableClone() {
        return targetTable != null;
    }

    /** Clone the source as it was at this snapshot: {@code {SNAPSHOT = 'sp'}} on the source. */
    public CloneSpec fromSnapshot(String snapshotName) {
        return new CloneSpec(targetDatabase, targetTable, sourceDatabase, sourceTable,
                Models.name(snapshotName, NameKind.SNAPSHOT), keepExisting, toAccount, copyingGrants);
    }

    public CloneSpec ifNotExists() {
        return new CloneSpec(targetDatabase, targetTable, sourceDatabase, sourceTable, snapshot, true, toAccount,
                copyingGrants);
    }

    /** {@code TO ACCOUNT a}: only {@code sys} may clone into another account. */
    public CloneSpec toAccount(String account) {
        return new CloneSpec(targetDatabase, targetTable, sourceDatabase, sourceTable, snapshot, keepExisting,
                Models.name(account, NameKind.ACCOUNT), copyingGrants);
    }

    /** {@code COPY GRANTS}: table clones only, not with {@code TO ACCOUNT}. */
    public CloneSpec copyGrants() {
        return new CloneSpec(targetDatabase, targetTable, sourceDatabase, sourceTable, snapshot, keepExisting,
                toAccount, true);
    }
}
