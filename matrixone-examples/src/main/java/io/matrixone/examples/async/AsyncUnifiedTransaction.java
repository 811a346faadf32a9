package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.reactive.MatrixOneHibernateReactive;
import io.matrixone.hibernate.reactive.MatrixOneReactiveSessionFactory;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Seed 000 §1 (and 002's "true async" ORM): a Hibernate Reactive {@code persist}, a raw insert, a snapshot and a
 * clone from that snapshot in ONE async transaction on ONE connection, without blocking a thread.
 *
 * <p>MatrixOne refuses CREATE SNAPSHOT inside a transaction (error 20101), so {@code tx.snapshots().create(..)}
 * is queued and runs right after COMMIT: the snapshot contains everything the transaction wrote. The clone reads
 * that snapshot, so it is queued right after it. Their stages complete after COMMIT: the body must not compose on
 * them (the SDK fails that at once); it hands the snapshot's stage out as its result, and the program composes on
 * it once the transaction completed.
 */
public final class AsyncUnifiedTransaction implements Example {

    @Override
    public String name() {
        return "async-unified-transaction";
    }

    @Override
    public String description() {
        return "seed 000 §1: Hibernate Reactive user + raw user + snapshot + clone in one async transaction";
    }

    @Override
    public void run(ExampleContext ctx) {
        AsyncMatrixOneClient client = ctx.asyncClient();
        String db = ctx.database();
        String snapshot = ctx.snapshotName("tx");
        String backup = ctx.databaseName("backup");
        ctx.onCleanupAsync(() -> client.snapshots().dropIfExists(snapshot));
        ctx.onCleanupAsync(() -> client.execute("DROP DATABASE IF EXISTS " + backup));

        // Hibernate's boot is CPU work: build the factory once, on an application thread. It shares the client's Vert.x.
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, User.class);
        ctx.onCleanupAsync(orm::closeAsync);

        CompletionStage<Void> done = client.execute(User.CREATE_TABLE) // DDL outside the transaction (see the README)
                .thenCompose(created -> client.transaction(tx -> tx.orm(orm.stage()) // a session on tx's connection
                        .thenCompose(session -> session.persist(new User("Alice", "alice@example.com")))
                        // the SDK flushes the session before a raw statement: Alice is inserted first
                        .thenCompose(v -> tx.execute("INSERT INTO users (name, email) VALUES (?, ?)",
                                "Bob", "bob@example.com"))
                        .thenCompose(bob -> {
                            CompletionStage<Snapshot> taken = tx.snapshots().create(SnapshotSpec.database(snapshot, db));
                            tx.clones().database(CloneSpec.database(backup, db).fromSnapshot(snapshot));
                            return tx.query("SELECT COUNT(*) FROM users").thenApply(count -> {
                                ctx.say("inside the transaction: " + count.scalarLong() + " users written; snapshot "
                                        + "and clone pending (MatrixOne takes the snapshot at COMMIT: it refuses "
                                        + "snapshots inside a transaction)");
                                return taken; // not waited for here: it completes after COMMIT
                            });
                        })))
                .thenCompose(taken -> taken) // the transaction committed: now the snapshot's stage completes
                .thenAccept(taken -> ctx.say("snapshot " + taken.name() + " taken at " + taken.timestamp()
                        + " (the commit's time, not the call's)"))
                .thenCompose(v -> client.snapshots().exists(snapshot))
                .thenAccept(exists -> ctx.check(exists, "after commit the snapshot exists"))
                .thenCompose(v -> client.serverVersion())
                .thenCompose(version -> client.run(Dialect.of(version).timeTravel()
                        .count(db, "users", TimePoint.snapshot(snapshot))))
                .thenAccept(atSnapshot -> ctx.expect(atSnapshot, 2L,
                        "ORM user + raw user + snapshot at commit: users in the snapshot"))
                .thenCompose(v -> client.query("SELECT name FROM " + backup + ".users ORDER BY name"))
                .thenAccept(cloned -> ctx.expect(cloned.column(0, String.class), List.of("Alice", "Bob"),
                        "clone from the snapshot has both users"));

        ctx.await(done);
    }
}
