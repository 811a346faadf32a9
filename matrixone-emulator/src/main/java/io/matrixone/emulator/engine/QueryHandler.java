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

    /** Called once when a session ends, however it ends. */
    default void onClose(Session session) {
    }
}
