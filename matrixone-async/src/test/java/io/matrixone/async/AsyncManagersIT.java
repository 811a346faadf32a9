package io.matrixone.async;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.SnapshotExistsException;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The async managers end to end through the emulator: the same operations as the sync ones, without blocking. */
@ExtendWith(EmulatorExtension.class)
class AsyncManagersIT {

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    private static String database(AsyncMatrixOneClient client, int rows) {
        String db = unique("amgr");
        await(client.execute("CREATE DATABASE " + db));
        await(client.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, name VARCHAR(20))"));
        for (int i = 1; i <= rows; i++) {
            await(client.execute("INSERT INTO " + db + ".t VALUES (?, ?)", i, "n" + i));
        }
        return db;
    }

    private static Throwable rejected(java.util.function.Supplier<CompletionStage<?>> call) {
        try {
            return failure(call.get());
        } catch (IllegalArgumentException e) {
            return e;
        }
    }

    private static long count(AsyncMatrixOneClient client, String db) {
        return await(client.query("SELECT COUNT(*) FROM " + db + ".t")).scalarLong();
    }

    @Test
    void snapshotsCloneAndRestoreOnTheClient(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String db = database(client, 4);
            String sp = unique("sp");
            Snapshot s = await(client.snapshots().create(SnapshotSpec.database(sp, db)));
            assertThat(s.level()).isEqualTo(SnapshotLevel.DATABASE);
            assertThat(await(client.snapshots().exists(sp))).isTrue();
            assertThat(failure(client.snapshots().create(SnapshotSpec.database(sp, db))))
                    .isInstanceOf(SnapshotExistsException.class);

            await(client.execute("DELETE FROM " + db + ".t"));
            CompletionStage<Long> atSnapshot = client.dialect()
                    .thenCompose(d -> client.run(d.timeTravel().count(db, "t", TimePoint.snapshot(sp))));
            assertThat(await(atSnapshot)).isEqualTo(4L);
            String copy = unique("copy");
            await(client.clones().database(CloneSpec.database(copy, db).fromSnapshot(sp)));
            assertThat(count(client, copy)).isEqualTo(4);
            await(client.restores().restore(RestoreSpec.database(db, sp)));
            assertThat(count(client, db)).isEqualTo(4);

            assertThat(await(client.moCtl().flush(db, "t")).isOk()).isTrue();
            assertThat(await(client.version().serverVersion()).semantic()).isEqualTo(mo.version());
            await(client.snapshots().drop(sp));
            assertThat(await(client.snapshots().get(sp))).isEmpty();
        }
    }

    @Test
    void inATransactionSnapshotAndCloneOfItRunAfterCommitAndSeeTheTransactionsRows(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String db = database(client, 1);
            String sp = unique("sp");
            String copy = unique("copy");
            AtomicReference<CompletionStage<Snapshot>> snapshot = new AtomicReference<>();
            AtomicReference<CompletionStage<Void>> clone = new AtomicReference<>();

            await(client.inTransaction(tx -> tx.execute("INSERT INTO " + db + ".t VALUES (2, 'tx')").thenCompose(r -> {
                snapshot.set(tx.snapshots().create(SnapshotSpec.database(sp, db)));
                clone.set(tx.clones().database(CloneSpec.database(copy, db).fromSnapshot(sp)));
                return tx.snapshots().exists(sp); // read now: not taken yet
            }).thenAccept(exists -> assertThat(exists).isFalse())));

            assertThat(await(snapshot.get()).name()).isEqualTo(sp);
            await(clone.get());
            assertThat(count(client, copy)).isEqualTo(2);
            int commit = mo.statements().sqls().lastIndexOf("COMMIT");
            assertThat(mo.statements().sqls().subList(commit, mo.statements().sqls().size()))
                    .anyMatch(sql -> sql.startsWith("CREATE SNAPSHOT `" + sp + "`"));
        }
    }

    @Test
    void aFailingStepUndoesTheSnapshotTakenBeforeItAndNothingRunsOnRollback(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String db = database(client, 1);
            String sp = unique("sp");
            String pitr = unique("pitr");
            mo.faults().failNext("CREATE PITR", 20101, "internal error: injected");
            Throwable failed = failure(client.inTransaction(tx -> {
                tx.snapshots().create(SnapshotSpec.database(sp, db));
                tx.pitrs().create(PitrSpec.database(pitr, db, PitrRange.days(1)));
                return tx.execute("INSERT INTO " + db + ".t VALUES (2, 'kept')");
            }));
            assertThat(failed).isInstanceOf(AfterCommitStepException.class).hasMessageContaining("committed");
            assertThat(count(client, db)).isEqualTo(2);
            assertThat(await(client.snapshots().exists(sp))).isFalse();

            String sp2 = unique("sp");
            failure(client.inTransaction(tx -> {
                tx.snapshots().create(SnapshotSpec.database(sp2, db));
                return tx.execute("INSERT INTO missing_table VALUES (1)");
            }));
            assertThat(mo.statements().containsSql("CREATE SNAPSHOT `" + sp2 + "`")).isFalse();
            assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
        }
    }

    @Test
    void badNamesFailTheStageAndNothingIsSent(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            await(client.serverVersion());
            mo.statements().clear();
            // a spec refuses a bad name when it is built; a name the spec cannot check fails the stage
            assertThat(rejected(() -> client.snapshots().create(SnapshotSpec.database("a`b", "test"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(rejected(() -> client.clones().database(CloneSpec.database("x'; DROP DATABASE test; --", "test"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(rejected(() -> client.snapshots().get("nul\0name"))).isInstanceOf(IllegalArgumentException.class);
            assertThat(mo.statements().sqls()).isEmpty();
        }
    }
}
