package io.matrixone.client;

import io.matrixone.core.model.CloneSpec;

/**
 * {@code CREATE DATABASE | TABLE ... CLONE}, outside a transaction: copies a database or table, as it is now or
 * as of a snapshot ({@link CloneSpec#fromSnapshot(String)}).
 */
public interface CloneManager {

    /** Clones a database or a table, whichever the spec describes. */
    void clone(CloneSpec spec);

    /** Clones a database; the spec must describe a database clone. */
    void database(CloneSpec spec);

    /** Clones a table; the spec must describe a table clone. */
    void table(CloneSpec spec);
}
