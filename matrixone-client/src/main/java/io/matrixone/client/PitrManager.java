package io.matrixone.client;

import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;

import java.util.List;
import java.util.Optional;

/** Point-in-time recovery ranges and restores from them (MatrixOne 2.0 and later). */
public interface PitrManager {

    void create(PitrSpec spec);

    void alter(String name, PitrRange range);

    void alterIfExists(String name, PitrRange range);

    void drop(String name);

    void dropIfExists(String name);

    /** {@code SHOW PITR}, newest first. */
    List<Pitr> list();

    Optional<Pitr> get(String name);

    /** Restores to a point in time; the timestamp is read in the server's time zone, to the second. */
    void restore(PitrRestoreSpec spec);
}
