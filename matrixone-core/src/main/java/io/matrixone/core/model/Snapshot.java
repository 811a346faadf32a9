package io.matrixone.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot as MatrixOne records it in {@code mo_catalog.mo_snapshots} (mo_sql.md §1.4).
 *
 * @param name     the snapshot name, as stored (MatrixOne lower-cases names)
 * @param level    what it covers
 * @param tsNanos  the commit timestamp in nanoseconds since the epoch, UTC ({@code ts}); feeds
 *                 {@code {MO_TS = n}} exactly, see {@link TimePoint#of(Snapshot)}
 * @param account  the account it belongs to or covers; {@code null} for a cluster snapshot
 * @param database the database; {@code null} above database level
 * @param table    the table; {@code null} above table level
 * @param kind     {@code user} or {@code branch} (made by DATA BRANCH); {@code null} on servers without the
 *                 column (3.0.x)
 */
public record Snapshot(String name, SnapshotLevel level, long tsNanos, String account, String database,
                       String table, String kind) {

    public Snapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        account = Models.blankToNull(account);
        database = Models.blankToNull(database);
        table = Models.blankToNull(table);
        kind = Models.blankToNull(kind);
        if (level == SnapshotLevel.CLUSTER || level == SnapshotLevel.ACCOUNT) {
            Models.require(database == null, level + " snapshot " + name + " cannot name a database");
        }
        if (level != SnapshotLevel.TABLE) {
            Models.require(table == null, level + " snapshot " + name + " cannot name a table");
        }
        if (level == SnapshotLevel.CLUSTER) {
            Models.require(account == null, "cluster snapshot " + name + " cannot name an account");
        }
        if (level == SnapshotLevel.DATABASE || level == SnapshotLevel.TABLE) {
            Models.require(database != null, level + " snapshot " + name + " needs a database");
        }
        if (level == SnapshotLevel.TABLE) {
            Models.require(table != null, "table snapshot " + name + " needs a table");
        }
    }

    /** The timestamp as an instant, with nanosecond precision. */
    public Instant timestamp() {
        return Instant.ofEpochSecond(Math.floorDiv(tsNanos, 1_000_000_000L), Math.floorMod(tsNanos, 1_000_000_000L));
    }

    /** Whether DATA BRANCH made it; such snapshots cannot be dropped directly (mo_sql.md §1.2). */
    public boolean isBranch() {
        return "branch".equalsIgnoreCase(kind);
    }
}
