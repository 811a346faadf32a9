package io.matrixone.client;

import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;

import java.util.List;
import java.util.Optional;

/**
 * MatrixOne snapshots, outside a transaction: each call runs at once on a pooled connection. Inside a
 * transaction use {@link Transaction#snapshots()}, where creating and dropping run after COMMIT.
 *
 * <p>Snapshot names are case-insensitive on MatrixOne (stored lower-cased), at most 64 characters, without
 * whitespace or quotes; bad names are refused before any SQL is sent.
 */
public interface SnapshotManager {

    /** Creates a snapshot ({@code CREATE SNAPSHOT ... FOR CLUSTER | ACCOUNT | DATABASE | TABLE}) and returns its catalog row. */
    Snapshot create(SnapshotSpec spec);

    /** Drops a snapshot; fails with {@code SnapshotNotFoundException} when there is none of that name. */
    void drop(String name);

    /** Drops a snapshot if it exists. */
    void dropIfExists(String name);

    /** The snapshot of that name, read from {@code mo_catalog.mo_snapshots}. */
    Optional<Snapshot> get(String name);

    boolean exists(String name);

    /** The account's snapshots, newest first. */
    List<Snapshot> list();
}
