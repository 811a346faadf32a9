package io.matrixone.core.bulk;

import io.matrixone.core.version.ServerVersion;

/** How a {@link BulkInsert} reaches the server. */
public enum BulkMethod {
    /**
     * The safe fast path for the server: {@link #INSERT} on MatrixOne, whose {@code LOAD DATA} does not check primary
     * and unique keys (duplicates are stored, see {@link #LOAD_DATA}); on other MySQL-protocol servers
     * {@link #LOAD_DATA} where the client supports it (the sync client), falling back to {@link #INSERT} when the
     * server refuses local loading before any row was written. Always {@link #INSERT} on the async client.
     */
    AUTO,
    /**
     * {@code LOAD DATA LOCAL INFILE} fed from the SDK's own in-memory stream: the server's fastest path. The driver
     * can send nothing but that stream (see the client's documentation on local-infile safety).
     *
     * <p><b>Keys are not checked on MatrixOne.</b> MatrixOne (up to at least 4.2.0) stores rows loaded this way even
     * when they repeat a primary or unique key, inside or outside a transaction; choose it for tables without keys
     * or data known to be free of duplicates. {@link #INSERT} refuses duplicates with
     * {@code DuplicateKeyException}.
     */
    LOAD_DATA,
    /** Multi-row {@code INSERT ... VALUES (...), (...)} statements, one per batch. */
    INSERT;

    /**
     * What {@link #AUTO} means on this server when the client can stream {@code LOAD DATA}: {@link #INSERT} on
     * MatrixOne (its {@code LOAD DATA} does not enforce keys), {@link #LOAD_DATA} elsewhere. Explicit choices are
     * returned as they are.
     */
    public BulkMethod resolve(ServerVersion server) {
        if (this != AUTO) {
            return this;
        }
        return server.isMatrixOne() ? INSERT : AUTO;
    }
}
