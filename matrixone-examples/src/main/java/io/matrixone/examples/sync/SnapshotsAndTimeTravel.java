package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.dialect.TimeTravel;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

import java.math.BigDecimal;

/**
 * Snapshots at database and table level, reads of the past with {@code {SNAPSHOT = ...}} and {@code {MO_TS = ...}},
 * and a table restored after a bad update. (Account and cluster snapshots work the same way but need the
 * account's or the sys account's rights.)
 */
public final class SnapshotsAndTimeTravel implements Example {

    @Override
    public String name() {
        return "snapshots-and-time-travel";
    }

    @Override
    public String description() {
        return "database and table snapshots, time-travel reads, restoring a table after a bad update";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String db = ctx.database();
        String dbSnapshot = ctx.snapshotName("db");
        String tableSnapshot = ctx.snapshotName("accounts");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(dbSnapshot));
        ctx.onCleanup(() -> client.snapshots().dropIfExists(tableSnapshot));

        client.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(50), balance DECIMAL(12,2))");
        client.execute("INSERT INTO accounts VALUES (1, 'alice', 100.00), (2, 'bob', 250.00), (3, 'carol', 75.50)");

        Snapshot whole = client.snapshots().create(SnapshotSpec.database(dbSnapshot, db));
        Snapshot one = client.snapshots().create(SnapshotSpec.table(tableSnapshot, db, "accounts"));
        ctx.say("snapshots: " + whole.name() + " (" + whole.level() + "), " + one.name() + " (" + one.level()
                + " " + one.database() + "." + one.table() + ") at " + one.timestamp());
        ctx.check(client.snapshots().get(tableSnapshot).isPresent(), "snapshot found in mo_catalog.mo_snapshots");

        client.execute("UPDATE accounts SET balance = 0");   // the mistake
        ctx.expect(total(client, "accounts"), new BigDecimal("0.00"), "balance total after the bad update");

        TimeTravel past = client.dialect().timeTravel();
        String byName = past.table(db, "accounts", TimePoint.snapshot(tableSnapshot));
        String byTimestamp = past.table(db, "accounts", TimePoint.of(whole));
        ctx.expect(total(client, byName), new BigDecimal("425.50"), "total read from " + byName);
        ctx.expect(total(client, byTimestamp), new BigDecimal("425.50"), "total read at the database snapshot's MO_TS");

        client.restores().restore(RestoreSpec.table(db, "accounts", tableSnapshot));
        ctx.expect(total(client, "accounts"), new BigDecimal("425.50"), "balance total after RESTORE TABLE");

        client.snapshots().drop(tableSnapshot);
        client.snapshots().drop(dbSnapshot);
        ctx.check(!client.snapshots().exists(tableSnapshot) && !client.snapshots().exists(dbSnapshot),
                "both snapshots dropped");
    }

    private static BigDecimal total(MatrixOneClient client, String table) {
        return client.query("SELECT SUM(balance) FROM " + table).one().getBigDecimal(0);
    }
}
