package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.DatabaseExistsException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.SnapshotExistsException;
import io.matrixone.core.error.SnapshotNotFoundException;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.core.tx.AfterCommit;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorVersion;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The managers end to end: the dialect's SQL through Connector/J to the emulator, MatrixOne's answers mapped back. */
@ExtendWith(EmulatorExtension.class)
class ManagersIT {

    /** A database {@code db} with table {@code t(id, name)} holding {@code rows} rows. */
    private static String database(MatrixOneClient client, int rows) {
        String db = Clients.unique("mgr");
        client.execute("CREATE DATABASE " + db);
        client.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, name VARCHAR(20))");
        for (int i = 1; i <= rows; i++) {
            client.execute("INSERT INTO " + db + ".t VALUES (?, ?)", i, "n" + i);
        }
        return db;
    }

    private static long count(MatrixOneClient client, String db) {
        return client.query("SELECT COUNT(*) FROM " + db + ".t").scalarLong();
    }

    @Test
    void createsListsFindsAndDropsSnapshots(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 3);
            String name = Clients.unique("sp");
            Snapshot created = client.snapshots().create(SnapshotSpec.database(name, db));

            assertThat(created.name()).isEqualTo(name);
            assertThat(created.level()).isEqualTo(SnapshotLevel.DATABASE);
            assertThat(created.database()).isEqualTo(db);
            assertThat(created.tsNanos()).isPositive();
            assertThat(client.snapshots().get(name)).contains(created);
            assertThat(client.snapshots().exists(name)).isTrue();
            assertThat(client.snapshots().list()).extracting(Snapshot::name).contains(name);
            assertThatThrownBy(() -> client.snapshots().create(SnapshotSpec.database(name, db)))
                    .isInstanceOf(SnapshotExistsException.class).hasMessageContaining("already exists");
            assertThat(client.snapshots().create(SnapshotSpec.database(name, db).ifNotExists()).name()).isEqualTo(name);

            client.snapshots().drop(name);
            assertThat(client.snapshots().exists(name)).isFalse();
            assertThatThrownBy(() -> client.snapshots().drop(name)).isInstanceOf(SnapshotNotFoundException.class);
            client.snapshots().dropIfExists(name);
        }
    }

    @Test
    void readsAndClonesAsOfASnapshotAndRestoresATable(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 5);
            String sp = Clients.unique("sp");
            client.snapshots().create(SnapshotSpec.database(sp, db));
            client.execute("DELETE FROM " + db + ".t WHERE id <= 3");

            assertThat(client.run(client.dialect().timeTravel().count(db, "t", TimePoint.snapshot(sp)))).isEqualTo(5);
            String fragment = client.dialect().timeTravel().table(db, "t", TimePoint.snapshot(sp));
            assertThat(client.query("SELECT name FROM " + fragment + " WHERE id = ?", 2).scalar(String.class)).isEqualTo("n2");

            String live = Clients.unique("live");
            String asOf = Clients.unique("asof");
            client.clones().database(CloneSpec.database(live, db));
            client.clones().database(CloneSpec.database(asOf, db).fromSnapshot(sp));
            assertThat(count(client, live)).isEqualTo(2);
            assertThat(count(client, asOf)).isEqualTo(5);
            assertThatThrownBy(() -> client.clones().database(CloneSpec.database(live, db)))
                    .isInstanceOf(DatabaseExistsException.class);
            client.clones().database(CloneSpec.database(live, db).ifNotExists());

            client.restores().restore(RestoreSpec.table(db, "t", sp));
            assertThat(count(client, db)).isEqualTo(5);
            assertThat(mo.statements().containsSql("RESTORE TABLE `" + db + "`.`t`{SNAPSHOT = '" + sp + "'}")).isTrue();
        }
    }

    @Test
    @EmulatorVersion("3.0.18")
    void restoresWithTheOldGrammarOnAVersion3Server(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            assertThat(client.serverVersion().semantic()).isEqualTo(mo.version()).startsWith("3.0.");
            String db = database(client, 4);
            String sp = Clients.unique("sp");
            client.snapshots().create(SnapshotSpec.database(sp, db));
            client.execute("DELETE FROM " + db + ".t");

            client.restores().restore(RestoreSpec.database(db, sp));

            assertThat(count(client, db)).isEqualTo(4);
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.containsSql(
                    "RESTORE ACCOUNT `sys` DATABASE `" + db + "` FROM SNAPSHOT `" + sp + "`")).isTrue());
        }
    }

    @Test
    void managesPitrRanges(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 1);
            String name = Clients.unique("pitr");
            client.pitrs().create(PitrSpec.database(name, db, PitrRange.days(2)));

            Optional<Pitr> found = client.pitrs().get(name);
            assertThat(found).isPresent();
            assertThat(found.get().database()).isEqualTo(db);
            assertThat(found.get().range()).isEqualTo(PitrRange.days(2));
            client.pitrs().alter(name, PitrRange.hours(5));
            assertThat(client.pitrs().get(name).orElseThrow().range()).isEqualTo(PitrRange.hours(5));
            assertThat(client.pitrs().list()).extracting(Pitr::name).contains(name);

            client.pitrs().drop(name);
            assertThat(client.pitrs().get(name)).isEmpty();
        }
    }

    @Test
    void flushesAndCheckpointsThroughMoCtlAndReportsTheVersion(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 1);
            MoCtlResult flush = client.moCtl().flush(db, "t");
            assertThat(flush.isOk()).isTrue();
            assertThat(flush.method()).isEqualTo("Flush");
            assertThat(client.moCtl().checkpoint().isOk()).isTrue();

            assertThat(client.version().serverVersion().semantic()).isEqualTo(mo.version());
            assertThat(client.version().info().version()).isEqualTo(client.serverVersion());
        }
    }

    @Test
    void aSnapshotRequestedInATransactionIsTakenAtCommitAndACloneOfItIsQueuedBehindIt(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 2);
            String sp = Clients.unique("sp");
            String copy = Clients.unique("copy");

            AfterCommit<Snapshot> snapshot = client.transaction(tx -> {
                tx.execute("INSERT INTO " + db + ".t VALUES (3, 'in tx')");
                AfterCommit<Snapshot> s = tx.snapshots().create(SnapshotSpec.database(sp, db));
                AfterCommit<Void> clone = tx.clones().database(CloneSpec.database(copy, db).fromSnapshot(sp));
                assertThat(s.isPending()).isTrue();
                assertThat(clone.isPending()).isTrue(); // it reads a snapshot that does not exist yet
                assertThatThrownBy(s::get).isInstanceOf(IllegalStateException.class);
                assertThat(tx.snapshots().exists(sp)).isFalse();
                return s;
            });

            assertThat(snapshot.get().name()).isEqualTo(sp);
            assertThat(count(client, copy)).isEqualTo(3); // the snapshot holds the transaction's own row
        }
    }

    @Test
    void nothingQueuedRunsWhenTheTransactionRollsBack(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 1);
            String sp = Clients.unique("sp");
            String pitr = Clients.unique("pitr");
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                tx.snapshots().create(SnapshotSpec.database(sp, db));
                tx.pitrs().create(PitrSpec.database(pitr, db, PitrRange.days(1)));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            assertThat(client.snapshots().exists(sp)).isFalse();
            assertThat(client.pitrs().get(pitr)).isEmpty();
            assertThat(mo.statements().containsSql("CREATE SNAPSHOT `" + sp + "`")).isFalse();
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void aFailingQueuedStepUndoesTheSnapshotTakenBeforeIt(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String db = database(client, 1);
            String sp = Clients.unique("sp");
            String pitr = Clients.unique("pitr");
            mo.faults().failNext("CREATE PITR", 20101, "internal error: injected");

            assertThatThrownBy(() -> client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + db + ".t VALUES (2, 'kept')");
                tx.snapshots().create(SnapshotSpec.database(sp, db));
                tx.pitrs().create(PitrSpec.database(pitr, db, PitrRange.days(1)));
            })).isInstanceOf(AfterCommitStepException.class)
                    .hasMessageContaining("committed").hasMessageContaining("step 2 of 2");

            assertThat(count(client, db)).isEqualTo(2); // the data stays committed
            assertThat(client.snapshots().exists(sp)).isFalse(); // step 1 was undone
        }
    }

    @Test
    void rawSnapshotSqlInATransactionIsRefusedBeforeItIsSent(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String sp = Clients.unique("sp");
            assertThatThrownBy(() -> client.inTransaction(tx -> tx.execute("CREATE SNAPSHOT " + sp + " FOR ACCOUNT")))
                    .isInstanceOf(NotAllowedInTransactionException.class);
            assertThat(mo.statements().containsSql(sp)).isFalse();
        }
    }

    @Test
    void hostileNamesNeverReachTheServer(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            List<String> hostile = List.of("a`b", "x'; DROP DATABASE test; --", "a\"b", "nul\0x", "tab\tname",
                    "esc\u001b", "x".repeat(65), "back\\slash");
            mo.statements().clear();
            for (String name : hostile) {
                assertThatThrownBy(() -> client.snapshots().create(SnapshotSpec.database(name, "test")))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.snapshots().create(SnapshotSpec.database("ok", name)))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.clones().database(CloneSpec.database(name, "test")))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(mo.statements().sqls()).isEmpty();

            // names that are odd but legal reach the server quoted, as one identifier
            String odd = "odd;--name/*x*/";
            client.clones().database(CloneSpec.database(odd, database(client, 1)));
            assertThat(client.query("SELECT COUNT(*) FROM `" + odd + "`.t").scalarLong()).isEqualTo(1);
            assertThat(mo.statements().sqls()).anyMatch(sql -> sql.startsWith("CREATE DATABASE `" + odd + "` CLONE "));
            client.execute("DROP DATABASE `" + odd + "`");
        }
    }
}
