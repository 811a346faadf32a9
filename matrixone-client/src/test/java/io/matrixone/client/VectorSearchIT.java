package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.matrixone.core.error.FeatureDisabledException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.ObjectNotFoundException;
import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.model.FulltextParser;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.model.IvfIndexStats;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.result.Row;
import io.matrixone.core.search.BooleanQuery;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.Filter;
import io.matrixone.core.search.FulltextMode;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.core.search.HybridQuery;
import io.matrixone.core.search.VectorIndexMode;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vector and full-text search over the wire on the sync client: MatrixOne's answers (distances, order, scores,
 * errors) checked against distances computed here, and the statements the server received.
 */
@ExtendWith(EmulatorExtension.class)
class VectorSearchIT {
    private static String db;

    /** A search hit: the key, the title and the distance label. */
    record Hit(long id, String title, double distance) {
    }

    /** A full-text hit with its score. */
    record Scored(long id, String title, double score) {
    }

    /** A stored row's vectors, read back into a record. */
    record Stored(long id, float[] emb, double[] emb64) {
    }

    @BeforeAll
    static void documents(Emulator mo) {
        db = Clients.unique("vec");
        try (MatrixOneClient client = Clients.client(mo)) {
            client.execute("CREATE DATABASE " + db);
            client.execute("CREATE TABLE " + db + ".docs (id BIGINT PRIMARY KEY, lang VARCHAR(8), title VARCHAR(200), "
                    + "body TEXT, emb vecf32(4), emb64 vecf64(4))");
            for (VectorFixtures.Doc d : VectorFixtures.DOCS) {
                client.execute("INSERT INTO " + db + ".docs VALUES (?, ?, ?, ?, ?, ?)", d.id(), d.lang(), d.title(),
                        d.body(), d.emb(), VectorFixtures.widen(d.emb()));
            }
            client.indexes().create(FulltextIndexSpec.of("ft_docs", "docs", "title", "body").database(db));
        }
    }

    @AfterAll
    static void dropDatabase(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            client.execute("DROP DATABASE IF EXISTS " + db);
        }
    }

    private static MatrixOneClient client(Emulator mo) {
        return Clients.client(mo, o -> o.database(db));
    }

    @Test
    void vectorsAreBoundAndReadBackAsArrays(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            Row row = client.query("SELECT id, emb, emb64 FROM docs WHERE id = 5").one();
            assertThat(row.getFloatArray("emb")).containsExactly(VectorFixtures.DOCS.get(4).emb());
            assertThat(row.getDoubleArray("emb64")).containsExactly(VectorFixtures.widen(VectorFixtures.DOCS.get(4).emb()));
            Stored stored = client.query("SELECT id, emb, emb64 FROM docs WHERE id = 2").one(
                    io.matrixone.core.result.RowMapper.toRecord(Stored.class));
            assertThat(stored.emb()).containsExactly(VectorFixtures.DOCS.get(1).emb());
            assertThat(stored.emb64()).hasSize(4);

            // MatrixOne checks the dimension and the text of every vector written
            assertThatThrownBy(() -> client.execute("INSERT INTO docs (id, emb) VALUES (?, ?)", 99, new float[] {1, 2}))
                    .isInstanceOf(MatrixOneException.class)
                    .hasMessageContaining("expected vector dimension 4 != actual dimension 2")
                    .extracting(e -> ((MatrixOneException) e).errorCode()).isEqualTo(20301);
            assertThatThrownBy(() -> client.execute("INSERT INTO docs (id, emb) VALUES (99, '[1, a, 2, 3]')"))
                    .isInstanceOf(MatrixOneException.class)
                    .extracting(e -> ((MatrixOneException) e).errorCode()).isEqualTo(20101);
            assertThat(client.query("SELECT COUNT(*) FROM docs WHERE id = 99").scalarLong()).isZero();
        }
    }

    @Test
    void nearestRowsByEveryMetricAsComputedHere(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            for (DistanceMetric metric : DistanceMetric.values()) {
                List<Hit> hits = client.search().nearest(VectorQuery.of("docs", "emb", VectorFixtures.QUERY)
                        .metric(metric).select("id", "title").limit(3), Hit.class);
                List<VectorFixtures.Expected> expected = VectorFixtures.nearest(metric, VectorFixtures.QUERY, d -> true, 3);
                assertThat(hits).extracting(Hit::id).as(metric.name())
                        .containsExactlyElementsOf(expected.stream().map(VectorFixtures.Expected::id).toList());
                for (int i = 0; i < hits.size(); i++) {
                    assertThat(hits.get(i).distance()).as(metric + " distance of " + hits.get(i).id())
                            .isCloseTo(expected.get(i).distance(), within(1e-5));
                }
            }
            mo.statementsIfRecorded().ifPresent(log -> {
                // the sync client inlines bound values on the client (useServerPrepStmts=false)
                assertThat(log.sqls()).anyMatch(q -> q.contains("SELECT `id`, `title`, cosine_distance(`emb`, '[1.0, 0.05, 0.0, 0.0]') AS "
                        + "`distance` FROM `docs` ORDER BY `distance` ASC LIMIT 3"));
                assertThat(log.sqls()).anyMatch(q -> q.contains("inner_product(`emb`, '[1.0, 0.05, 0.0, 0.0]')"));
            });
        }
    }

    @Test
    void filteredRangeAndRankModeSearches(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            VectorQuery english = VectorQuery.of("docs", "emb", VectorFixtures.QUERY).select("id", "title")
                    .filter(Filter.eq("lang", "en").and(Filter.ne("id", 4))).limit(10);
            assertThat(client.search().nearest(english, Hit.class)).extracting(Hit::id)
                    .containsExactlyElementsOf(VectorFixtures.nearest(DistanceMetric.L2, VectorFixtures.QUERY,
                            d -> d.lang().equals("en") && d.id() != 4, 10).stream().map(VectorFixtures.Expected::id).toList());

            List<Hit> inRange = client.search().nearest(english.maxDistance(0.8), Hit.class);
            assertThat(inRange).isNotEmpty().allSatisfy(h -> assertThat(h.distance()).isLessThanOrEqualTo(0.8));
            assertThat(inRange).extracting(Hit::id).containsExactlyElementsOf(VectorFixtures.nearest(DistanceMetric.L2,
                    VectorFixtures.QUERY, d -> d.lang().equals("en") && d.id() != 4, 10).stream()
                    .filter(e -> e.distance() <= 0.8).map(VectorFixtures.Expected::id).toList());

            List<Hit> pre = client.search().nearest(english.limit(2).mode(VectorIndexMode.PRE), Hit.class);
            assertThat(pre).extracting(Hit::id).containsExactlyElementsOf(
                    client.search().nearest(english.limit(2), Hit.class).stream().map(Hit::id).toList());
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls()).anyMatch(q -> q.contains(
                    "WHERE (`lang` = 'en' AND `id` <> 4) AND l2_distance(`emb`, '[1.0, 0.05, 0.0, 0.0]') <= 0.8")));
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls()).anyMatch(q -> q.contains(
                    "ORDER BY `distance` ASC LIMIT 2 BY RANK WITH OPTION 'mode=pre'")));
        }
    }

    @Test
    void searchInsideATransactionSeesItsOwnRows(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            List<Hit> seen = client.transaction(tx -> {
                tx.execute("INSERT INTO docs (id, lang, title, emb) VALUES (?, ?, ?, ?)", 50, "en", "uncommitted",
                        VectorFixtures.QUERY);
                List<Hit> hits = tx.search().nearest(VectorQuery.of("docs", "emb", VectorFixtures.QUERY)
                        .select("id", "title").limit(1), Hit.class);
                tx.execute("DELETE FROM docs WHERE id = 50");
                return hits;
            });
            assertThat(seen).extracting(Hit::id).containsExactly(50L);
            assertThat(seen.get(0).distance()).isCloseTo(0.0, within(1e-6));
        }
    }

    @Test
    void vectorIndexesAreCreatedListedRebuiltAndDropped(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            String table = Clients.unique("vt");
            client.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, emb vecf32(4))");
            for (VectorFixtures.Doc d : VectorFixtures.DOCS) {
                client.execute("INSERT INTO " + table + " VALUES (?, ?)", d.id(), d.emb());
            }
            client.indexes().create(VectorIndexSpec.ivfFlat("ivf_emb", table, "emb").lists(2)
                    .metric(DistanceMetric.L2));
            IndexInfo ivf = index(client, table, "ivf_emb");
            assertThat(ivf.algorithm()).isEqualTo("ivfflat");
            assertThat(ivf.isVector()).isTrue();
            assertThat(ivf.columns()).containsExactly("emb");
            assertThat(ivf.intParam("lists")).contains(2);
            assertThat(ivf.metric()).contains(DistanceMetric.L2);

            // searching through the index (lists 2, probe_limit 5: every list probed) gives the exact answer
            assertThat(client.search().nearest(VectorQuery.of(table, "emb", VectorFixtures.QUERY).select("id").limit(3),
                    Row.class)).extracting(r -> r.getLong("id")).containsExactlyElementsOf(VectorFixtures.nearest(
                    DistanceMetric.L2, VectorFixtures.QUERY, d -> true, 3).stream().map(VectorFixtures.Expected::id).toList());

            client.indexes().rebuild(VectorIndexSpec.ivfFlat("ivf_emb", table, "emb").lists(3));
            assertThat(index(client, table, "ivf_emb").algorithm()).isEqualTo("ivfflat");

            // HNSW needs the session switch: refused with the variable named, then created on a client that sets it
            VectorIndexSpec hnsw = VectorIndexSpec.hnsw("hnsw_emb", table, "emb").m(16).efConstruction(64).efSearch(32)
                    .metric(DistanceMetric.L2);
            assertThatThrownBy(() -> client.indexes().create(hnsw)).isInstanceOf(FeatureDisabledException.class)
                    .extracting(e -> ((FeatureDisabledException) e).variable()).isEqualTo("experimental_hnsw_index");
            client.indexes().drop(null, table, "ivf_emb");
            try (MatrixOneClient enabled = Clients.client(mo, o -> o.database(db)
                    .sessionVariables(Map.of("experimental_hnsw_index", 1)))) {
                enabled.indexes().create(hnsw);
                IndexInfo h = index(enabled, table, "hnsw_emb");
                assertThat(h.algorithm()).isEqualTo("hnsw");
                assertThat(h.intParam("m")).contains(16);
                assertThat(h.intParam("ef_search")).contains(32);
                enabled.indexes().drop(null, table, "hnsw_emb");
            }
            assertThat(client.indexes().list(null, table)).extracting(IndexInfo::name).containsExactly("PRIMARY");
            client.indexes().dropIfExists(null, table, "hnsw_emb");
            assertThatThrownBy(() -> client.indexes().drop(null, table, "hnsw_emb")).isInstanceOf(MatrixOneException.class);
            mo.statementsIfRecorded().ifPresent(log -> {
                assertThat(log.sqls()).anyMatch(q -> q.contains("CREATE INDEX `ivf_emb` USING IVFFLAT ON `" + table
                        + "` (`emb`) lists = 2 op_type 'vector_l2_ops'"));
                assertThat(log.sqls()).anyMatch(q -> q.contains("ALTER TABLE `" + table + "` ALTER REINDEX `ivf_emb` IVFFLAT lists = 3"));
                assertThat(log.sqls()).anyMatch(q -> q.contains("CREATE INDEX `hnsw_emb` USING HNSW ON `" + table
                        + "` (`emb`) m = 16 ef_construction = 64 ef_search = 32 op_type 'vector_l2_ops'"));
            });
        }
    }

    @Test
    void indexDdlInATransactionIsUndoneByRollback(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            String table = Clients.unique("vtx");
            client.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, body TEXT, emb vecf32(4))");
            client.execute("INSERT INTO " + table + " VALUES (?, ?, ?)", 1L, "first text", VectorFixtures.QUERY);
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                tx.indexes().create(VectorIndexSpec.ivfFlat("ivf_tx", table, "emb").lists(1));
                assertThat(tx.indexes().list(null, table)).extracting(IndexInfo::name).contains("ivf_tx");
                throw new IllegalStateException("undo");
            })).hasMessageContaining("undo");
            assertThat(client.indexes().list(null, table)).extracting(IndexInfo::name).containsExactly("PRIMARY");
            client.inTransaction(tx -> tx.indexes().create(VectorIndexSpec.ivfFlat("ivf_tx", table, "emb").lists(1)));
            assertThat(client.indexes().list(null, table)).extracting(IndexInfo::name).contains("ivf_tx");
        }
    }

    @Test
    void ivfStatsCountTheRowsOfEachListAlsoInATransaction(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            String table = Clients.unique("vs");
            client.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, emb vecf32(4))");
            // built on fewer vectors than lists, MatrixOne keeps one placeholder list that takes every row
            client.indexes().create(VectorIndexSpec.ivfFlat("ivf_stats", table, "emb").lists(3));
            for (VectorFixtures.Doc d : VectorFixtures.DOCS) {
                client.execute("INSERT INTO " + table + " VALUES (?, ?)", d.id(), d.emb());
            }
            IvfIndexStats early = client.indexes().ivfStats(db, table, "emb");
            assertThat(early.clustered()).isFalse();
            assertThat(early.buckets()).singleElement().extracting(IvfIndexStats.Bucket::rows).isEqualTo(7L);

            // rebuilt on the seven rows: three lists that hold them all, the next version, the same hidden tables
            client.indexes().rebuild(VectorIndexSpec.ivfFlat("ivf_stats", table, "emb").lists(3));
            IvfIndexStats stats = client.indexes().ivfStats(null, table, "emb");
            assertThat(stats.database()).isEqualTo(db);
            assertThat(stats.index()).isEqualTo("ivf_stats");
            assertThat(stats.clustered()).isTrue();
            assertThat(stats.version()).isEqualTo(early.version() + 1);
            assertThat(stats.entriesTable()).isEqualTo(early.entriesTable()).startsWith("__mo_index_secondary_");
            assertThat(List.of(stats.metadataTable(), stats.centroidsTable(), stats.entriesTable())).doesNotHaveDuplicates();
            assertThat(stats.lists()).isEqualTo(3);
            assertThat(stats.buckets()).extracting(IvfIndexStats.Bucket::centroidId).containsExactly(0L, 1L, 2L);
            assertThat(stats.buckets()).allSatisfy(b -> assertThat(b.version()).isEqualTo(stats.version()));
            assertThat(stats.totalRows()).isEqualTo(7);

            // the entries follow the rows, and a transaction sees its own
            client.execute("DELETE FROM " + table + " WHERE id = 7");
            long inTx = client.transaction(tx -> {
                tx.execute("INSERT INTO " + table + " VALUES (?, ?), (?, ?)", 20, VectorFixtures.QUERY, 21, VectorFixtures.QUERY);
                return tx.indexes().ivfStats(db, table, "emb").totalRows();
            });
            assertThat(inTx).isEqualTo(8);
            assertThat(client.indexes().ivfStats(db, table, "emb").totalRows()).isEqualTo(8);

            assertThatThrownBy(() -> client.indexes().ivfStats(db, "docs", "emb")).isInstanceOf(ObjectNotFoundException.class)
                    .hasMessageContaining("has no IVF-flat index on column emb");
            assertThatThrownBy(() -> client.indexes().ivfStats(db, "no_such_table", "emb"))
                    .isInstanceOf(ObjectNotFoundException.class);
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls()).anyMatch(q -> q.startsWith(
                    "SELECT i.`name`, i.`algo_table_type`, i.`index_table_name`, t.`reldatabase` FROM `mo_catalog`.`mo_indexes` "
                            + "AS i JOIN `mo_catalog`.`mo_tables` AS t ON i.`table_id` = t.`rel_id` WHERE t.`reldatabase` = '"
                            + db + "' AND t.`relname` = '" + table + "' AND i.`column_name` = 'emb'")));
        }
    }

    private static IndexInfo index(MatrixOneClient client, String table, String name) {
        return client.indexes().list(null, table).stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name));
    }

    @Test
    void fulltextNaturalLanguageAndBooleanSearches(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            // natural-language mode finds the words as a phrase on MatrixOne 4.2.0
            List<Scored> phrase = client.search().fulltext(FulltextQuery.of("docs", List.of("title", "body"),
                    "vector search").select("id", "title"), Scored.class);
            assertThat(phrase).extracting(Scored::id).containsExactlyInAnyOrderElementsOf(
                    VectorFixtures.containing("vector search"));
            assertThat(phrase).allSatisfy(s -> assertThat(s.score()).isPositive());

            List<Scored> must = client.search().fulltext(FulltextQuery.of("docs", List.of("title", "body"),
                    BooleanQuery.create().must("vector").mustNot("hybrid")).select("id", "title"), Scored.class);
            assertThat(must).extracting(Scored::id).containsExactlyInAnyOrderElementsOf(VectorFixtures.matching(
                    List.of("vector"), List.of("hybrid")));
            assertThat(must).extracting(Scored::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));

            List<Scored> filtered = client.search().fulltext(FulltextQuery.of("docs", List.of("title", "body"), "search")
                    .mode(FulltextMode.BOOLEAN).select("id", "title").filter(Filter.eq("lang", "de")), Scored.class);
            assertThat(filtered).extracting(Scored::id).containsExactlyInAnyOrderElementsOf(VectorFixtures.DOCS.stream()
                    .filter(d -> d.lang().equals("de") && d.words().contains("search")).map(VectorFixtures.Doc::id).toList());

            assertThatThrownBy(() -> client.search().fulltext(FulltextQuery.of("docs", List.of("title"), "vector"),
                    Row.class)).isInstanceOf(MatrixOneException.class).hasMessageContaining("FULLTEXT INDEX");

            String t = Clients.unique("ft");
            client.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY, body TEXT)");
            client.indexes().create(FulltextIndexSpec.of("ft_ngram", t, "body").parser(FulltextParser.NGRAM));
            IndexInfo ngram = index(client, t, "ft_ngram");
            assertThat(ngram.isFulltext()).isTrue();
            assertThat(ngram.parser()).contains("ngram");
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls()).anyMatch(q -> q.contains(
                    "MATCH(`title`, `body`) AGAINST('+vector -hybrid' IN BOOLEAN MODE) AS `score`")));
        }
    }

    @Test
    void hybridSearchFusesTheTwoRankings(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            VectorQuery vector = VectorQuery.of("docs", "emb", VectorFixtures.QUERY).select("id", "title").limit(4);
            FulltextQuery text = FulltextQuery.of("docs", List.of("title", "body"), "search").mode(FulltextMode.BOOLEAN)
                    .select("id", "title").limit(4);
            List<Row> fused = client.search().hybrid(HybridQuery.of(vector, text, "id").limit(3), Row.class);

            // reciprocal rank fusion of the two lists the server returns on their own
            List<Long> byVector = client.search().nearest(vector, Row.class).stream().map(r -> r.getLong("id")).toList();
            List<Long> byText = client.search().fulltext(text, Row.class).stream().map(r -> r.getLong("id")).toList();
            assertThat(fused).extracting(r -> r.getLong("id"))
                    .containsExactlyElementsOf(VectorFixtures.rrf(byVector, byText, 60, 3));
            for (Row r : fused) {
                long id = r.getLong("id");
                double expected = (byVector.contains(id) ? 1.0 / (60 + byVector.indexOf(id) + 1) : 0)
                        + (byText.contains(id) ? 1.0 / (60 + byText.indexOf(id) + 1) : 0);
                assertThat(r.getDouble("hybrid_score")).isCloseTo(expected, within(1e-12));
                assertThat(r.get("distance") == null).isEqualTo(!byVector.contains(id));
            }
        }
    }

    @Test
    void badSearchesAreRefusedBeforeAnythingIsSent(Emulator mo) {
        try (MatrixOneClient client = client(mo)) {
            int before = mo.statementsIfRecorded().map(StatementLog::size).orElse(0);
            assertThatThrownBy(() -> VectorQuery.of("docs", "emb`; DROP TABLE docs; --", VectorFixtures.QUERY))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VectorQuery.of("docs", "emb", new float[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VectorQuery.of("docs", "emb", new float[] {1, Float.NaN, 0, 0}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
            assertThatThrownBy(() -> VectorQuery.of("docs", "emb", VectorFixtures.QUERY).limit(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> client.search().nearest(VectorQuery.of("docs", "emb", VectorFixtures.QUERY),
                    String.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record");
            assertThatThrownBy(() -> VectorIndexSpec.ivfFlat("i", "docs", "emb").lists(0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ClientOptionsHolder.withVariable("probe_limit; DROP TABLE x"))
                    .isInstanceOf(IllegalArgumentException.class);
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.size()).isEqualTo(before));
        }
    }

    /** Options are checked when given, before any connection exists. */
    private static final class ClientOptionsHolder {
        static void withVariable(String name) {
            io.matrixone.core.config.ClientOptions.builder().sessionVariables(Map.of(name, 1));
        }
    }
}
