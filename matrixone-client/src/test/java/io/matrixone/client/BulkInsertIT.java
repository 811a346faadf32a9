package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkProgress;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(EmulatorExtension.class)
class BulkInsertIT {

    /** Values that break naive CSV/TSV writers. */
    private static final List<String> NASTY = Arrays.asList(
            "plain", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash", "ends with backslash\\", "\\N", "\\t literal",
            "'single' \"double\" `back`", "", " leading and trailing ", "unicode: 中文 ñ é ß", "emoji 😀👍🏽", "nul\0char",
            "ctrl-z\u001a", null, "comma,separated;semi", "\\\\double\\\\");

    private static String table(MatrixOneClient client) {
        String t = Clients.unique("bulk");
        client.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY, name VARCHAR(200), email VARCHAR(200) UNIQUE, "
                + "amount DECIMAL(12,3), born DATE, seen DATETIME(6), flag BOOLEAN) DEFAULT CHARSET utf8mb4");
        return t;
    }

    private static List<Object[]> nastyRows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i++) {
            rows.add(new Object[] {(long) i, NASTY.get(i), i % 5 == 0 ? null : "user" + i + "@example.com",
                    i % 3 == 0 ? null : new BigDecimal("-12345.678").add(BigDecimal.valueOf(i)),
                    LocalDate.of(2000, 1, 1).plusDays(i), LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000),
                    i % 2 == 0});
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(value = BulkMethod.class, names = {"LOAD_DATA", "STAGED", "INSERT"})
    void valuesSurviveTheRoundTrip(BulkMethod method, Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = table(client);
            List<Object[]> rows = nastyRows();
            BulkResult r = client.bulkInsert(BulkInsert.into(mo.database(), t)
                    .columns("id", "name", "email", "amount", "born", "seen", "flag").rows(rows).method(method).batchSize(7));
            assertThat(r.method()).isEqualTo(method);
            assertThat(r.rows()).isEqualTo(rows.size());
            // STAGED: the LOAD DATA statements into the stage and the INSERT ... SELECT from it
            assertThat(r.batches()).isEqualTo((rows.size() + 6) / 7 + (method == BulkMethod.STAGED ? 1 : 0));
            Result back = client.query("SELECT id, name, email, amount, born, seen, flag FROM " + t + " ORDER BY id");
            assertThat(back.size()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] expected = rows.get(i);
                var row = back.rows().get(i);
                assertThat(row.getLong(0)).isEqualTo(expected[0]);
                assertThat(row.getString(1)).as("name of row %d", i).isEqualTo(expected[1]);
                assertThat(row.getString(2)).isEqualTo(expected[2]);
                assertThat(row.get(3, BigDecimal.class)).isEqualTo(expected[3] == null ? null : ((BigDecimal) expected[3]).setScale(3));
                assertThat(row.get(4, LocalDate.class)).isEqualTo(expected[4]);
                assertThat(row.get(5, LocalDateTime.class)).isEqualTo(expected[5]);
                assertThat(row.getBoolean(6)).isEqualTo(expected[6]);
            }
        }
    }

    @Test
    void countsAndReportsProgressMonotonicallyWithAFinalReport(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = table(client);
            int n = 50_000;
            List<BulkProgress> reports = new ArrayList<>();
            BulkResult r = client.bulkInsert(BulkInsert.into(t).columns("id", "name", "email")
                    .rows(IntStream.range(0, n).mapToObj(i -> List.of(i, "name " + i, "u" + i + "@example.com")))
                    .batchSize(7_000).method(BulkMethod.LOAD_DATA).onProgress(reports::add));
            assertThat(r.method()).isEqualTo(BulkMethod.LOAD_DATA);
            assertThat(r.rows()).isEqualTo(n);
            assertThat(r.batches()).isEqualTo(8);
            assertThat(client.query("SELECT COUNT(*), COUNT(DISTINCT email) FROM " + t).rows().get(0).getLong(1)).isEqualTo(n);
            assertThat(reports).hasSize(9);
            for (int i = 1; i < reports.size(); i++) {
                assertThat(reports.get(i).rows()).isGreaterThanOrEqualTo(reports.get(i - 1).rows());
                assertThat(reports.get(i).batches()).isGreaterThanOrEqualTo(reports.get(i - 1).batches());
                assertThat(reports.get(i).elapsed()).isGreaterThanOrEqualTo(reports.get(i - 1).elapsed());
            }
            assertThat(reports.subList(0, 8)).noneMatch(BulkProgress::done).extracting(BulkProgress::rows)
                    .containsExactly(7_000L, 14_000L, 21_000L, 28_000L, 35_000L, 42_000L, 49_000L, 50_000L);
            BulkProgress last = reports.get(8);
            assertThat(last.done()).isTrue();
            assertThat(last.rows()).isEqualTo(n);
            assertThat(last.batches()).isEqualTo(8);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = BulkMethod.class, names = {"AUTO", "STAGED", "LOAD_DATA"})
    void insideATransactionARollbackUndoesEverything(BulkMethod method, Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = table(client);
            try (Transaction tx = client.begin()) {
                tx.bulkInsert(BulkInsert.into(t).columns("id", "name").rows(List.of(List.of(1, "a"), List.of(2, "b")))
                        .method(method));
                assertThat(tx.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2);
                tx.rollback();
            }
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isZero();
            long n = client.transaction(tx -> {
                tx.execute("INSERT INTO " + t + " (id, name) VALUES (?, ?)", 0, "first");
                return tx.bulkInsert(BulkInsert.into(t).columns("id", "name")
                        .rows(Stream.of(List.of(1, "a"), List.of(2, "b"))).method(method)).rows();
            });
            assertThat(n).isEqualTo(2);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BulkMethod.class, names = {"AUTO", "STAGED"})
    void aBadRowFailsTheWholeInsertAndTheConnectionStaysUsable(BulkMethod method, Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.maxPoolSize(1))) {
            String t = table(client);
            Stream<List<Object>> rows = IntStream.range(0, 1_000)
                    .mapToObj(i -> List.of(i, i == 700 ? (Object) new StringBuilder("not a value") : "n" + i));
            assertThatThrownBy(() -> client.bulkInsert(BulkInsert.into(t).columns("id", "name").rows(rows).batchSize(300)
                    .method(method))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isZero();
            // a duplicate key: the server's error, all or nothing
            assertThatThrownBy(() -> client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                    .rows(List.of(List.of(1, "a"), List.of(1, "b"))).method(method)))
                    .isInstanceOf(MatrixOneException.class);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isZero();
            assertThat(client.poolStats().active()).isZero();
        }
    }

    /**
     * A server that answers a statement with "send me /etc/passwd" (what a malicious server does) gets nothing:
     * MariaDB asks for exactly the file a LOAD DATA LOCAL statement names, so sending one that names /etc/passwd
     * makes a real server issue that request, and the driver's answer does not depend on which statement it sent.
     * Checked on a fresh connection and on one that just ran a bulk LOAD DATA (the hook is gone afterwards).
     */
    @Test
    void theServerCannotReadClientFiles(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.maxPoolSize(1))) {
            String t = Clients.unique("leak");
            client.execute("CREATE TABLE " + t + " (line TEXT)");
            String attack = "LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE " + t;
            assertThatThrownBy(() -> client.execute(attack)).isInstanceOf(MatrixOneException.class);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isZero();

            client.bulkInsert(BulkInsert.into(t).columns("line").rows(List.of(List.of("ours"))));
            assertThatThrownBy(() -> client.execute(attack)).isInstanceOf(MatrixOneException.class);
            assertThatThrownBy(() -> client.transaction(tx -> tx.execute(attack))).isInstanceOf(MatrixOneException.class);
            assertThat(client.query("SELECT line FROM " + t).rows()).extracting(r -> r.getString(0)).containsExactly("ours");
        }
    }

    @Test
    void autoOnMatrixOneInsertsUpToAThousandRowsAndStagesMore(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.maxPoolSize(1))) {
            String t = table(client);
            mo.statements().clear();
            BulkResult small = client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                    .rows(IntStream.range(0, BulkMethod.AUTO_INSERT_MAX_ROWS).mapToObj(i -> List.of(i, "n" + i))));
            assertThat(small.method()).isEqualTo(BulkMethod.INSERT);
            assertThat(small.rows()).isEqualTo(BulkMethod.AUTO_INSERT_MAX_ROWS);
            assertThat(mo.statements().sqls()).noneMatch(sql -> sql.startsWith("CREATE TEMPORARY") || sql.startsWith("LOAD"));

            mo.statements().clear();
            int n = BulkMethod.AUTO_INSERT_MAX_ROWS + 1;
            BulkResult r = client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                    .rows(IntStream.range(0, n).mapToObj(i -> List.of(10_000 + i, "n" + i))));
            assertThat(r.method()).isEqualTo(BulkMethod.STAGED);
            assertThat(r.rows()).isEqualTo(n);
            List<String> sent = mo.statements().sqls();
            String stage = stageName(sent);
            assertThat(sent).containsSubsequence(
                    "BEGIN",
                    "CREATE TEMPORARY TABLE `" + stage + "` AS SELECT `id`, `name` FROM `" + t + "` WHERE 1 = 0",
                    "LOAD DATA LOCAL INFILE 'matrixone-sdk-bulk-stream' INTO TABLE `" + stage + "` CHARACTER SET utf8mb4 "
                            + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (`id`, `name`)",
                    "INSERT INTO `" + t + "` (`id`, `name`) SELECT `id`, `name` FROM `" + stage + "`",
                    "DROP TEMPORARY TABLE IF EXISTS `" + stage + "`",
                    "COMMIT");
            assertThat(sent).noneMatch(sql -> sql.startsWith("LOAD DATA") && sql.contains("`" + t + "`"));
            assertThat(client.query("SELECT COUNT(*), MIN(id), MAX(id) FROM " + t + " WHERE id >= 10000").rows().get(0))
                    .satisfies(row -> {
                        assertThat(row.getLong(0)).isEqualTo(n);
                        assertThat(row.getLong(1)).isEqualTo(10_000);
                        assertThat(row.getLong(2)).isEqualTo(10_000 + n - 1);
                    });
        }
    }

    /**
     * MatrixOne 4.2.0 refuses CREATE TEMPORARY TABLE to a user who may only INSERT (20101 "do not have privilege",
     * checked on the server): AUTO then inserts; STAGED, asked for, fails with the server's error.
     */
    @Test
    void autoInsertsWhenTheStageCannotBeMade(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.maxPoolSize(1))) {
            String t = table(client);
            int n = BulkMethod.AUTO_INSERT_MAX_ROWS + 1;
            String denied = "internal error: do not have privilege to execute the statement";
            mo.faults().failNext("^CREATE TEMPORARY TABLE", 20101, denied);
            BulkResult r = client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                    .rows(IntStream.range(0, n).mapToObj(i -> List.of(i, "n" + i))));
            assertThat(r.method()).isEqualTo(BulkMethod.INSERT);
            assertThat(r.rows()).isEqualTo(n);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(n);

            // allowed to make the stage, not to load into it (what 4.2.0 did with CREATE TABLE granted but not more)
            mo.faults().failNext("^LOAD DATA", 20101, denied);
            mo.statements().clear();
            r = client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                    .rows(IntStream.range(n, 2 * n).mapToObj(i -> List.of(i, "n" + i))));
            assertThat(r.method()).isEqualTo(BulkMethod.INSERT);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2 * n);
            String stage = stageName(mo.statements().sqls());
            assertThat(mo.statements().sqls()).contains("DROP TEMPORARY TABLE IF EXISTS `" + stage + "`");

            mo.faults().failNext("^CREATE TEMPORARY TABLE", 20101, denied);
            assertThatThrownBy(() -> client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                    .rows(List.of(List.of(3 * n, "x"))).method(BulkMethod.STAGED)))
                    .isInstanceOf(MatrixOneException.class).hasMessageContaining("do not have privilege");
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2 * n);
        }
    }

    /** Where the server keeps a statement log (the emulator), also that the stage is dropped after the failure. */
    @Test
    void aStagedInsertRefusesDuplicatesAsAWhole(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.maxPoolSize(1))) {
            String t = table(client);
            client.bulkInsert(BulkInsert.into(t).columns("id", "name").rows(List.of(List.of(1, "a"), List.of(2, "b"))));
            // a duplicate of a stored key, and a duplicate within the rows: nothing is inserted
            for (List<List<Object>> rows : List.of(List.<List<Object>>of(List.of(3, "c"), List.of(1, "again")),
                    List.<List<Object>>of(List.of(4, "d"), List.of(5, "e"), List.of(4, "d again")))) {
                mo.statementsIfRecorded().ifPresent(log -> log.clear());
                assertThatThrownBy(() -> client.bulkInsert(BulkInsert.into(t).columns("id", "name").rows(rows)
                        .method(BulkMethod.STAGED))).isInstanceOf(DuplicateKeyException.class);
                if (mo.statementsIfRecorded().isPresent()) {
                    String failedStage = stageName(mo.statements().sqls());
                    assertThat(mo.statements().sqls()).contains("DROP TEMPORARY TABLE IF EXISTS `" + failedStage + "`");
                    assertThatThrownBy(() -> client.query("SELECT COUNT(*) FROM " + failedStage))
                            .isInstanceOf(MatrixOneException.class);
                }
            }
            assertThat(client.query("SELECT id FROM " + t + " ORDER BY id").rows()).extracting(row -> row.getLong(0))
                    .containsExactly(1L, 2L);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void aStagedInsertChecksTheTargetsConstraintsAndTakesItsDefaults(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.unique("bulk");
            client.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20) NOT NULL, "
                    + "note VARCHAR(20) DEFAULT 'none')");
            client.bulkInsert(BulkInsert.into(t).columns("name").rows(List.of(List.of("a"), List.of("b")))
                    .method(BulkMethod.STAGED));
            assertThat(client.query("SELECT id, name, note FROM " + t + " ORDER BY id").rows())
                    .extracting(row -> row.getLong(0) + " " + row.getString(1) + " " + row.getString(2))
                    .containsExactly("1 a none", "2 b none");
            assertThatThrownBy(() -> client.bulkInsert(BulkInsert.into(t).columns("name")
                    .rows(Arrays.asList(List.of("c"), Arrays.asList((Object) null))).method(BulkMethod.STAGED)))
                    .isInstanceOf(MatrixOneException.class);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2);
        }
    }

    private static String stageName(List<String> sent) {
        return sent.stream().filter(sql -> sql.startsWith("CREATE TEMPORARY TABLE `mo_sdk_stage_")).findFirst()
                .map(sql -> sql.substring("CREATE TEMPORARY TABLE `".length(), sql.indexOf('`', "CREATE TEMPORARY TABLE `".length())))
                .orElseThrow(() -> new AssertionError("no stage created: " + sent));
    }

    @Test
    void autoFallsBackToInsertWhenTheServerRefusesLocalFiles(Emulator mo) throws Exception {
        // a MySQL version pinned: there AUTO means LOAD DATA first
        try (MatrixOneClient client = Clients.client(mo, b -> b.serverVersion("8.0.36"));
             Connection admin = Clients.backend(mo)) {
            String t = table(client);
            admin.createStatement().execute("SET GLOBAL local_infile = 0");
            try {
                BulkResult r = client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                        .rows(List.of(List.of(1, "a"), List.of(2, "b"))));
                assertThat(r.method()).isEqualTo(BulkMethod.INSERT);
                assertThat(r.rows()).isEqualTo(2);
                assertThatThrownBy(() -> client.bulkInsert(BulkInsert.into(t).columns("id", "name")
                        .rows(List.of(List.of(3, "c"))).method(BulkMethod.LOAD_DATA))).isInstanceOf(MatrixOneException.class);
                // on MatrixOne, AUTO would stage these: the stage is made, the load refused, the stage dropped
                try (MatrixOneClient onMo = Clients.client(mo, o -> o.maxPoolSize(1))) {
                    mo.statements().clear();
                    BulkResult staged = onMo.bulkInsert(BulkInsert.into(t).columns("id", "name").rows(IntStream
                            .range(10, 10 + BulkMethod.AUTO_INSERT_MAX_ROWS + 1).mapToObj(i -> List.of(i, "n" + i))));
                    assertThat(staged.method()).isEqualTo(BulkMethod.INSERT);
                    String stage = stageName(mo.statements().sqls());
                    assertThat(mo.statements().sqls()).contains("DROP TEMPORARY TABLE IF EXISTS `" + stage + "`");
                    assertThat(onMo.query("SELECT COUNT(*) FROM " + t).scalarLong())
                            .isEqualTo(2 + BulkMethod.AUTO_INSERT_MAX_ROWS + 1);
                    onMo.execute("DELETE FROM " + t + " WHERE id >= 10");
                }
            } finally {
                admin.createStatement().execute("SET GLOBAL local_infile = 1");
            }
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2);
        }
    }
}
