package io.matrixone.core.bulk;

/** How a bulk insert sends its rows. */
public enum BulkMethod {
    /**
     * {@link #LOAD_DATA} where the client supports it (the sync client), falling back to {@link #INSERT} when the
     * server refuses local loading before any row was written; {@link #INSERT} on the async client.
     */
    AUTO,
    /**
     * {@code LOAD DATA LOCAL INFILE} fed from the SDK's own in-memory stream: the server's fastest path. The driver
     * can send nothing but that stream (see the client's documentation on local-infile safety).
     */
    LOAD_DATA,
    /** Multi-row {@code INSERT ... VALUES (...), (...)} statements, one per batch. */
    INSERT
}
