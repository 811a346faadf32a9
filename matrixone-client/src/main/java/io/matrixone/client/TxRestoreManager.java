package io.matrixone.client;

import io.matrixone.core.model.RestoreSpec;

/** Restores inside a transaction: MatrixOne refuses RESTORE in an open transaction, so it runs after COMMIT. */
public interface TxRestoreManager {

    AfterCommit<Void> restore(RestoreSpec spec);
}
