package io.matrixone.client;

import io.matrixone.core.model.RestoreSpec;

/**
 * Restores a cluster, account, database or table from a snapshot. The SQL follows the server's version:
 * {@code RESTORE ... {SNAPSHOT = 's'}} from 4.0, {@code RESTORE ... FROM SNAPSHOT s} up to 3.0.x.
 */
public interface RestoreManager {

    /**
     * Runs the restore. On 3.0.x servers a database or table restore needs an account; when the spec names none,
     * the client's login account is used.
     */
    void restore(RestoreSpec spec);
}
