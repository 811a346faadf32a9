package io.matrixone.client;

import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.tx.AfterCommit;

/**
 * Clones inside a transaction. MatrixOne runs CLONE inside a BEGIN-started transaction: it sees the
 * transaction's own uncommitted rows and ROLLBACK undoes it, so it runs at once and the handle is already
 * complete. A clone from a snapshot that this same transaction queued (see {@link TxSnapshotManager#create})
 * cannot run before that snapshot exists: it is queued right after it, and dropped again if a later step fails.
 */
public interface TxCloneManager {

    AfterCommit<Void> clone(CloneSpec spec);

    AfterCommit<Void> database(CloneSpec spec);

    AfterCommit<Void> table(CloneSpec spec);
}
