package io.matrixone.async;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.matrixone.core.error.FeatureDisabledException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.ObjectNotFoundException;
import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.model.IvfIndexStats;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.result.Row;
import io.matrixone.core.search.BooleanQuery;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.Filter;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.core.search.HybridQuery;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vector and full-text search over the wire on the async client: results checked against distances computed here,
 * and the server shown to receive the query vector and query text as bound parameters of prepared statements.
 */
@ExtendWith(EmulatorExtension.class)
class AsyncVectorSearchIT {
    private static final int ROWS = 40;
    private static final int DIM = 8;
    private static final String[] TOPICS = {"database", "garden", "music", "travel"};
    private static String db;
    private static final List<float[]> VECTORS = new ArrayList<>();

    record Hit(long id, String topic, double distance) {
    }

    record Stored(long id, float[] emb) {
    }

    /** A fixed pseudo-random vector per row (a linear congruential generator), so runs are repeatable. */
    private static float[] vector(long seed) {
        float[] v = new float[DIM];
        long x = seed * 2654435761L + 1;
        for (int i = 0; i < DIM; i++) {
            x = (x * 6364136223846793005L + 1442695040888963407L);
            v[i] = ((x >>> 40) % 2000) / 1000f - 1f;
        }
        return v;
    }

    private static String topic(int id) {
        return TOPICS[id % TOPICS.length];
    }

    @BeforeAll
    static void rows(Emulator mo) {
        db = "avec_" + Long.toHexString(System.nanoTime());
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            await(client.execute("CREATE DATABASE " + db));
            await(client.execute("CREATE TABLE " + db + ".items (id BIGINT PRIMARY KEY, topic VARCHAR(20), "
                    + "note TEXT, emb vecf32(" + DIM + "))"));
            for (int id = 1; id <= ROWS; id++) {
                float[] v = vector(id);
                VECTORS.add(v);
                await(client.execute("INSERT INTO " + db + ".items VALUES (?, ?, ?, ?)", id, topic(id),
                        "notes about " + topic(id) + (id % 3 == 0 ? " and search engines" : ""), v));
            }
            await(client.indexes().create(FulltextIndexSpec.of("ft_note", "items", "note").database(db)));
        }
    }

    @AfterAll
    static void drop(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            await(client.execute("DROP DATABASE IF EXISTS " + db));
        }
    }

    private static AsyncMatrixOneClient client(Emulator mo) {
        return Clients.client(mo, o -> o.database(db));
    }

    private static List<Long> nearestHere(DistanceMetric metric, float[] q, int k) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            ids.add((long) i + 1);
        }
        ids.sort(Comparator.comparingDouble(id -> metric.between(VECTORS.get((int) (id - 1)), q)));
        return ids.subList(0, k);
    }

    @Test
    void vectorsRoundTripAndWrongDimensionsAreRefused(Emulator mo) {
        AsyncMatrixOneClient client = client(mo);
        try (var closing = Closing.of(client)) {
            Row row = await(client.query("SELECT id, emb FROM items WHERE id = 7")).one();
            assertThat(row.getFloatArray("emb")).containsExactly(VECTORS.get(6));
            Stored s = await(client.query("SELECT id, emb FROM items WHERE id = 8"))
                    .one(io.matrixone.core.result.RowMapper.toRecord(Stored.class));
            assertThat(s.emb()).containsExactly(VECTORS.get(7));
            Throwable wrong = failure(client.execute("INSERT INTO items (id, emb) VALUES (?, ?)", 999, new float[] {1, 2}));
            assertThat(wrong).isInstanceOf(MatrixOneException.class)
                    .hasMessageContaining("expected vector dimension " + DIM + " != actual dimension 2");
        }
    }

    @Test
    void nearestRowsByEveryMetricWithTheVectorBound(Emulator mo) {
        AsyncMatrixOneClient client = client(mo);
        try (var closing = Closing.of(client)) {
            float[] q = vector(1000);
            for (DistanceMetric metric : DistanceMetric.values()) {
                List<Hit> hits = await(client.search().nearest(VectorQuery.of("items", "emb", q).metric(metric)
                        .select("id", "topic").limit(5), Hit.class));
                assertThat(hits).extracting(Hit::id).as(metric.name()).containsExactlyElementsOf(nearestHere(metric, q, 5));
                for (Hit h : hits) {
                    assertThat(h.distance()).isCloseTo(metric.between(VECTORS.get((int) h.id() - 1), q), within(1e-5));
                }
            }
            List<Hit> filtered = await(client.search().nearest(VectorQuery.of("items", "emb", q).select("id", "topic")
                    .filter(Filter.in("topic", "music", "travel")).maxDistance(10).limit(ROWS), Hit.class));
            assertThat(filtered).isNotEmpty().allSatisfy(h -> assertThat(h.topic()).isIn("music", "travel"));
            assertThat(filtered).hasSize(ROWS / 2);
            assertThat(filtered).extracting(Hit::distance).isSorted();
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.matching(e -> e.kind() == StatementLog.Kind.PREPARE))
                    .extracting(StatementLog.Entry::sql)
                    .contains("SELECT `id`, `topic`, l2_distance(`emb`, ?) AS `distance` FROM `items` ORDER BY "
                            + "`distance` ASC LIMIT 5")
                    .noneMatch(sql -> sql.contains("distance(`emb`, '[")));
        }
    }

    @Test
    void fulltextAndHybridSearchBindTheText(Emulator mo) {
        AsyncMatrixOneClient client = client(mo);
        try (var closing = Closing.of(client)) {
            List<Row> phrase = await(client.search().fulltext(FulltextQuery.of("items", List.of("note"),
                    "search engines").select("id").limit(ROWS), Row.class));
            assertThat(phrase).extracting(r -> r.getLong("id")).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, ROWS).filter(id -> id % 3 == 0).boxed().toList());
            List<Row> musicOnly = await(client.search().fulltext(FulltextQuery.of("items", List.of("note"),
                    BooleanQuery.create().must("music").mustNot("engines")).select("id", "topic"), Row.class));
            assertThat(musicOnly).isNotEmpty().allSatisfy(r -> {
                assertThat(r.getString("topic")).isEqualTo("music");
                assertThat(r.getLong("id") % 3).isNotZero();
                assertThat(r.getDouble("score")).isPositive();
            });

            float[] q = vector(2000);
            List<Row> fused = await(client.search().hybrid(HybridQuery.of(
                    VectorQuery.of("items", "emb", q).select("id", "topic").limit(5),
                    FulltextQuery.of("items", List.of("note"), "engines").select("id", "topic").limit(5), "id")
                    .limit(4), Row.class));
            assertThat(fused).hasSize(4);
            assertThat(fused).extracting(r -> r.getDouble("hybrid_score")).isSortedAccordingTo(Comparator.reverseOrder());
            List<Long> vectorSide = nearestHere(DistanceMetric.L2, q, 5);
            assertThat(fused).extracting(r -> r.getLong("id")).contains(vectorSide.get(0));
            assertThat(fused).anyMatch(r -> r.get("score") != null);
            for (Row r : fused) {
                assertThat(r.get("distance") != null).isEqualTo(vectorSide.contains(r.getLong("id")));
                if (r.get("score") != null) { // only notes about search engines match the text side
                    assertThat(r.getLong("id") % 3).isZero();
                }
            }
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.matching(e -> e.kind() == StatementLog.Kind.PREPARE))
                    .extracting(StatementLog.Entry::sql)
                    .anyMatch(sql -> sql.contains("MATCH(`note`) AGAINST(? IN BOOLEAN MODE) AS `score`"))
                    .noneMatch(sql -> sql.contains("AGAINST('")));
        }
    }

    /** A table of its own for index DDL: the items' ids and vectors. */
    private static void copyItems(AsyncMatrixOneClient client, String table) {
        await(client.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, emb vecf32(" + DIM + "))"));
        await(client.execute("INSERT INTO " + table + " SELECT id, emb FROM items"));
    }

    @Test
    void indexesWithTheSwitchFromSessionVariables(Emulator mo) {
        String table = "vt_" + Long.toHexString(System.nanoTime());
        AsyncMatrixOneClient client = client(mo);
        try (var closing = Closing.of(client)) {
            copyItems(client, table);
            VectorIndexSpec hnsw = VectorIndexSpec.hnsw("h_emb", table, "emb").m(8).metric(DistanceMetric.COSINE);
            Throwable off = failure(client.indexes().create(hnsw));
            assertThat(off).isInstanceOf(FeatureDisabledException.class);
            assertThat(((FeatureDisabledException) off).variable()).isEqualTo("experimental_hnsw_index");

            await(client.indexes().create(VectorIndexSpec.ivfFlat("i_emb", table, "emb").lists(4)));
            assertThat(await(client.indexes().list(null, table))).filteredOn(IndexInfo::isVector)
                    .singleElement().satisfies(i -> {
                        assertThat(i.algorithm()).isEqualTo("ivfflat");
                        assertThat(i.intParam("lists")).contains(4);
                    });
            await(client.indexes().drop(null, table, "i_emb"));
        }
        AsyncMatrixOneClient enabled = Clients.client(mo, o -> o.database(db)
                .sessionVariables(Map.of("experimental_hnsw_index", 1)));
        try (var closing = Closing.of(enabled)) {
            await(enabled.indexes().create(VectorIndexSpec.hnsw("h_emb", table, "emb").m(8).metric(DistanceMetric.COSINE)));
            IndexInfo h = await(enabled.indexes().list(null, table)).stream().filter(IndexInfo::isVector).findFirst()
                    .orElseThrow();
            assertThat(h.metric()).contains(DistanceMetric.COSINE);
            float[] q = vector(3000);
            assertThat(await(enabled.search().nearest(VectorQuery.of(table, "emb", q).metric(DistanceMetric.COSINE)
                    .select("id").limit(3), Row.class))).extracting(r -> r.getLong("id")).hasSize(3)
                    .containsAnyElementsOf(nearestHere(DistanceMetric.COSINE, q, 3));
            await(enabled.execute("DROP TABLE " + table));
        }
    }

    @Test
    void ivfStatsCountTheRowsOfEachListAlsoInATransaction(Emulator mo) {
        String table = "vs_" + Long.toHexString(System.nanoTime());
        AsyncMatrixOneClient client = client(mo);
        try (var closing = Closing.of(client)) {
            copyItems(client, table);
            await(client.indexes().create(VectorIndexSpec.ivfFlat("i_stats", table, "emb").lists(4)));
            IvfIndexStats stats = await(client.indexes().ivfStats(db, table, "emb"));
            assertThat(stats.clustered()).isTrue();
            assertThat(stats.version()).isZero();
            assertThat(stats.lists()).isEqualTo(4);
            assertThat(stats.buckets()).extracting(IvfIndexStats.Bucket::centroidId).containsExactly(0L, 1L, 2L, 3L);
            assertThat(stats.totalRows()).isEqualTo(ROWS);
            long inTx = await(client.transaction(tx -> tx.execute("DELETE FROM " + table + " WHERE id <= 10")
                    .thenCompose(r -> tx.indexes().ivfStats(null, table, "emb")).thenApply(IvfIndexStats::totalRows)));
            assertThat(inTx).isEqualTo(ROWS - 10);
            assertThat(failure(client.indexes().ivfStats(db, "items", "emb"))).isInstanceOf(ObjectNotFoundException.class)
                    .hasMessageContaining("has no IVF-flat index on column emb");
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls()).anyMatch(q -> q.contains(
                    "FROM `mo_catalog`.`mo_indexes` AS i JOIN `mo_catalog`.`mo_tables` AS t ON i.`table_id` = t.`rel_id` "
                            + "WHERE t.`reldatabase` = ? AND t.`relname` = ? AND i.`column_name` = ?")));
            await(client.execute("DROP TABLE " + table));
        }
    }

    @Test
    void searchInATransactionSeesItsOwnRows(Emulator mo) {
        AsyncMatrixOneClient client = client(mo);
        try (var closing = Closing.of(client)) {
            float[] q = vector(4000);
            List<Hit> hits = await(client.transaction(tx -> tx.execute(
                            "INSERT INTO items (id, topic, emb) VALUES (?, ?, ?)", 500, "new", q)
                    .thenCompose(r -> tx.search().nearest(VectorQuery.of("items", "emb", q).select("id", "topic")
                            .limit(1), Hit.class))
                    .thenCompose(found -> tx.execute("DELETE FROM items WHERE id = 500").thenApply(r -> found))));
            assertThat(hits).extracting(Hit::id).containsExactly(500L);
        }
    }
}
