package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.core.tx.AfterCommit;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.util.List;

import org.hibernate.Session;

/**
 * Seeds 000, 001 and 004: an ORM write, a raw write, a snapshot and a clone from that snapshot in ONE
 * transaction on ONE connection.
 *
 * <p>MatrixOne refuses CREATE SNAPSHOT inside a transaction (error 20101), so the SDK queues it and takes it
 * right after COMMIT: the snapshot contains everything the transaction wrote. The clone reads that snapshot, so
 * it is queued right after it. If the transaction rolls back, neither happens.
 */
public final class UnifiedTransaction implements Example {

    @Override
    public String name() {
        return "unified-transaction";
    }

    @Override
    public String description() {
        return "seeds 000/001/004: ORM user + raw user + snapshot + clone in one transaction";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String db = ctx.database();
        String snapshot = ctx.snapshotName("tx");
        String backup = ctx.databaseName("backup");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
        ctx.onCleanup(() -> client.execute("DROP DATABASE IF EXISTS " + backup));

        client.execute(User.CREATE_TABLE); // DDL outside the transaction (see the README)

        try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, User.class)) {
            AfterCommit<Snapshot> taken = client.transaction(tx -> {
                Session session = tx.orm(orm);                   // a Hibernate session on the transaction's connection
                session.persist(new User("Alice", "alice@example.com"));

                tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Bob", "bob@example.com");

                AfterCommit<Snapshot> snap = tx.snapshots().create(SnapshotSpec.database(snapshot, db));
                tx.clones().database(CloneSpec.database(backup, db).fromSnapshot(snapshot));

                long inside = tx.query("SELECT COUNT(*) FROM users").scalarLong();
                ctx.say("inside the transaction: " + inside + " users written, snapshot " + (snap.isPending()
                        ? "pending (MatrixOne takes it at COMMIT: it refuses snapshots inside a transaction)"
                        : "taken"));
                return snap;
            });

            ctx.check(client.snapshots().exists(snapshot), "after commit the snapshot exists");
            long atSnapshot = client.run(client.dialect().timeTravel().count(db, "users", TimePoint.snapshot(snapshot)));
            ctx.expect(atSnapshot, 2L, "ORM user + raw user + snapshot at commit: users in the snapshot");
            ctx.say("snapshot timestamp " + taken.get().timestamp() + " (the commit's, not the call's)");

            List<String> cloned = client.query("SELECT name FROM " + backup + ".users ORDER BY name")
                    .column(0, String.class);
            ctx.expect(cloned, List.of("Alice", "Bob"), "clone from the snapshot has both users");
        }
    }
}
