package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Objects;

/**
 * A snapshot to create: {@code CREATE SNAPSHOT [IF NOT EXISTS] name FOR {CLUSTER | ACCOUNT [a] | DATABASE d |
 * TABLE d t}} (grammar rule {@code create_snapshot_stmt}, mo_sql.md §1.1). Names are checked here, so a spec
 * that exists can always be turned into SQL.
 *
 * @param name        the snapshot name (at most 64 characters, no whitespace or quotes)
 * @param level       what it covers
 * @param account     for {@link SnapshotLevel#ACCOUNT}: the account, or {@code null} for the current one
 * @param database    for database and table level
 * @param table       for table level
 * @param keepExisting whether an existing snapshot of that name is kept silently
 */
public record SnapshotSpec(String name, SnapshotLevel level, String account, String database, String table,
                           boolean keepExisting) {

    public SnapshotSpec {
        Models.name(name, NameKind.SNAPSHOT);
        Objects.requireNonNull(level, "level");
        Models.optionalName(account, NameKind.ACCOUNT);
        Models.optionalName(database, NameKind.DATABASE);
        Models.optionalName(table, NameKind.TABLE);
        Models.require(account == null || level == SnapshotLevel.ACCOUNT, "only an account snapshot names an account");
        Models.require((database != null) == (level == SnapshotLevel.DATABASE || level == SnapshotLevel.TABLE),
                level + " snapshot " + (database == null ? "needs a database" : "cannot name a database"));
        Models.require((table != null) == (level == SnapshotLevel.TABLE),
                level + " snapshot " + (table == null ? "needs a table" : "cannot name a table"));
    }

    /** {@code FOR CLUSTER}; only {@code sys} may take one. */
    public static SnapshotSpec cluster(String name) {
        return new SnapshotSpec(name, SnapshotLevel.CLUSTER, null, null, null, false);
    }

    /** {@code FOR ACCOUNT}: the current account. */
    public static SnapshotSpec account(String name) {
        return new SnapshotSpec(name, SnapshotLevel.ACCOUNT, null, null, null, false);
    }

    /** {@code FOR ACCOUNT a}; only {@code sys} may name another account. */
    public static SnapshotSpec account(String name, String account) {
        return new SnapshotSpec(name, SnapshotLevel.ACCOUNT, Models.name(account, NameKind.ACCOUNT), null, null,
                false);
    }

    /** {@code FOR DATABASE d}. */
    public static SnapshotSpec database(String name, String database) {
        return new SnapshotSpec(name, SnapshotLevel.DATABASE, null, Models.name(database, NameKind.DATABASE),
                null, false);
    }

    /** {@code FOR TABLE d t}. */
    public static SnapshotSpec table(String name, String database, String table) {
        return new SnapshotSpec(name, SnapshotLevel.TABLE, null, Models.name(database, NameKind.DATABASE),
                Models.name(table, NameKind.TABLE), false);
    }

    /** A copy with {@code IF NOT EXISTS}. Such a create has no undo: dropping would lose a snapshot made earlier. */
    public SnapshotSpec ifNotExists() {
        return new SnapshotSpec(name, level, account, database, table, true);
    }
}
