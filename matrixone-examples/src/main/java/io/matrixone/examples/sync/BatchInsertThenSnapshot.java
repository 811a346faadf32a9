package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001, "batch operations": 1,000 users in one batch (one multi-row INSERT on the wire, all or nothing), a
 * snapshot after it, later changes, and a time-travel read that still sees the 1,000.
 */
public final class BatchInsertThenSnapshot implements Example {
    private static final int USERS = 1_000;

    @Override
    public String name() {
        return "batch-insert-then-snapshot";
    }

    @Override
    public String description() {
        return "seed 001: 1,000 users with executeBatch, a snapshot, then a time-travel count at the snapshot";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String db = ctx.database();
        String snapshot = ctx.snapshotName("batch");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
        client.execute(User.CREATE_TABLE);

        List<List<?>> rows = new ArrayList<>(USERS);
        for (int i = 1; i <= USERS; i++) {
            rows.add(List.of("User_" + i, "user" + i + "@example.com"));
        }
        long start = System.nanoTime();
        client.executeBatch("INSERT INTO users (name, email) VALUES (?, ?)", rows);
        ctx.say("inserted " + USERS + " users in one batch in " + (System.nanoTime() - start) / 1_000_000 + " ms");

        Snapshot taken = client.snapshots().create(SnapshotSpec.database(snapshot, db));
        ctx.say("snapshot " + taken.name() + " at " + taken.timestamp());

        client.execute("DELETE FROM users WHERE id % 2 = 0");
        client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Late", "late@example.com");
        ctx.expect(client.query("SELECT COUNT(*) FROM users").scalarLong(), 501L, "users now");

        // {SNAPSHOT = '...'} after the table name reads it as it was; the dialect writes the fragment.
        String then = client.dialect().timeTravel().table(db, "users", TimePoint.snapshot(snapshot));
        ctx.expect(client.query("SELECT COUNT(*) FROM " + then).scalarLong(), (long) USERS,
                "users at the snapshot (" + then + ")");
        ctx.expect(client.query("SELECT COUNT(DISTINCT email) FROM " + then + " WHERE name LIKE ?", "User\\_%")
                .scalarLong(), (long) USERS, "distinct emails of batch users at the snapshot");
    }
}
