package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.error.UnknownTableException;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.tx.AfterCommit;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Seeds 000 and 001, "error handling and rollback": ORM and raw writes and a requested snapshot, then a statement
 * that fails. The exception leaves the body, the SDK rolls back: no row, no snapshot, the connection is back in
 * the pool.
 */
public final class RollbackOnError implements Example {

    @Override
    public String name() {
        return "rollback-on-error";
    }

    @Override
    public String description() {
        return "seeds 000/001: a failing statement rolls back ORM and raw writes and cancels the queued snapshot";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String snapshot = ctx.snapshotName("never");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
        client.execute(User.CREATE_TABLE);

        AtomicReference<AfterCommit<Snapshot>> requested = new AtomicReference<>();
        try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, User.class)) {
            client.inTransaction(tx -> {
                tx.orm(orm).persist(new User("Alice", "alice@example.com"));
                tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Bob", "bob@example.com");
                requested.set(tx.snapshots().create(SnapshotSpec.database(snapshot, ctx.database())));
                tx.execute("INSERT INTO nonexistent_table (name) VALUES (?)", "boom");   // fails
            });
            throw new IllegalStateException("the transaction should have failed");
        } catch (UnknownTableException e) {
            ctx.say("transaction failed as planned: " + e.getClass().getSimpleName() + " (error " + e.errorCode()
                    + "): " + e.serverMessage());
        }

        ctx.expect(client.query("SELECT COUNT(*) FROM users").scalarLong(), 0L, "users committed (ORM and raw)");
        ctx.check(requested.get().isCancelled(), "the queued snapshot was cancelled, never sent");
        ctx.check(!client.snapshots().exists(snapshot), "no snapshot exists");
        ctx.expect(client.poolStats().active(), 0, "connections still borrowed");
    }
}
