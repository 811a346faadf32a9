package io.matrixone.adversarial;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;
import io.matrixone.hibernate.reactive.MatrixOneHibernateReactive;
import io.matrixone.hibernate.reactive.MatrixOneReactiveSessionFactory;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.Session;

/**
 * The four ways to run a unified transaction: the sync client, the async client, Hibernate on the sync client and
 * Hibernate Reactive on the async client. Each runs the same {@link Scenario}: BEGIN, a raw INSERT, (with an ORM) a
 * persisted and flushed entity, a snapshot and a clone queued after COMMIT, COMMIT. All clients use no retry, so a
 * failure is seen as it happened.
 */
final class Stacks implements AutoCloseable {
    static final String DATABASE = "adv_fault";

    /** Which stack. */
    enum Kind {
        SYNC(false), ASYNC(false), HIBERNATE(true), REACTIVE(true);

        final boolean orm;

        Kind(boolean orm) {
            this.orm = orm;
        }
    }

    /**
     * One transaction: its tag (in every row it writes), the names of what it queues after COMMIT, and an optional
     * pause after the raw INSERT (for faults applied from outside: KILL, a server restart).
     */
    record Scenario(String tag, long id, String snapshot, String cloneDatabase, CompletableFuture<Long> atPause,
                    CompletableFuture<Void> resume) {
        static Scenario of(String tag, long id, boolean pause) {
            return new Scenario(tag, id, "snap_" + tag, "adv_clone_" + tag, pause ? new CompletableFuture<>() : null,
                    pause ? new CompletableFuture<>() : null);
        }
    }

    private static final AtomicLong IDS = new AtomicLong(1);

    final MatrixOneClient sync;
    final AsyncMatrixOneClient async;
    private final Vertx vertx;
    private final MatrixOneSessionFactory hibernate;
    private final MatrixOneReactiveSessionFactory reactive;
    private final ExecutorService bodies = Executors.newCachedThreadPool();

    Stacks(ClientOptions options) {
        vertx = Vertx.vertx();
        sync = MatrixOneClient.create(options.toBuilder().retryPolicy(RetryPolicy.NONE).build());
        async = AsyncMatrixOneClient.create(options.toBuilder().retryPolicy(RetryPolicy.NONE).build(), vertx);
        hibernate = MatrixOneHibernate.sessionFactory(sync, FaultRow.class);
        reactive = MatrixOneHibernateReactive.sessionFactory(async, vertx, FaultRow.class);
    }

    static long nextId() {
        return IDS.getAndIncrement();
    }

    /** The schema the scenario writes to, created once on a fresh database. */
    static void createSchema(MatrixOneClient admin) {
        admin.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        admin.execute("CREATE TABLE IF NOT EXISTS " + DATABASE + ".raw_rows (tag VARCHAR(100) NOT NULL)");
        admin.execute("CREATE TABLE IF NOT EXISTS " + DATABASE + ".orm_rows (id BIGINT PRIMARY KEY, "
                + "tag VARCHAR(100) NOT NULL UNIQUE)");
    }

    /** Runs the scenario on a stack; the stage completes with the transaction's outcome. */
    CompletableFuture<Void> run(Kind kind, Scenario s) {
        return switch (kind) {
            case SYNC, HIBERNATE -> CompletableFuture.runAsync(() -> sync.transaction(RetryPolicy.NONE, tx -> {
                tx.execute("INSERT INTO raw_rows (tag) VALUES (?)", s.tag());
                pauseIfAsked(s, () -> tx.query("SELECT CONNECTION_ID()").scalarLong());
                tx.query("SELECT COUNT(*) FROM raw_rows WHERE tag = ?", s.tag()); // the transaction reads its row
                if (kind.orm) {
                    Session session = tx.orm(hibernate);
                    session.persist(new FaultRow(s.id(), s.tag()));
                    session.flush();
                }
                tx.snapshots().create(SnapshotSpec.database(s.snapshot(), DATABASE));
                tx.clones().database(CloneSpec.database(s.cloneDatabase(), DATABASE).fromSnapshot(s.snapshot()));
                return null;
            }), bodies);
            case ASYNC, REACTIVE -> async.transaction(RetryPolicy.NONE, tx -> {
                Context context = Vertx.currentContext();
                return tx.execute("INSERT INTO raw_rows (tag) VALUES (?)", s.tag())
                        .thenCompose(r -> s.atPause() == null ? CompletableFuture.completedFuture(null)
                                : tx.query("SELECT CONNECTION_ID()").thenCompose(id -> {
                                    s.atPause().complete(id.scalarLong());
                                    // back on the transaction's context once the fault was applied
                                    return s.resume().thenApplyAsync(v -> v, t -> context.runOnContext(x -> t.run()));
                                }))
                        .thenCompose(v -> tx.query("SELECT COUNT(*) FROM raw_rows WHERE tag = ?", s.tag()))
                        .thenCompose(v -> kind.orm ? tx.orm(reactive.stage()).thenCompose(session ->
                                session.persist(new FaultRow(s.id(), s.tag())).thenCompose(x -> session.flush()))
                                : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(v -> {
                            // queued: their stages complete after COMMIT, so the body does not wait for them
                            tx.snapshots().create(SnapshotSpec.database(s.snapshot(), DATABASE));
                            tx.clones().database(CloneSpec.database(s.cloneDatabase(), DATABASE)
                                    .fromSnapshot(s.snapshot()));
                            return CompletableFuture.<Void>completedFuture(null);
                        });
            }).toCompletableFuture();
        };
    }

    /** Tells the test the session id and waits until it applied its fault. */
    private static void pauseIfAsked(Scenario s, java.util.function.LongSupplier connectionId) throws Exception {
        if (s.atPause() != null) {
            s.atPause().complete(connectionId.getAsLong());
            s.resume().get(Waits.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The pool of the stack's client holds no connection and nothing is in flight. */
    boolean idle(Kind kind) {
        return switch (kind) {
            case SYNC, HIBERNATE -> sync.poolStats().active() == 0;
            case ASYNC, REACTIVE -> async.poolStats().transactionConnectionsInUse() == 0
                    && async.poolStats().statementsInFlight() == 0;
        };
    }

    String poolStats(Kind kind) {
        return kind == Kind.SYNC || kind == Kind.HIBERNATE ? sync.poolStats().toString()
                : async.poolStats().toString();
    }

    /** A stage of a Hibernate Reactive call, for tests that need the reactive factory directly. */
    MatrixOneReactiveSessionFactory reactive() {
        return reactive;
    }

    MatrixOneSessionFactory hibernate() {
        return hibernate;
    }

    /** Waits until {@code condition} holds, up to {@code max}. */
    static boolean eventually(java.util.function.BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public void close() {
        bodies.shutdownNow();
        try {
            reactive.close();
        } finally {
            hibernate.close();
            sync.close();
            Waits.await(async.close());
            Waits.await(vertx.close().toCompletionStage());
        }
    }
}
