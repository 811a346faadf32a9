package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.error.UnknownTableException;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.reactive.MatrixOneHibernateReactive;
import io.matrixone.hibernate.reactive.MatrixOneReactiveSessionFactory;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Seed 000 §2, "error handling and rollback", async: a Hibernate Reactive write, a raw write and a requested
 * snapshot, then a statement that fails. The body's stage fails, the SDK rolls back: no row, the queued snapshot
 * cancelled and never sent, the transaction's connection back in the pool.
 */
public final class AsyncRollbackOnError implements Example {

    @Override
    public String name() {
        return "async-rollback-on-error";
    }

    @Override
    public String description() {
        return "seed 000 §2: a failing statement rolls back ORM and raw writes and cancels the queued snapshot";
    }

    @Override
    public void run(ExampleContext ctx) {
        AsyncMatrixOneClient client = ctx.asyncClient();
        String snapshot = ctx.snapshotName("never");
        ctx.onCleanupAsync(() -> client.snapshots().dropIfExists(snapshot));
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, User.class);
        ctx.onCleanupAsync(orm::closeAsync);

        AtomicReference<CompletionStage<Snapshot>> requested = new AtomicReference<>();
        CompletionStage<Void> done = client.execute(User.CREATE_TABLE)
                .thenCompose(created -> client.inTransaction(tx -> tx.orm(orm.stage())
                        .thenCompose(session -> session.persist(new User("Alice", "alice@example.com")))
                        .thenCompose(v -> tx.execute("INSERT INTO users (name, email) VALUES (?, ?)",
                                "Bob", "bob@example.com"))
                        .thenCompose(bob -> {
                            requested.set(tx.snapshots().create(SnapshotSpec.database(snapshot, ctx.database())));
                            return tx.execute("INSERT INTO nonexistent_table (name) VALUES (?)", "boom"); // fails
                        })))
                .handle((committed, error) -> {
                    Throwable cause = unwrap(error);
                    ctx.check(cause instanceof UnknownTableException, "the transaction failed with "
                            + (cause == null ? "nothing" : cause.getClass().getSimpleName()));
                    UnknownTableException unknown = (UnknownTableException) cause;
                    ctx.say("error " + unknown.errorCode() + ": " + unknown.serverMessage());
                    return null;
                })
                // after the rollback the snapshot's stage may be used: it failed, the snapshot was never sent
                .thenCompose(v -> requested.get().handle((taken, error) -> unwrap(error)))
                .thenAccept(error -> ctx.check(error instanceof CancellationException,
                        "the queued snapshot was cancelled, never sent"))
                .thenCompose(v -> client.query("SELECT COUNT(*) FROM users"))
                .thenAccept(users -> ctx.expect(users.scalarLong(), 0L, "users committed (ORM and raw)"))
                .thenCompose(v -> client.snapshots().exists(snapshot))
                .thenAccept(exists -> ctx.check(!exists, "no snapshot exists"))
                .thenRun(() -> ctx.expect(client.poolStats().transactionConnectionsInUse(), 0,
                        "transaction connections in use"));

        ctx.await(done);
    }

    /** Stages report a failure of an earlier stage wrapped in a {@link CompletionException}. */
    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
