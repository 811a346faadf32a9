package io.matrixone.emulator.engine;

/**
 * Decides, statement by statement, what the emulator does with client SQL. The relay calls it for every
 * COM_QUERY and COM_STMT_PREPARE, in order, one at a time per session.
 */
public interface QueryHandler {

    /** A COM_QUERY: forward it (perhaps rewritten) or answer it. */
    Reply onQuery(String sql, Session session);

    /**
     * A COM_STMT_PREPARE: forward it (perhaps rewritten) or refuse it. Only {@link Reply.Forward} and
     * {@link Reply.Error} are valid answers: prepared MatrixOne-only statements are refused.
     */
    Reply onPrepare(String sql, Session session);

    /**
     * An error the backend answered to a forwarded statement, to be sent to the client: the handler may word it
     * as the emulated server does. Called before the next statement of the session.
     */
    default Reply.Error onError(Reply.Error error, Session session) {
        return error;
    }

    /**
     * The backend database for a database the client names outside SQL (COM_INIT_DB, the handshake), or an
     * error to answer instead.
     */
    default String onInitDb(String database, Session session) {
        return database;
    }

    /** Called once when a session ends, however it ends. */
    default void onClose(Session session) {
    }
}
