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
import java.util.Optional;
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

    /** Set when this stands for a real MatrixOne (the test suite's third tier): nothing is emulated. */
    private final RealServer real;

    private MariaDbServer backend;
    private RelayServer relay;
    private boolean closed;

    private Emulator(Builder b) {
        this.requestedPort = b.port;
        this.version = b.version;
        this.givenBackend = b.backend;
        this.handlerFactory = b.handlerFactory;
        this.real = null;
    }

    private Emulator(RealServer real) {
        this.requestedPort = real.port();
        this.version = real.version();
        this.givenBackend = null;
        this.handlerFactory = null;
        this.real = real;
    }

    /**
     * Where a test reaches a real MatrixOne instead of the emulator: the suite's third tier. Host, port, login and
     * database come from {@code real}; {@link #statements()}, {@link #faults()} and {@link #backend()} do not exist
     * there, so a test that asks for them is skipped, with the reason, at that point ({@link RealServer}).
     */
    public static Emulator real(RealServer real) {
        return new Emulator(Objects.requireNonNull(real, "real"));
    }

    /** Whether this stands for a real MatrixOne (see {@link #real(RealServer)}). */
    public boolean isReal() {
        return real != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Launches the backend if needed, installs the statement engine's catalog and starts listening. Idempotent. */
    public synchronized Emulator start() {
        if (real != null) {
            return this;
        }
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
        return real != null ? real.host() : HOST;
    }

    public synchronized int port() {
        return real != null ? real.port() : started().port();
    }

    public String user() {
        return real != null ? real.user() : MariaDbServer.DEFAULT_USER;
    }

    public String password() {
        return real != null ? real.password() : MariaDbServer.DEFAULT_PASSWORD;
    }

    public String database() {
        return real != null ? real.database() : MariaDbServer.DEFAULT_DATABASE;
    }

    /** The MatrixOne version this emulator announces, e.g. {@code 4.2.0}. */
    public String version() {
        return version;
    }

    /** {@code jdbc:mysql://127.0.0.1:<port>/test}. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + database();
    }

    /** The MariaDB behind the emulator, for direct checks that bypass the emulation. */
    public synchronized MariaDbServer backend() {
        needsEmulator("direct access to its MariaDB");
        started();
        return backend;
    }

    /** What the server received; the emulator's own record. */
    public StatementLog statements() {
        needsEmulator("its statement log");
        return statements;
    }

    /** Fault injection. */
    public Faults faults() {
        needsEmulator("fault injection");
        return faults;
    }

    /**
     * The statement log, or empty against a real MatrixOne: for a test that checks the outcome everywhere and what
     * reached the server where it can.
     */
    public Optional<StatementLog> statementsIfRecorded() {
        return real != null ? Optional.empty() : Optional.of(statements);
    }

    /** Fault injection, or empty against a real MatrixOne (for clean-up code that resets faults if there are any). */
    public Optional<Faults> faultsIfInjectable() {
        return real != null ? Optional.empty() : Optional.of(faults);
    }

    /** Skips the calling test against a real MatrixOne: it needs what only the emulator has. */
    private void needsEmulator(String what) {
        if (real != null) {
            real.skip("needs the emulator's " + what.replace("its ", "") + ", which a real MatrixOne does not have");
        }
    }

    /** Stops listening, closes every session and, if the emulator launched it, stops its MariaDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (real != null || closed) {
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
        if (real != null) {
            return "RealMatrixOne[" + real + "]";
        }
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
