package io.matrixone.emulator.relay;

import io.matrixone.emulator.engine.QueryHandler;
import io.matrixone.emulator.engine.Reply;
import io.matrixone.emulator.engine.Session;

/** Forwards every statement unchanged: a plain relay in front of MariaDB. */
public final class PassThroughHandler implements QueryHandler {
    @Override
    public Reply onQuery(String sql, Session session) {
        return new Reply.Forward(sql);
    }

    @Override
    public Reply onPrepare(String sql, Session session) {
        return new Reply.Forward(sql);
    }
}
