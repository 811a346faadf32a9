package io.matrixone.emulator.engine;

/**
 * The session's own connection to the backing MariaDB, as seen by the statement engine.
 *
 * <p>Everything the engine runs goes over the same backend connection as the client's ordinary traffic, so
 * it sees the session's current database, its open transaction and its privileges. The relay implements
 * this on its raw protocol connection; tests may implement it on JDBC.
 *
 * <p>Calls are made only between two client commands, never while a response is being relayed.
 */
public interface Backend {

    /**
     * Runs one SQL statement on the backend connection (text protocol).
     *
     * @return the rows (for statements that return a result set) or the affected-row count
     * @throws BackendException with MariaDB's error number, SQLSTATE and message when the statement fails
     */
    BackendResult execute(String sql);

    /** Whether a transaction is open on this connection, from the last server status flags (SERVER_STATUS_IN_TRANS). */
    boolean inTransaction();
}
