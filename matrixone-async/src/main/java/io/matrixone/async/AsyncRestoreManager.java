package io.matrixone.async;

import io.matrixone.core.model.RestoreSpec;

import java.util.concurrent.CompletionStage;

/**
 * Restores from snapshots, without blocking, in the grammar of the server's version ({@code {SNAPSHOT = 's'}}
 * from 4.0, {@code FROM SNAPSHOT s} up to 3.0.x). Inside a transaction it runs after COMMIT.
 */
public interface AsyncRestoreManager {

    /**
     * Runs the restore. On 3.0.x servers a database or table restore needs an account; when the spec names none,
     * the client's login account is used.
     */
    CompletionStage<Void> restore(RestoreSpec spec);
}
