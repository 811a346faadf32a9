package io.matrixone.emulator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives {@link MoStatementEngine#onQuery} the way the relay does: forwarded SQL runs on the session's own
 * backend connection, answers come back as {@link Outcome}s.
 */
final class EngineHarness implements AutoCloseable {

    final TestMariaDb server;
    final MoStatementEngine engine;
    private final AtomicLong ids = new AtomicLong();
    private final List<Client> clients = new ArrayList<>();

    EngineHarness(TestMariaDb server, String version) throws SQLException {
        this.server = server;
        // DDL inside transactions runs on connections of the engine's own, as in the emulator
        this.engine = new MoStatementEngine(version, () -> {
            try {
                return new JdbcBackend(server.connect("root", ""));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (JdbcBackend admin = new JdbcBackend(server.connect("root", ""))) {
            engine.install(admin);
            engine.install(admin); // idempotent
        }
    }

    /** A sys/root session with no explicit role. */
    Client root() throws SQLException {
        return client("sys", "root", null, "root", "");
    }

    Client client(String account, String user, String role, String mariaUser, String password) throws SQLException {
        JdbcBackend backend = new JdbcBackend(server.connect(mariaUser, password));
        Client c = new Client(new Session(ids.incrementAndGet(), account, user, role, backend), backend);
        clients.add(c);
        return c;
    }

    /** What a client sees for one statement. */
    record Outcome(List<String> columns, List<List<String>> rows, Integer code, String sqlState, String message, String forwarded) {
        boolean isError() {
            return code != null;
        }

        String scalar() {
            return rows.get(0).get(0);
        }

        @Override
        public String toString() {
            return isError() ? "ERROR " + code + " (" + sqlState + "): " + message : columns + " " + rows;
        }
    }

    final class Client implements AutoCloseable {
        final Session session;
        final JdbcBackend backend;

        Client(Session session, JdbcBackend backend) {
            this.session = session;
            this.backend = backend;
        }

        Outcome run(String sql) {
            Reply reply = engine.onQuery(sql, session);
            if (reply instanceof Reply.Forward f) {
                try {
                    BackendResult r = backend.execute(f.sql());
                    return new Outcome(r.columns(), r.rows(), null, null, null, f.sql());
                } catch (BackendException e) {
                    return new Outcome(List.of(), List.of(), e.errorCode(), e.sqlState(), e.getMessage(), f.sql());
                }
            }
            if (reply instanceof Reply.ResultSet rs) {
                return new Outcome(rs.columns().stream().map(Column::name).toList(), rs.rows(), null, null, null, null);
            }
            if (reply instanceof Reply.Error e) {
                return new Outcome(List.of(), List.of(), e.code(), e.sqlState(), e.message(), null);
            }
            return new Outcome(List.of(), List.of(), null, null, null, null);
        }

        /** Runs and fails on an error. */
        Outcome ok(String sql) {
            Outcome o = run(sql);
            if (o.isError()) {
                throw new AssertionError(sql + " -> " + o);
            }
            return o;
        }

        String scalar(String sql) {
            return ok(sql).scalar();
        }

        @Override
        public void close() throws SQLException {
            engine.onClose(session);
            backend.close();
        }
    }

    @Override
    public void close() throws SQLException {
        for (Client c : clients) {
            c.close();
        }
    }
}
