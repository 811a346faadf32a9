package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Objects;

/**
 * A restore from a snapshot (mo_sql.md §4). The SQL differs by server generation; {@code RestoreSql} picks
 * it. Start with {@link #cluster}, {@link #account}, {@link #database} or {@link #table}, then add options.
 *
 * @param level     what is restored
 * @param snapshot  the snapshot restored from
 * @param account   the account whose data is restored: required at account level; for database and table
 *                  level an optional prefix ({@code [a.]db}); the server then uses the snapshot's account
 * @param database  for database and table level
 * @param table     for table level
 * @param toAccount restore into this account instead ({@code TO ACCOUNT b}); not at cluster level
 */
public record RestoreSpec(SnapshotLevel level, String snapshot, String account, String database, String table,
                          String toAccount) {

    public RestoreSpec {
        Objects.requireNonNull(level, "level");
        Models.name(snapshot, NameKind.SNAPSHOT);
        Models.optionalName(account, NameKind.ACCOUNT);
        Models.optionalName(database, NameKind.DATABASE);
        Models.optionalName(table, NameKind.TABLE);
        Models.optionalName(toAccount, NameKind.ACCOUNT);
        switch (level) {
            case CLUSTER -> Models.require(account == null && database == null && table == null && toAccount == null,
                    "a cluster restore names no account, database, table or target account");
            case ACCOUNT -> Models.require(account != null && database == null && table == null,
                    "an account restore names the account and nothing below it");
            case DATABASE -> Models.require(database != null && table == null,
                    "a database restore names the database and no table");
            case TABLE -> Models.require(database != null && table != null,
                    "a table restore names the database and the table");
        }
    }

    /** {@code RESTORE CLUSTER ...}. */
    public static RestoreSpec cluster(String snapshot) {
        return new RestoreSpec(SnapshotLevel.CLUSTER, snapshot, null, null, null, null);
    }

    /** {@code RESTORE ACCOUNT a ...}. */
    public static RestoreSpec account(String account, String snapshot) {
        return new RestoreSpec(SnapshotLevel.ACCOUNT, snapshot, Models.name(account, NameKind.ACCOUNT), null, null,
                null);
    }

    /** {@code RESTORE DATABASE d ...}. */
    public static RestoreSpec database(String database, String snapshot) {
        return new RestoreSpec(SnapshotLevel.DATABASE, snapshot, null, Models.name(database, NameKind.DATABASE),
                null, null);
    }

    /** {@code RESTORE TABLE d.t ...}. */
    public static RestoreSpec table(String database, String table, String snapshot) {
        return new RestoreSpec(SnapshotLevel.TABLE, snapshot, null, Models.name(database, NameKind.DATABASE),
                Models.name(table, NameKind.TABLE), null);
    }

    /** The account prefix of a database or table restore ({@code a.db}, {@code a.db.t}). */
    public RestoreSpec ofAccount(String sourceAccount) {
        Models.require(level == SnapshotLevel.DATABASE || level == SnapshotLevel.TABLE,
                "ofAccount applies to database and table restores; an account restore names its account already");
        return new RestoreSpec(level, snapshot, Models.name(sourceAccount, NameKind.ACCOUNT), database, table,
                toAccount);
    }

    /** {@code TO ACCOUNT b}: restore into another account (sys only). */
    public RestoreSpec toAccount(String target) {
        return new RestoreSpec(level, snapshot, account, database, table, Models.name(target, NameKind.ACCOUNT));
    }

    /** This spec with {@code account} filled in when it is missing; used where the grammar needs it (3.0.x). */
    public RestoreSpec withDefaultAccount(String defaultAccount) {
        if (account != null || level == SnapshotLevel.CLUSTER) {
            return this;
        }
        return new RestoreSpec(level, snapshot, Models.name(defaultAccount, NameKind.ACCOUNT), database, table,
                toAccount);
    }
}
