package io.matrixone.examples;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;
import io.matrixone.emulator.Emulator;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What an {@link Example} gets: its own empty database, clients connected to it, unique names for the
 * snapshots and databases it creates, a place to register their removal, and checks that print what they
 * verified. {@link #close()} (the runner's job) removes what is left and says whether anything was.
 *
 * <p>Async examples get {@link #asyncClient()}s and build their scenario as one chain of stages; the checks
 * may run in the chain's continuations (on Vert.x event loops), and {@link #await} waits for the chain once,
 * at the end of {@code run}, on the runner's thread.
 */
public final class ExampleContext implements AutoCloseable {
    /** How long {@link #await} waits for an async example's stage: far longer than any example takes. */
    public static final Duration AWAIT_TIMEOUT = Duration.ofMinutes(2);

    private final Example example;
    private final ExampleServer server;
    private final PrintStream out;
    private final String database;
    private final List<String> databases = new ArrayList<>();
    private final List<String> snapshots = new ArrayList<>();
    private final Deque<Runnable> cleanups = new ArrayDeque<>();
    private final List<MatrixOneClient> clients = new ArrayList<>();
    private final List<AsyncMatrixOneClient> asyncClients = new ArrayList<>();
    private final List<String> verified = Collections.synchronizedList(new ArrayList<>()); // checks on event loops

    ExampleContext(Example example, ExampleServer server, PrintStream out) {
        this.example = Objects.requireNonNull(example, "example");
        this.server = server;
        this.out = out;
        this.database = server.uniqueName(example.name());
        String quoted = Identifiers.quote(database, NameKind.DATABASE);
        server.admin().execute("DROP DATABASE IF EXISTS " + quoted);
        server.admin().execute("CREATE DATABASE " + quoted);
    }

    /** The example's own database: empty at the start, dropped by the runner at the end. */
    public String database() {
        return database;
    }

    /** Options for a client of {@link #database()}; change them with {@code toBuilder()}. */
    public ClientOptions options() {
        return server.options().toBuilder().database(database).build();
    }

    /** A new client of {@link #database()}; the runner closes it after the example. */
    public MatrixOneClient client() {
        return client(options -> { });
    }

    /** A new client of {@link #database()} with changed options (pool size, timeouts ...). */
    public MatrixOneClient client(Consumer<ClientOptions.Builder> customizer) {
        ClientOptions.Builder options = options().toBuilder();
        customizer.accept(options);
        MatrixOneClient client = MatrixOneClient.create(options.build());
        clients.add(client);
        return client;
    }

    /**
     * A new async client of {@link #database()}, with a Vert.x instance of its own; the runner checks that no
     * transaction still holds one of its connections, then closes it.
     */
    public AsyncMatrixOneClient asyncClient() {
        return asyncClient(options -> { });
    }

    /** A new async client of {@link #database()} with changed options (pool size, timeouts ...). */
    public AsyncMatrixOneClient asyncClient(Consumer<ClientOptions.Builder> customizer) {
        ClientOptions.Builder options = options().toBuilder();
        customizer.accept(options);
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(options.build());
        asyncClients.add(client);
        return client;
    }

    /**
     * Waits for an async example's stage: the program's edge, where a program may block. Call it on the
     * runner's thread, once, at the end of {@code run} (and in clean-up steps), never inside a stage: a blocked
     * event loop cannot complete the very stage it waits for. A failed check inside the chain is rethrown as it
     * is, not wrapped.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     * @throws ExampleFailure        when the stage does not complete within {@link #AWAIT_TIMEOUT}
     */
    public <T> T await(CompletionStage<T> stage) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("await(..) on an event loop would block it: compose on the stage instead");
        }
        try {
            return stage.toCompletableFuture().get(AWAIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new ExampleFailure("the example's stage did not complete within " + AWAIT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the example's stage", e);
        }
    }

    /** A new database name for this example (for a clone, a backup ...); the example must drop it. */
    public String databaseName(String purpose) {
        String name = server.uniqueName(example.name(), purpose);
        databases.add(name);
        return name;
    }

    /** A new snapshot name for this example; the example must drop the snapshot. */
    public String snapshotName(String purpose) {
        String name = server.uniqueName(example.name(), purpose);
        snapshots.add(name);
        return name;
    }

    /**
     * Registers a clean-up step. Steps run when the example ends, failed or not, last registered first; register
     * a step as soon as you have named the object, before creating it.
     */
    public void onCleanup(Runnable step) {
        cleanups.push(Objects.requireNonNull(step, "step"));
    }

    /**
     * Registers an async clean-up step ({@code client.snapshots().dropIfExists(name)}, {@code orm.close()});
     * like {@link #onCleanup}, and the runner waits for its stage.
     */
    public void onCleanupAsync(Supplier<? extends CompletionStage<?>> step) {
        Objects.requireNonNull(step, "step");
        onCleanup(() -> await(step.get()));
    }

    /** The emulator the example runs on, if it does: only there can faults be injected. */
    public Optional<Emulator> emulator() {
        return server.emulator();
    }

    /** Prints one line of what the example does. */
    public void say(String line) {
        out.println("[" + example.name() + "] " + line);
    }

    /** Prints {@code what ✔} when {@code ok}; fails the example with {@code what} otherwise. */
    public void check(boolean ok, String what) {
        if (!ok) {
            throw new ExampleFailure(what);
        }
        verified.add(what);
        say(what + " \u2714");
    }

    /** Prints {@code what: actual ✔} when {@code actual} equals {@code expected}; fails the example otherwise. */
    public void expect(Object actual, Object expected, String what) {
        if (!Objects.equals(actual, expected)) {
            throw new ExampleFailure(what + ": expected " + expected + " but was " + actual);
        }
        check(true, what + ": " + actual);
    }

    /** What the example verified so far, in order (the lines its checks printed, without the tick). */
    public List<String> verified() {
        synchronized (verified) {
            return List.copyOf(verified);
        }
    }

    /**
     * Runs the clean-up steps, checks that every client has all its connections back (an async client: that no
     * transaction holds one), closes the clients, drops
     * the example's database, and then looks for snapshots and databases of this example that are still there.
     * Anything left over is removed and reported.
     *
     * @throws ExampleFailure naming what the example left behind (a connection still borrowed, a snapshot, a
     *                        database) or which clean-up step failed
     */
    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().run();
            } catch (RuntimeException e) {
                problems.add("a clean-up step failed: " + e.getMessage());
            }
        }
        for (MatrixOneClient client : clients) {
            int active = client.poolStats().active();
            if (active != 0) {
                problems.add(active + " connection(s) still borrowed from a client's pool");
            }
            client.close();
        }
        clients.clear();
        for (AsyncMatrixOneClient client : asyncClients) {
            int inUse = client.poolStats().transactionConnectionsInUse();
            if (inUse != 0) {
                problems.add(inUse + " transaction connection(s) still in use in an async client");
            }
            try {
                await(client.close());
            } catch (RuntimeException e) {
                problems.add("closing an async client failed: " + e);
            }
        }
        asyncClients.clear();
        MatrixOneClient admin = server.admin();
        admin.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database, NameKind.DATABASE));
        Set<String> existing = admin.query("SHOW DATABASES").stream().map(row -> row.getString(0))
                .collect(Collectors.toSet());
        for (String name : databases) {
            if (existing.contains(name)) {
                problems.add("database " + name + " left behind");
                admin.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name, NameKind.DATABASE));
            }
        }
        for (String name : snapshots) {
            if (admin.snapshots().exists(name)) {
                problems.add("snapshot " + name + " left behind");
                admin.snapshots().dropIfExists(name);
            }
        }
        if (!problems.isEmpty()) {
            throw new ExampleFailure(String.join("; ", problems));
        }
    }
}
