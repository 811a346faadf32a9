package io.matrixone.core.dialect;

import io.matrixone.core.error.SnapshotNotFoundException;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.result.RowMapper;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Snapshots (mo_sql.md §1). CREATE and DROP SNAPSHOT are refused inside a transaction (20101), so they are
 * {@link TxRule#AFTER_COMMIT}: a snapshot requested in a transaction is taken right after COMMIT and contains
 * everything the transaction wrote. Look-ups read {@code mo_catalog.mo_snapshots} with a plain SELECT, which
 * MatrixOne allows inside a transaction (SHOW SNAPSHOTS is refused there).
 */
@Managed(accessor = "snapshots", name = "Snapshot", doc = "MatrixOne snapshots: create, drop and look up.")
public final class SnapshotSql {
    private static final String COLUMNS = "sname, ts, level, account_name, database_name, table_name";

    private final ServerVersion version;
    private final boolean hasKind;
    private final String getSql;
    private final String listSql;

    SnapshotSql(ServerVersion version) {
        this.version = version;
        this.hasKind = version.supports(Feature.SNAPSHOT_KIND);
        String columns = hasKind ? COLUMNS + ", kind" : COLUMNS;
        this.getSql = "SELECT " + columns + " FROM mo_catalog.mo_snapshots WHERE sname = ?";
        // the same rows SHOW SNAPSHOTS shows (build_show.go buildShowSnapShots): newest first, internal ones hidden
        this.listSql = "SELECT " + columns + " FROM mo_catalog.mo_snapshots"
                + (hasKind ? " WHERE kind != 'branch' AND sname NOT LIKE 'ccpr_%'" : "") + " ORDER BY ts DESC";
    }

    /**
     * {@code CREATE SNAPSHOT [IF NOT EXISTS] `s` FOR ...}, after commit, undone by {@code DROP SNAPSHOT IF EXISTS}
     * unless IF NOT EXISTS was asked (the snapshot may then predate this call and must not be dropped).
     */
    Statement createStatement(SnapshotSpec spec) {
        Gates.require(version, Feature.SNAPSHOTS, "CREATE SNAPSHOT");
        StringBuilder sql = new StringBuilder("CREATE SNAPSHOT ");
        if (spec.keepExisting()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(Identifiers.quote(spec.name(), NameKind.SNAPSHOT)).append(" FOR ");
        switch (spec.level()) {
            case CLUSTER -> sql.append("CLUSTER");
            case ACCOUNT -> {
                sql.append("ACCOUNT");
                if (spec.account() != null) {
                    sql.append(' ').append(Identifiers.quote(spec.account(), NameKind.ACCOUNT));
                }
            }
            case DATABASE -> sql.append("DATABASE ").append(Identifiers.quote(spec.database(), NameKind.DATABASE));
            // two identifiers separated by a space, not db.tbl (grammar: TABLE ident ident)
            case TABLE -> sql.append("TABLE ").append(Identifiers.quote(spec.database(), NameKind.DATABASE))
                    .append(' ').append(Identifiers.quote(spec.table(), NameKind.TABLE));
        }
        Statement create = Statement.afterCommit(sql.toString()).creatingSnapshot(spec.name());
        return spec.keepExisting() ? create : create.withUndo(dropStatement(spec.name(), true));
    }

    /**
     * Creates the snapshot and reads back its catalog row, so the caller gets the server's timestamp. Inside a
     * transaction the whole operation runs after COMMIT.
     */
    @Managed.Op
    public Operation<Snapshot> create(SnapshotSpec spec) {
        Statement create = createStatement(spec);
        String name = spec.name();
        return Operation.run(create).then(ignored -> get(name).map(found -> found.orElseThrow(
                () -> new SnapshotNotFoundException("snapshot " + name
                        + " was created but is not in mo_catalog.mo_snapshots of this account", 0, null, null, null))));
    }

    /** {@code DROP SNAPSHOT `s`}, after commit; fails when it does not exist. */
    @Managed.Op
    public Operation<Void> drop(String name) {
        return Operation.run(dropStatement(name, false));
    }

    /** {@code DROP SNAPSHOT IF EXISTS `s`}, after commit. */
    @Managed.Op
    public Operation<Void> dropIfExists(String name) {
        return Operation.run(dropStatement(name, true));
    }

    /** The DROP statement alone, e.g. for a caller's own compensation. */
    Statement dropStatement(String name, boolean ifExists) {
        Gates.require(version, Feature.SNAPSHOTS, "DROP SNAPSHOT");
        return Statement.afterCommit("DROP SNAPSHOT " + (ifExists ? "IF EXISTS " : "")
                + Identifiers.quote(name, NameKind.SNAPSHOT));
    }

    /**
     * The snapshot's catalog row, looked up by its lower-cased name (MatrixOne folds names to lower case).
     * Runs at once, also inside a transaction; there it does not see snapshots queued for after the commit.
     */
    @Managed.Op(now = true)
    public Operation<Optional<Snapshot>> get(String name) {
        return Operation.of(Statement.of(getSql, catalogName(name)), ResultMapper.optional(rowMapper()));
    }

    /** Whether a snapshot of that name exists in this account. */
    @Managed.Op(now = true)
    public Operation<Boolean> exists(String name) {
        return get(name).map(Optional::isPresent);
    }

    /**
     * This account's snapshots, newest first. From 4.0 the rows SHOW SNAPSHOTS hides (DATA BRANCH's
     * {@code kind = 'branch'} and {@code ccpr_*}) are left out too.
     */
    @Managed.Op(now = true)
    public Operation<List<Snapshot>> list() {
        return Operation.of(Statement.of(listSql), ResultMapper.list(rowMapper()));
    }

    /** Maps a {@code mo_snapshots} row (columns by name, case-insensitive; {@code kind} optional). */
    public RowMapper<Snapshot> rowMapper() {
        return row -> {
            Long ts = row.getLong("ts");
            if (ts == null) {
                throw new IllegalStateException("snapshot " + row.getString("sname") + " has no timestamp");
            }
            return new Snapshot(row.getString("sname"), SnapshotLevel.fromCatalog(row.getString("level")), ts,
                    row.getString("account_name"), row.getString("database_name"), row.getString("table_name"),
                    row.hasColumn("kind") ? row.getString("kind") : null);
        };
    }

    /** Checks the name and folds it as the server stores it. */
    static String catalogName(String name) {
        return Identifiers.check(name, NameKind.SNAPSHOT).toLowerCase(Locale.ROOT);
    }
}
