package io.matrixone.client;

import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.tx.AfterCommit;

import java.util.List;
import java.util.Optional;

/**
 * MatrixOne snapshots inside a transaction. MatrixOne refuses CREATE and DROP SNAPSHOT in an open transaction
 * (error 20101), so they become after-commit steps: a snapshot requested here is taken right after COMMIT and
 * therefore contains everything the transaction wrote; on rollback it is never taken. Look-ups read
 * {@code mo_catalog.mo_snapshots}, which is allowed inside a transaction, and run at once.
 */
public interface TxSnapshotManager {

    /** Queues the creation; the handle yields the snapshot after COMMIT. If a later step fails, it is dropped again. */
    AfterCommit<Snapshot> create(SnapshotSpec spec);

    /** Queues {@code DROP SNAPSHOT}. */
    AfterCommit<Void> drop(String name);

    /** Queues {@code DROP SNAPSHOT IF EXISTS}. */
    AfterCommit<Void> dropIfExists(String name);

    /** Reads the catalog now (snapshots queued in this transaction do not exist yet). */
    Optional<Snapshot> get(String name);

    boolean exists(String name);

    List<Snapshot> list();
}
