package io.matrixone.async;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.StatementNotAllowedException;
import io.matrixone.core.error.UnknownTableException;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.version.ServerVersion;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncClientIT {
    private AsyncMatrixOneClient client;

    record Item(long id, String name, BigDecimal price) {
    }

    enum Color { RED, GREEN }

    /** Ten rows 0..9, to make large results by cross joins. */
    static final String DIGITS = "(SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
            + "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

    @BeforeAll
    void start(Emulator mo) {
        client = Clients.client(mo);
        await(client.execute("DROP TABLE IF EXISTS a_item"));
        await(client.execute("CREATE TABLE a_item (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) UNIQUE, "
                + "price DECIMAL(12,2), made DATE, seen DATETIME, tag VARCHAR(40), color VARCHAR(8), raw VARBINARY(16), ok BOOLEAN)"));
    }

    @AfterAll
    void stop() {
        await(client.close());
    }

    @Test
    void detectsTheEmulatedServerVersion(Emulator mo) {
        ServerVersion v = await(client.serverVersion());
        assertThat(v.isMatrixOne()).isTrue();
        assertThat(v.semantic()).isEqualTo(mo.version());
    }

    @Test
    void executeReturnsAffectedRowsAndGeneratedKey() {
        Result r = await(client.execute("INSERT INTO a_item(name, price) VALUES (?, ?)", "key-" + UUID.randomUUID(),
                new BigDecimal("1.50")));
        assertThat(r.affectedRows()).isEqualTo(1);
        assertThat(r.generatedKey()).isPositive();
    }

    @Test
    void bindsEveryParameterTypeAndMapsRowsToRecords() {
        UUID tag = UUID.randomUUID();
        String name = "types-" + tag;
        await(client.execute("INSERT INTO a_item(name, price, made, seen, tag, color, raw, ok) VALUES (?,?,?,?,?,?,?,?)",
                name, new BigDecimal("12345.67"), LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                tag, Color.GREEN, new byte[]{1, 2, 3}, true));
        Result r = await(client.query("SELECT id, name, price, made, seen, tag, color, raw, ok FROM a_item WHERE name = ?", name));
        var row = r.one();
        assertThat(row.getBigDecimal("price")).isEqualByComparingTo("12345.67");
        assertThat(row.getString("tag")).isEqualTo(tag.toString());
        assertThat(row.getString("color")).isEqualTo("GREEN");
        assertThat((byte[]) row.get("raw")).containsExactly(1, 2, 3);
        assertThat(row.getBoolean("ok")).isTrue();
        assertThat(row.getLocalDateTime("seen")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        Item item = await(client.query("SELECT id, name, price FROM a_item WHERE name = ?", name)).oneAs(Item.class);
        assertThat(item.name()).isEqualTo(name);
        assertThat(item.price()).isEqualByComparingTo("12345.67");
    }

    @Test
    void nullParameterBindsSqlNull() {
        Result r = await(client.query("SELECT ? IS NULL", (Object) null));
        assertThat(r.one().getBoolean(0)).isTrue();
    }

    @Test
    void unsupportedParameterTypeFailsBeforeSending() {
        Throwable e = failure(client.query("SELECT ?", new Object()));
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 1");
    }

    @Test
    void batchInsertsAllRowsWithKeys() {
        String prefix = "batch-" + UUID.randomUUID() + "-";
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(List.of(prefix + i, BigDecimal.valueOf(i)));
        }
        long[] counts = await(client.executeBatch("INSERT INTO a_item(name, price) VALUES (?, ?)", rows));
        assertThat(counts).hasSize(50).containsOnly(1L);
        assertThat(await(client.query("SELECT COUNT(*) FROM a_item WHERE name LIKE ?", prefix + "%")).scalarLong())
                .isEqualTo(50);
    }

    /**
     * A one-row INSERT of placeholders goes as multi-row INSERTs of up to 1,000 rows (Vert.x's own batch is a round
     * trip per row); anything else as Vert.x's batch. A row of the wrong width is refused before anything is sent.
     */
    @Test
    void aBatchOfAnInsertGoesAsMultiRowStatements(Emulator mo) {
        String prefix = "multi-" + UUID.randomUUID() + "-";
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(List.of(prefix + i, BigDecimal.valueOf(i)));
        }
        mo.statementsIfRecorded().ifPresent(log -> log.clear());
        long[] counts = await(client.executeBatch("INSERT INTO a_item(name, price) VALUES (?, ?)", rows));
        assertThat(counts).hasSize(2_500).containsOnly(1L);
        assertThat(await(client.query("SELECT COUNT(*), SUM(price) FROM a_item WHERE name LIKE ?", prefix + "%")).one())
                .satisfies(row -> {
                    assertThat(row.getLong(0)).isEqualTo(2_500);
                    assertThat(row.get(1, BigDecimal.class)).isEqualByComparingTo(BigDecimal.valueOf(2_499L * 2_500 / 2));
                });
        mo.statementsIfRecorded().ifPresent(log -> {
            List<String> inserts = log.all().stream().map(e -> e.sql()).filter(sql -> sql.startsWith("INSERT INTO a_item"))
                    .distinct().toList();
            assertThat(inserts).hasSize(2); // 1,000 rows (twice) and 500 rows
            assertThat(log.all().stream().filter(e -> e.sql().startsWith("INSERT INTO a_item")
                    && e.kind() == io.matrixone.emulator.StatementLog.Kind.EXECUTE)).hasSize(3);
        });

        Throwable wrong = failure(client.executeBatch("INSERT INTO a_item(name, price) VALUES (?, ?)",
                List.of(List.of(prefix + "x", 1), List.of(prefix + "y"))));
        assertThat(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 values");

        // a duplicate in the second statement: the first statement's rows are undone too
        String dupPrefix = "multi-dup-" + UUID.randomUUID() + "-";
        List<List<?>> dup = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            dup.add(List.of(dupPrefix + (i == 1_200 ? 3 : i), BigDecimal.ONE));
        }
        assertThat(failure(client.executeBatch("INSERT INTO a_item(name, price) VALUES (?, ?)", dup)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(await(client.query("SELECT COUNT(*) FROM a_item WHERE name LIKE ?", dupPrefix + "%")).scalarLong())
                .isZero();

        // an UPDATE batch keeps one statement per row
        long[] updated = await(client.executeBatch("UPDATE a_item SET price = ? WHERE name = ?",
                List.of(List.of(7, prefix + 1), List.of(8, prefix + 2), List.of(9, prefix + "none"))));
        assertThat(updated).containsExactly(1, 1, 0);
    }

    @Test
    void batchIsAllOrNothing() {
        String prefix = "batch-dup-" + UUID.randomUUID() + "-";
        List<List<?>> rows = List.of(List.of(prefix + 1, 1), List.of(prefix + 2, 2), List.of(prefix + 1, 3));
        Throwable e = failure(client.executeBatch("INSERT INTO a_item(name, price) VALUES (?, ?)", rows));
        assertThat(e).isInstanceOf(DuplicateKeyException.class);
        assertThat(await(client.query("SELECT COUNT(*) FROM a_item WHERE name LIKE ?", prefix + "%")).scalarLong())
                .isZero();
    }

    @Test
    void streamsRowsOneByOneWithoutMaterialising() {
        AtomicLong sum = new AtomicLong();
        long n = await(client.stream("SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n FROM " + DIGITS + " a, "
                + DIGITS + " b, " + DIGITS + " c, " + DIGITS + " d, " + DIGITS + " e", List.of(),
                row -> sum.addAndGet(row.getLong(0))));
        assertThat(n).isEqualTo(100_000);
        assertThat(sum.get()).isEqualTo(99_999L * 100_000 / 2);
    }

    @Test
    void streamedRowsAreViewsValidDuringTheCallbackAndDetachedCopiesAreKept() {
        String sql = "SELECT a.n + 10 * b.n + 1 AS seq, CONCAT('n', a.n + 10 * b.n + 1) AS name, "
                + "CAST(a.n + 10 * b.n + 1 AS DECIMAL(10, 2)) / 4 AS quarter, CAST(NULL AS SIGNED) AS nothing FROM "
                + DIGITS + " a, " + DIGITS + " b ORDER BY seq";
        List<Row> detached = await(client.query(sql)).rows();
        List<Row> kept = new ArrayList<>();
        List<Row> views = new ArrayList<>();
        long n = await(client.stream(sql, List.of(), row -> {
            Row same = detached.get((int) (row.getLong(0) - 1));
            assertThat(row.getLong("seq")).isEqualTo(same.getLong("seq"));
            assertThat(row.getString("name")).isEqualTo(same.getString("name"));
            assertThat(row.getBigDecimal("quarter")).isEqualByComparingTo(same.getBigDecimal("quarter"));
            assertThat(row.getLong("nothing")).isNull();
            assertThat(row).isEqualTo(same);
            kept.add(row.detach());
            views.add(row);
        }));
        assertThat(n).isEqualTo(100);
        assertThat(kept).isEqualTo(detached);
        assertThatThrownBy(() -> views.get(0).getLong(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("detach");
        assertThatThrownBy(() -> views.get(99).getString(1)).as("the last row, after the stream ended")
                .isInstanceOf(IllegalStateException.class);
        List<Row> inTx = new ArrayList<>();
        await(client.transaction(tx -> tx.stream(sql, null, row -> inTx.add(row.detach()))));
        assertThat(inTx).isEqualTo(detached);
    }

    @Test
    void collectsRowsWithACollector() {
        // a UNION has no order of its own (MatrixOne runs its branches in parallel): ask for one
        String joined = await(client.collect("SELECT x FROM (SELECT ? AS x UNION ALL SELECT ?) u ORDER BY x", List.of("b", "a"),
                Collectors.mapping(row -> row.getString(0), Collectors.joining(","))));
        assertThat(joined).isEqualTo("a,b");
    }

    @Test
    void streamFailsWithTheConsumersException() {
        Throwable e = failure(client.stream("SELECT 1 UNION ALL SELECT 2", List.of(), row -> {
            throw new IllegalStateException("consumer broke");
        }));
        assertThat(e).hasMessage("consumer broke");
    }

    @Test
    void serverErrorsAreClassifiedByErrorNumber() {
        Throwable e = failure(client.query("SELECT * FROM no_such_table_here"));
        assertThat(e).isInstanceOf(UnknownTableException.class);
    }

    @Test
    void rawSetIsRefusedAtClientLevel(Emulator mo) {
        mo.statements().clear();
        Throwable e = failure(client.execute("SET @x = 1"));
        assertThat(e).isInstanceOf(StatementNotAllowedException.class).hasMessageContaining("random pooled connection");
        Throwable b = failure(client.execute("BEGIN"));
        assertThat(b).isInstanceOf(StatementNotAllowedException.class);
        assertThat(mo.statements().containsSql("SET @x")).isFalse();
    }

    @Test
    void sendsNoSessionSetupOrResetStatements(Emulator mo) {
        mo.statements().clear();
        AsyncMatrixOneClient fresh = Clients.client(mo);
        try (var closing = Closing.of(fresh)) {
            await(fresh.query("SELECT 1"));
            await(fresh.transaction(tx -> tx.query("SELECT 2")));
            await(fresh.transaction(tx -> tx.query("SELECT 3")));
        }
        assertThat(mo.statements().sqls()).noneMatch(sql -> sql.regionMatches(true, 0, "SET", 0, 3))
                .noneMatch(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("RESET"));
    }

    @Test
    void runsOperations() {
        Operation<Long> count = Operation.of(Statement.of("SELECT COUNT(*) FROM a_item WHERE id > ?", 0), Result::scalarLong);
        Operation<String> chained = count.then(n -> Operation.of(Statement.of("SELECT CONCAT('n=', ?)", n),
                r -> r.one().getString(0)));
        assertThat(await(client.run(chained))).startsWith("n=");
    }
}
