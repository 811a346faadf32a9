package io.matrixone.async;

import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * MatrixOne snapshots, without blocking. On the client each call runs at once on a pooled connection; on an
 * {@link AsyncTransaction} creating and dropping are after-commit steps (MatrixOne refuses them inside a
 * transaction, error 20101), so the stage completes after COMMIT and the snapshot holds everything the
 * transaction wrote. Look-ups read {@code mo_catalog.mo_snapshots}, allowed inside a transaction.
 *
 * <p>Snapshot names are case-insensitive on MatrixOne (stored lower-cased), at most 64 characters, without
 * whitespace or quotes; bad names fail the stage before any SQL is sent. The sync twin is
 * {@code io.matrixone.client.SnapshotManager}; a test keeps the two in step.
 */
public interface AsyncSnapshotManager {

    /** Creates a snapshot ({@code CREATE SNAPSHOT ... FOR CLUSTER | ACCOUNT | DATABASE | TABLE}) and returns its catalog row. */
    CompletionStage<Snapshot> create(SnapshotSpec spec);

    /** Drops a snapshot; fails with {@code SnapshotNotFoundException} when there is none of that name. */
    CompletionStage<Void> drop(String name);

    /** Drops a snapshot if it exists. */
    CompletionStage<Void> dropIfExists(String name);

    /** The snapshot of that name, read from {@code mo_catalog.mo_snapshots}. */
    CompletionStage<Optional<Snapshot>> get(String name);

    CompletionStage<Boolean> exists(String name);

    /** The account's snapshots, newest first. */
    CompletionStage<List<Snapshot>> list();
}
