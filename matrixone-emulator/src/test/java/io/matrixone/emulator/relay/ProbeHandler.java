package io.matrixone.emulator.relay;

import io.matrixone.emulator.engine.Column;
import io.matrixone.emulator.engine.QueryHandler;
import io.matrixone.emulator.engine.Reply;
import io.matrixone.emulator.engine.Session;

import java.util.Arrays;
import java.util.List;

/**
 * A test statement engine: answers {@code PROBE SESSION} with what the relay tells it about the session,
 * {@code PROBE BACKEND} by running SQL on the session's own backend connection, {@code PROBE ERROR} with an
 * error and {@code PROBE OK} with an OK; everything else is forwarded.
 */
final class ProbeHandler implements QueryHandler {
    @Override
    public Reply onQuery(String sql, Session session) {
        switch (sql.trim().toUpperCase()) {
            case "PROBE SESSION":
                return new Reply.ResultSet(
                        List.of(Column.bigint("id"), Column.varchar("account"), Column.varchar("user"),
                                Column.varchar("role"), Column.bigint("in_trans")),
                        List.of(Arrays.asList(String.valueOf(session.id()), session.account(), session.user(),
                                session.role(), session.backend().inTransaction() ? "1" : "0")));
            case "PROBE BACKEND":
                return new Reply.ResultSet(List.of(Column.bigint("connection_id"), Column.bigint("rows")),
                        List.of(List.of(session.backend().execute("SELECT CONNECTION_ID()").scalar(),
                                session.backend().execute("SELECT COUNT(*) FROM probe_t").scalar())));
            case "PROBE ERROR":
                return Reply.Error.internal("probe refused");
            case "PROBE OK":
                return new Reply.Ok(7, "probe info");
            default:
                return new Reply.Forward(sql);
        }
    }

    @Override
    public Reply onPrepare(String sql, Session session) {
        return sql.toUpperCase().startsWith("PROBE") ? Reply.Error.internal("cannot prepare a probe")
                : new Reply.Forward(sql);
    }
}
