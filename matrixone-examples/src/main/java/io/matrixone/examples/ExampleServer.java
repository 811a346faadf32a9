package io.matrixone.examples;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.emulator.Emulator;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server the examples run against: a real MatrixOne named by {@code MATRIXONE_URL} or {@code MATRIXONE_HOST}
 * (and the other {@code MATRIXONE_*} variables), else an embedded emulator started here on a free port. It hands
 * out one {@link ExampleContext} per example; every name it makes carries a random run id, so runs never collide
 * with each other or with anything else on a real server.
 */
public final class ExampleServer implements AutoCloseable {
    /** The MatrixOne version the embedded emulator announces and whose grammar it speaks. */
    public static final String EMULATED_VERSION = "4.2.0";

    private final ClientOptions options;
    private final Emulator emulator;
    private final boolean ownsEmulator;
    private final MatrixOneClient admin;
    private final String runId;

    private ExampleServer(ClientOptions options, Emulator emulator, boolean ownsEmulator) {
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        this.runId = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try {
            this.options = options.toBuilder().database(null).build();
            this.admin = MatrixOneClient.create(this.options);
        } catch (RuntimeException e) {
            if (ownsEmulator) {
                emulator.close();
            }
            throw e;
        }
    }

    /**
     * The server named by the environment if {@code MATRIXONE_URL} or {@code MATRIXONE_HOST} is set
     * ({@link ClientOptions#fromEnv()}; {@code MATRIXONE_DATABASE} is ignored, each example gets its own), else a
     * new embedded emulator that {@link #close()} stops.
     */
    public static ExampleServer start(Map<String, String> env) {
        if (isSet(env.get(ClientOptions.ENV_URL)) || isSet(env.get(ClientOptions.ENV_HOST))) {
            return new ExampleServer(ClientOptions.builder().environment(env).build(), null, false);
        }
        Emulator emulator = Emulator.builder().port(0).version(EMULATED_VERSION).build().start();
        return new ExampleServer(optionsFor(emulator), emulator, true);
    }

    /** A running emulator that someone else owns (a test's); {@link #close()} leaves it running. */
    public static ExampleServer on(Emulator emulator) {
        return new ExampleServer(optionsFor(emulator), Objects.requireNonNull(emulator, "emulator"), false);
    }

    private static ClientOptions optionsFor(Emulator emulator) {
        return ClientOptions.builder().host(emulator.host()).port(emulator.port()).user(emulator.user())
                .password(emulator.password()).build();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Creates the example's database and returns its context; close the context when the example ends. */
    public ExampleContext context(Example example, PrintStream out) {
        return new ExampleContext(example, this, out);
    }

    /** One line for people: what the examples run against. */
    public String describe() {
        return emulator != null
                ? "embedded MatrixOne emulator " + EMULATED_VERSION + " at " + options.connection().host() + ":" + options.connection().port()
                  + " (MariaDB behind it; see matrixone-emulator/DIFFERENCES.md)"
                : "MatrixOne " + admin.serverVersion() + " at " + options.connection().host() + ":" + options.connection().port();
    }

    /** Connection settings without a database. */
    public ClientOptions options() {
        return options;
    }

    /** The emulator, when the examples run on one (fault injection is only possible there). */
    public Optional<Emulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** A client for setting up and checking what the examples leave: no default database. */
    MatrixOneClient admin() {
        return admin;
    }

    /** A lower-case name unique to this run: {@code ex_<run>_<parts>}, at most 64 characters. */
    String uniqueName(String... parts) {
        StringBuilder name = new StringBuilder("ex_").append(runId);
        for (String part : parts) {
            name.append('_').append(part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
        }
        if (name.length() > 64) {
            throw new IllegalArgumentException("name too long for MatrixOne (64 characters at most): " + name);
        }
        return name.toString();
    }

    /** Closes the admin client, then stops the emulator if this server started it. */
    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            if (ownsEmulator) {
                emulator.close();
            }
        }
    }
}
