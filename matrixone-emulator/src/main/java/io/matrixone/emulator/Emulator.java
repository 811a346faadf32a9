package io.matrixone.emulator;

import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.engine.MoStatementEngine;
import io.matrixone.emulator.engine.QueryHandler;
import io.matrixone.emulator.relay.MariaDbCompat;
import io.matrixone.emulator.relay.RelayConfig;
import io.matrixone.emulator.relay.RelayServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;


/**
 * A local MatrixOne-compatible server: a MySQL-protocol relay on 127.0.0.1 in front of a real MariaDB,
 * announcing {@code 8.0.30-MatrixOne-v<version>}. Ordinary statements run on MariaDB; MatrixOne-only ones
 * are answered by the statement engine. Connect with user {@code root}, password {@code 111}, database
 * {@code test}.
 *
 * <pre>{@code
 * try (Emulator mo = Emulator.builder().version("4.2.0").build().start()) {
 *     Connection c = DriverManager.getConnection(mo.jdbcUrl(), mo.user(), mo.password());
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#backend(MariaDbServer)} the emulator launches a MariaDB of its own and stops it on
 * {@link #close()}; a given backend is shared and left running. Thread-safe.
 */
public final class Emulator implements AutoCloseable {
    public static final String DEFAULT_VERSION = "4.2.0";
    public static final String HOST = "127.0.0.1";

    private final int requestedPort;
    private final String version;
    private final MariaDbServer givenBackend;
    private final Function<String, QueryHandler> handlerFactory;
    private final StatementLog statements = new StatementLog();
    private final Faults faults = new Faults();

    private MariaDbServer backend;
    private RelayServer relay;
    private boolean closed;

    private Emulator(Builder b) {
        this.requestedPort = b.port;
        this.version = b.version;
        this.givenBackend = b.backend;
        this.handlerFactory = b.handlerFactory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Launches the backend if needed, installs the statement engine's catalog and starts listening. Idempotent. */
    public synchronized Emulator start() {
        if (closed) {
            throw new IllegalStateException("the emulator is closed");
        }
        if (relay != null) {
            return this;
        }
        MariaDbServer server = givenBackend != null ? givenBackend : MariaDbServer.start();
        try {
            QueryHandler handler;
            MariaDbCompat compat;
            try (BackendConnection admin = server.connect(null)) {
                compat = MariaDbCompat.detect(admin);
                handler = handlerFactory != null ? handlerFactory.apply(version) : statementEngine(server, admin);
            }
            relay = new RelayServer(new RelayConfig(server.host(), server.port(), version, handler, compat, statements,
                    faults)).start(requestedPort);
            backend = server;
            return this;
        } catch (IOException | RuntimeException e) {
            if (givenBackend == null) {
                server.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not start the MatrixOne emulator", io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The single wiring point of the MatrixOne statement engine: creates it for the target version and lets it
     * install its catalog (mo_catalog.* in MariaDB) once, on an admin connection.
     */
    private QueryHandler statementEngine(MariaDbServer server, BackendConnection admin) {
        // DDL inside a transaction runs on connections of the emulator's own (TxDdl)
        MoStatementEngine engine = new MoStatementEngine(version, () -> {
            try {
                return server.connect(null);
            } catch (IOException e) {
                throw new UncheckedIOException("could not open a connection to MariaDB", e);
            }
        });
        engine.install(admin);
        return engine;
    }

    public String host() {
        return HOST;
    }

    public synchronized int port() {
        return started().port();
    }

    public String user() {
        return MariaDbServer.DEFAULT_USER;
    }

    public String password() {
        return MariaDbServer.DEFAULT_PASSWORD;
    }

    public String database() {
        return MariaDbServer.DEFAULT_DATABASE;
    }

    /** The MatrixOne version this emulator announces, e.g. {@code 4.2.0}. */
    public String version() {
        return version;
    }

    /** {@code jdbc:mysql://127.0.0.1:<port>/test}. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + HOST + ":" + port() + "/" + database();
    }

    /** The MariaDB behind the emulator, for direct checks that bypass the emulation. */
    public synchronized MariaDbServer backend() {
        started();
        return backend;
    }

    public StatementLog statements() {
        return statements;
    }

    public Faults faults() {
        return faults;
    }

    /** Stops listening, closes every session and, if the emulator launched it, stops its MariaDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (relay != null) {
            relay.close();
        }
        if (backend != null && givenBackend == null) {
            backend.close();
        }
    }

    private RelayServer started() {
        if (relay == null) {
            throw new IllegalStateException("the emulator is not started");
        }
        return relay;
    }

    @Override
    public String toString() {
        return "Emulator[v" + version + (relay == null ? ", not started" : ", 127.0.0.1:" + relay.port()) + "]";
    }

    /** Configures an {@link Emulator}. */
    public static final class Builder {
        private int port;
        private String version = DEFAULT_VERSION;
        private MariaDbServer backend;
        private Function<String, QueryHandler> handlerFactory;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("invalid port " + port);
            }
            this.port = port;
            return this;
        }

        /** The MatrixOne version to emulate; default {@value Emulator#DEFAULT_VERSION}. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Uses this MariaDB (shared, not closed by the emulator) instead of launching one. */
        public Builder backend(MariaDbServer backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Replaces the MatrixOne statement engine, e.g. with a pass-through handler to test the relay alone.
         * The factory gets the target version.
         */
        public Builder handler(Function<String, QueryHandler> factory) {
            this.handlerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public Emulator build() {
            return new Emulator(this);
        }
    }
}
