package io.matrixone.client;

import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.tx.AfterCommit;

/** Restores inside a transaction: MatrixOne refuses RESTORE in an open transaction, so it runs after COMMIT. */
public interface TxRestoreManager {

    AfterCommit<Void> restore(RestoreSpec spec);
}
