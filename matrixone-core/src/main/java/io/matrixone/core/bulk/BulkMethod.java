package io.matrixone.core.bulk;

import io.matrixone.core.version.ServerVersion;

/** How a {@link BulkInsert} reaches the server. */
public enum BulkMethod {
    /**
     * The fastest path that checks keys. On MatrixOne, whose {@code LOAD DATA} does not check primary and unique
     * keys: {@link #INSERT} for up to {@value #AUTO_INSERT_MAX_ROWS} rows, {@link #STAGED} for more (measured on 4.2.0
     * with two keys: staging was 0.78x a multi-row INSERT at 1,000 rows, 1.4x at 2,000 and 4.4x at 10,000). On
     * other MySQL-protocol servers {@link #LOAD_DATA}. On either, {@link #INSERT} when the server refuses local
     * loading or the stage before any row was read (on MatrixOne 4.2.0 a user allowed to INSERT may lack the
     * privilege to create or load a temporary table). Always {@link #INSERT} on the async client.
     */
    AUTO,
    /**
     * {@code LOAD DATA LOCAL INFILE} fed from the SDK's own in-memory stream: the server's fastest path. The driver
     * can send nothing but that stream (see the client's documentation on local-infile safety).
     *
     * <p><b>Keys are not checked on MatrixOne.</b> MatrixOne (up to at least 4.2.0) stores rows loaded this way even
     * when they repeat a primary or unique key, inside or outside a transaction; choose it for tables without keys
     * or data known to be free of duplicates. {@link #STAGED} and {@link #INSERT} refuse duplicates with
     * {@code DuplicateKeyException}.
     */
    LOAD_DATA,
    /**
     * {@code LOAD DATA LOCAL INFILE} into a temporary table of the session (the target's columns, no keys), then one
     * {@code INSERT INTO target ... SELECT} from it, then the temporary table is dropped. The INSERT checks keys
     * and constraints as any INSERT does, all rows at once: a duplicate (against the table or within the rows)
     * fails the whole insert. On MatrixOne 4.2.0 it measured 5.6x faster than multi-row INSERTs for a million
     * rows with a primary and a unique key. Progress reports count rows staged; they reach the table with the
     * last statement. Sync client only.
     */
    STAGED,
    /** Multi-row {@code INSERT ... VALUES (...), (...)} statements, one per batch. */
    INSERT;

    /** On MatrixOne, {@link #AUTO} stages a bulk insert of more rows than this; fewer go as one INSERT. */
    public static final int AUTO_INSERT_MAX_ROWS = 1_000;

    /**
     * What {@link #AUTO} means on this server when the client can stream {@code LOAD DATA}: {@link #STAGED} on
     * MatrixOne (its {@code LOAD DATA} does not enforce keys), {@link #AUTO} elsewhere ({@code LOAD DATA}, whose
     * skipped rows the client turns into a failure). Explicit choices are returned as they are.
     */
    public BulkMethod resolve(ServerVersion server) {
        if (this != AUTO) {
            return this;
        }
        return server.isMatrixOne() ? STAGED : AUTO;
    }

    /** Whether rows travel as a {@code LOAD DATA LOCAL INFILE} stream (the sync client only). */
    public boolean streams() {
        return this == LOAD_DATA || this == STAGED;
    }
}
