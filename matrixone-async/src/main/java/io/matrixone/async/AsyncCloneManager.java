package io.matrixone.async;

import io.matrixone.core.model.CloneSpec;

import java.util.concurrent.CompletionStage;

/**
 * {@code CREATE DATABASE | TABLE ... CLONE}, without blocking: live or as of a snapshot. Inside a BEGIN-started
 * transaction MatrixOne runs CLONE transactionally, so it runs at once there, unless it reads a snapshot the
 * same transaction queued: then it runs after that snapshot was taken, after COMMIT.
 */
public interface AsyncCloneManager {

    /** Clones a database or a table, whichever the spec describes. */
    CompletionStage<Void> clone(CloneSpec spec);

    /** Clones a database; the spec must describe a database clone. */
    CompletionStage<Void> database(CloneSpec spec);

    /** Clones a table; the spec must describe a table clone. */
    CompletionStage<Void> table(CloneSpec spec);
}
