package io.matrixone.async;

import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.Optional;

/** Point-in-time recovery ranges and restores from them (MatrixOne 2.0 and later). */
public interface AsyncPitrManager {

    CompletionStage<Void> create(PitrSpec spec);

    CompletionStage<Void> alter(String name, PitrRange range);

    CompletionStage<Void> alterIfExists(String name, PitrRange range);

    CompletionStage<Void> drop(String name);

    CompletionStage<Void> dropIfExists(String name);

    /** {@code SHOW PITR}, newest first. */
    CompletionStage<List<Pitr>> list();

    CompletionStage<Optional<Pitr>> get(String name);

    /** Restores to a point in time; the timestamp is read in the server's time zone, to the second. */
    CompletionStage<Void> restore(PitrRestoreSpec spec);
}
