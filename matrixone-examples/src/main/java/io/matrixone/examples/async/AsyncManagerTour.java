package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.error.AccessDeniedException;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Seed 003, the async managers: snapshots created, listed, looked up and dropped; a database cloned from a
 * snapshot; a table restored after a bad update; {@code mo_ctl} flush; version information. The same operations
 * as the sync client's managers (one dialect builds both), each returning a {@link CompletionStage}.
 */
public final class AsyncManagerTour implements Example {

    @Override
    public String name() {
        return "async-manager-tour";
    }

    @Override
    public String description() {
        return "seed 003: async snapshot, clone, restore, mo_ctl and version managers";
    }

    @Override
    public void run(ExampleContext ctx) {
        AsyncMatrixOneClient client = ctx.asyncClient();
        String db = ctx.database();
        String dbSnapshot = ctx.snapshotName("db");
        String tableSnapshot = ctx.snapshotName("accounts");
        String copy = ctx.databaseName("copy");
        ctx.onCleanupAsync(() -> client.snapshots().dropIfExists(dbSnapshot));
        ctx.onCleanupAsync(() -> client.snapshots().dropIfExists(tableSnapshot));
        ctx.onCleanupAsync(() -> client.execute("DROP DATABASE IF EXISTS " + copy));

        CompletionStage<Void> done = client.version().info()
                .thenCompose(info -> {
                    ctx.say("version() = " + info.versionString() + ", git_version() = " + info.gitVersion());
                    return client.serverVersion().thenAccept(detected -> ctx.expect(info.version(), detected,
                            "version asked now equals the one detected at connect"));
                })
                .thenCompose(v -> client.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(50), "
                        + "balance DECIMAL(12,2))"))
                .thenCompose(r -> client.execute("INSERT INTO accounts VALUES (1, 'alice', 100.00), (2, 'bob', 250.00), "
                        + "(3, 'carol', 75.50)"))
                .thenCompose(r -> client.snapshots().create(SnapshotSpec.database(dbSnapshot, db)))
                .thenCompose(whole -> client.snapshots().create(SnapshotSpec.table(tableSnapshot, db, "accounts")))
                .thenAccept(one -> ctx.say("snapshot " + one.name() + " (" + one.level() + " " + one.database() + "."
                        + one.table() + ") at " + one.timestamp()))
                .thenCompose(v -> client.snapshots().list())
                .thenAccept(all -> ctx.check(all.stream().map(Snapshot::name).toList()
                        .containsAll(List.of(dbSnapshot, tableSnapshot)), "both snapshots listed"))
                .thenCompose(v -> client.snapshots().get(tableSnapshot))
                .thenAccept(found -> ctx.expect(found.map(Snapshot::level).orElse(null), SnapshotLevel.TABLE,
                        "level of the snapshot found in mo_catalog.mo_snapshots"))
                .thenCompose(v -> client.execute("UPDATE accounts SET balance = 0")) // the mistake
                .thenCompose(r -> total(client, "accounts"))
                .thenAccept(total -> ctx.expect(total, new BigDecimal("0.00"), "balance total after the bad update"))
                .thenCompose(v -> client.clones().database(CloneSpec.database(copy, db).fromSnapshot(dbSnapshot)))
                .thenCompose(v -> total(client, copy + ".accounts"))
                .thenAccept(total -> ctx.expect(total, new BigDecimal("425.50"), "balance total in the clone"))
                .thenCompose(v -> client.restores().restore(RestoreSpec.table(db, "accounts", tableSnapshot)))
                .thenCompose(v -> total(client, "accounts"))
                .thenAccept(total -> ctx.expect(total, new BigDecimal("425.50"), "balance total after RESTORE TABLE"))
                .thenCompose(v -> flush(ctx, client))
                .thenCompose(v -> client.snapshots().drop(tableSnapshot))
                .thenCompose(v -> client.snapshots().drop(dbSnapshot))
                .thenCompose(v -> client.snapshots().exists(tableSnapshot)
                        .thenCombine(client.snapshots().exists(dbSnapshot), (a, b) -> a || b))
                .thenAccept(any -> ctx.check(!any, "both snapshots dropped"));

        ctx.await(done);
    }

    /** mo_ctl needs the sys account's moadmin role: without it the flush is skipped, not failed. */
    private static CompletionStage<Void> flush(ExampleContext ctx, AsyncMatrixOneClient client) {
        return client.moCtl().flush(ctx.database(), "accounts")
                .thenAccept((MoCtlResult flush) -> ctx.check(flush.isOk(), "mo_ctl flush of accounts OK"))
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof AccessDeniedException denied) {
                        ctx.say("mo_ctl skipped: this login is not sys/moadmin (error " + denied.errorCode() + ")");
                        return CompletableFuture.completedFuture(null);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private static CompletionStage<BigDecimal> total(AsyncMatrixOneClient client, String table) {
        return client.query("SELECT SUM(balance) FROM " + table).thenApply(r -> r.one().getBigDecimal(0));
    }
}
