package io.matrixone.client;

import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.tx.AfterCommit;

import java.util.List;
import java.util.Optional;

/**
 * PITR inside a transaction. MatrixOne refuses every PITR statement, SHOW PITR included, in an open
 * transaction: all of them run after COMMIT.
 */
public interface TxPitrManager {

    AfterCommit<Void> create(PitrSpec spec);

    AfterCommit<Void> alter(String name, PitrRange range);

    AfterCommit<Void> alterIfExists(String name, PitrRange range);

    AfterCommit<Void> drop(String name);

    AfterCommit<Void> dropIfExists(String name);

    AfterCommit<List<Pitr>> list();

    AfterCommit<Optional<Pitr>> get(String name);

    AfterCommit<Void> restore(PitrRestoreSpec spec);
}
