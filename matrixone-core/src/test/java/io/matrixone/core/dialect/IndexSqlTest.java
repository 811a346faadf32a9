package io.matrixone.core.dialect;

import io.matrixone.core.error.ObjectNotFoundException;
import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.model.FulltextParser;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.model.IvfIndexStats;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.result.Result;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.version.ServerVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexSqlTest {
    private static final Dialect D1_1 = Dialect.of(ServerVersion.of(1, 1, 0));
    private static final Dialect D2_0 = Dialect.of(ServerVersion.of(2, 0, 0));
    private static final Dialect D4_0 = Dialect.of(ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc1"));

    @Test
    void createsAnIvfIndexWithListsAndOpType() {
        for (Dialect d : Versions.all()) {
            assertThat(d.indexes().createSql(VectorIndexSpec.ivfFlat("docs_ivf", "docs", "embedding").lists(16)))
                    .isEqualTo("CREATE INDEX `docs_ivf` USING IVFFLAT ON `docs` (`embedding`) lists = 16 op_type 'vector_l2_ops'");
        }
        assertThat(D42.indexes().createSql(VectorIndexSpec.ivfFlat("i", "t", "v").database("app").metric(DistanceMetric.COSINE)))
                .isEqualTo("CREATE INDEX `i` USING IVFFLAT ON `app`.`t` (`v`) op_type 'vector_cosine_ops'");
    }

    @Test
    void createsAnHnswIndexWithItsGraphOptions() {
        assertThat(D42.indexes().createSql(VectorIndexSpec.hnsw("h", "t", "v").m(16).efConstruction(128).efSearch(64)
                .metric(DistanceMetric.INNER_PRODUCT)))
                .isEqualTo("CREATE INDEX `h` USING HNSW ON `t` (`v`) m = 16 ef_construction = 128 ef_search = 64 "
                        + "op_type 'vector_ip_ops'");
    }

    @Test
    void refusesWhatTheServerVersionDoesNotHave() {
        assertThatThrownBy(() -> D2_0.indexes().create(VectorIndexSpec.hnsw("h", "t", "v")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("MatrixOne 2.1.0");
        assertThatThrownBy(() -> D1_1.indexes().create(FulltextIndexSpec.of("f", "t", "body")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("2.0.0");
        assertThatThrownBy(() -> D1_1.indexes().rebuild(VectorIndexSpec.ivfFlat("i", "t", "v").lists(2)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("1.2.0");
        assertThatThrownBy(() -> D1_1.indexes().create(VectorIndexSpec.ivfFlat("i", "t", "v").metric(DistanceMetric.L2_SQUARED)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("2.0.0");
        assertThatThrownBy(() -> D4_0.indexes().create(FulltextIndexSpec.of("f", "t", "body").parser(FulltextParser.GOJIEBA)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("gojieba");
        assertThatThrownBy(() -> Dialect.of(ServerVersion.of(2, 0, 5)).indexes()
                .create(FulltextIndexSpec.of("f", "t", "j").parser(FulltextParser.JSON_VALUE)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesOptionsOfTheOtherAlgorithmAndNonPositiveValues() {
        assertThatThrownBy(() -> VectorIndexSpec.ivfFlat("i", "t", "v").m(16)).hasMessageContaining("HNSW indexes only");
        assertThatThrownBy(() -> VectorIndexSpec.hnsw("i", "t", "v").lists(4)).hasMessageContaining("IVFFLAT indexes only");
        assertThatThrownBy(() -> VectorIndexSpec.ivfFlat("i", "t", "v").lists(0)).hasMessageContaining("greater than 0");
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> VectorIndexSpec.ivfFlat(bad, "t", "v")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FulltextIndexSpec.of("f", "t", "a", bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> FulltextIndexSpec.of("f", "t")).hasMessageContaining("at least one column");
    }

    @Test
    void createsFullTextIndexesWithAParser() {
        assertThat(D42.indexes().createSql(FulltextIndexSpec.of("ft", "docs", "title", "body")))
                .isEqualTo("CREATE FULLTEXT INDEX `ft` ON `docs` (`title`, `body`)");
        assertThat(D3.indexes().createSql(FulltextIndexSpec.of("ft", "docs", "body").database("app").parser(FulltextParser.NGRAM)))
                .isEqualTo("CREATE FULLTEXT INDEX `ft` ON `app`.`docs` (`body`) WITH PARSER ngram");
        assertThat(D42.indexes().createSql(FulltextIndexSpec.of("ft", "docs", "meta").parser(FulltextParser.JSON)))
                .endsWith(" WITH PARSER json");
    }

    @Test
    void rebuildsDropsAndListsRunAtOnceAlsoInTransactions() {
        ScriptedRunner r = new ScriptedRunner();
        D42.indexes().rebuild(VectorIndexSpec.ivfFlat("i", "t", "v").lists(8)).execute(r);
        D42.indexes().rebuild(VectorIndexSpec.hnsw("h", "t", "v").database("app")).execute(r);
        D42.indexes().drop(null, "t", "i").execute(r);
        D42.indexes().dropIfExists("app", "t", "h").execute(r);
        assertThat(r.sql()).containsExactly(
                "ALTER TABLE `t` ALTER REINDEX `i` IVFFLAT lists = 8",
                "ALTER TABLE `app`.`t` ALTER REINDEX `h` HNSW",
                "DROP INDEX `i` ON `t`",
                "DROP INDEX IF EXISTS `h` ON `app`.`t`");
        assertThat(r.seen).allMatch(s -> s.txRule() == TxRule.NOW);
        assertThat(D42.indexes().create(FulltextIndexSpec.of("f", "t", "b")).txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void listsIndexesFromShowIndexRowsOnePerColumn() {
        List<String> labels = List.of("Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name", "Collation",
                "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment", "Index_comment", "Index_params",
                "Visible", "Expression");
        Result.Builder b = Result.builder(labels);
        // rows as MatrixOne 4.2.0 answers them (one index's columns may come in any order)
        b.addRow("t", 0L, "PRIMARY", 1L, "id", "A", 0L, null, null, "", "", "", "", "", "YES", "id");
        b.addRow("t", 1L, "vec_ivf", 1L, "v", "A", 0L, null, null, "YES", "ivfflat", "", "",
                "{\"lists\":\"2\",\"op_type\":\"vector_cosine_ops\"}", "YES", "v");
        b.addRow("t", 1L, "ft_body", 2L, "title", "A", 0L, null, null, "YES", "fulltext", "", "", "{\"parser\":\"ngram\"}", "YES", "title");
        b.addRow("t", 1L, "ft_body", 1L, "body", "A", 0L, null, null, "YES", "fulltext", "", "", "{\"parser\":\"ngram\"}", "YES", "body");
        ScriptedRunner r = new ScriptedRunner().answer(b.build());
        List<IndexInfo> indexes = D42.indexes().list("app", "t").execute(r);
        assertThat(r.sql()).containsExactly("SHOW INDEX FROM `app`.`t`");
        assertThat(indexes).extracting(IndexInfo::name).containsExactly("PRIMARY", "vec_ivf", "ft_body");
        IndexInfo pk = indexes.get(0);
        assertThat(pk.isPrimaryKey()).isTrue();
        assertThat(pk.unique()).isTrue();
        assertThat(pk.params()).isEmpty();
        IndexInfo ivf = indexes.get(1);
        assertThat(ivf.isVector()).isTrue();
        assertThat(ivf.metric()).contains(DistanceMetric.COSINE);
        assertThat(ivf.intParam("lists")).contains(2);
        assertThat(ivf.params()).isEqualTo(Map.of("lists", "2", "op_type", "vector_cosine_ops"));
        IndexInfo ft = indexes.get(2);
        assertThat(ft.isFulltext()).isTrue();
        assertThat(ft.columns()).containsExactly("body", "title");
        assertThat(ft.parser()).contains("ngram");
    }

    private static final String IVF_TABLES = "SELECT i.`name`, i.`algo_table_type`, i.`index_table_name`, t.`reldatabase` "
            + "FROM `mo_catalog`.`mo_indexes` AS i JOIN `mo_catalog`.`mo_tables` AS t ON i.`table_id` = t.`rel_id` "
            + "WHERE t.`reldatabase` = ? AND t.`relname` = ? AND i.`column_name` = ? AND i.`algo` = 'ivfflat'";
    private static final String CENTROIDS = "__mo_index_secondary_01a243b0-902e-71ae-a8cf-6ba80bf9acf1";
    private static final String ENTRIES = "__mo_index_secondary_01a243b0-902e-71ba-a006-12ccff7242fc";

    /** mo_indexes rows as MatrixOne 4.2.0 answers them for an IVF-flat index. */
    private static Result ivfTables() {
        Result.Builder b = Result.builder(List.of("name", "algo_table_type", "index_table_name", "reldatabase"));
        b.addRow("ivf1", "metadata", "__mo_index_secondary_01a243b0-902e-7140-9669-2a766fe8fd4a", "app");
        b.addRow("ivf1", "centroids", CENTROIDS, "app");
        b.addRow("ivf1", "entries", ENTRIES, "app");
        return b.build();
    }

    @Test
    void ivfStatsReadsTheHiddenTablesThatMoIndexesNames() {
        Result.Builder centroids = Result.builder(List.of("version", "centroid_id", "placeholder"));
        centroids.addRow(1L, 2L, false).addRow(1L, 0L, false).addRow(1L, 1L, false);
        Result.Builder counts = Result.builder(List.of("version", "centroid_id", "row_count"));
        counts.addRow(1L, 2L, 2L).addRow(1L, 1L, 3L).addRow(0L, 1L, 1L); // an entry of the old version not yet pruned
        ScriptedRunner r = new ScriptedRunner().answer(ivfTables()).answer(centroids.build()).answer(counts.build());
        IvfIndexStats stats = D42.indexes().ivfStats("app", "t", "v").execute(r);
        assertThat(r.sql()).containsExactly(IVF_TABLES,
                "SELECT `__mo_index_centroid_version` AS `version`, `__mo_index_centroid_id` AS `centroid_id`, "
                        + "`__mo_index_centroid` IS NULL AS `placeholder` FROM `app`.`" + CENTROIDS + "`",
                "SELECT `__mo_index_centroid_fk_version` AS `version`, `__mo_index_centroid_fk_id` AS `centroid_id`, "
                        + "COUNT(*) AS `row_count` FROM `app`.`" + ENTRIES + "` GROUP BY `__mo_index_centroid_fk_version`, "
                        + "`__mo_index_centroid_fk_id`");
        assertThat(r.seen.get(0).params()).containsExactly("app", "t", "v");
        assertThat(r.seen).allMatch(s -> s.txRule() == TxRule.NOW);
        assertThat(stats.index()).isEqualTo("ivf1");
        assertThat(stats.centroidsTable()).isEqualTo(CENTROIDS);
        assertThat(stats.entriesTable()).isEqualTo(ENTRIES);
        assertThat(stats.version()).isEqualTo(1);
        assertThat(stats.clustered()).isTrue();
        assertThat(stats.buckets()).containsExactly(new IvfIndexStats.Bucket(0, 1, 0), new IvfIndexStats.Bucket(1, 1, 3),
                new IvfIndexStats.Bucket(2, 1, 2), new IvfIndexStats.Bucket(1, 0, 1));
        assertThat(stats.lists()).isEqualTo(3);
        assertThat(stats.totalRows()).isEqualTo(6);
        assertThat(stats.largestBucket()).isEqualTo(3);
        assertThat(stats.smallestBucket()).isZero();

        // the async path is the same operation
        ScriptedRunner again = new ScriptedRunner().answer(ivfTables()).answer(centroids.build()).answer(counts.build());
        assertThat(D42.indexes().ivfStats("app", "t", "v").executeAsync(again.async()).toCompletableFuture().join())
                .isEqualTo(stats);
    }

    @Test
    void ivfStatsOfAnIndexBuiltOnTooFewRowsAndOfTheCurrentDatabase() {
        Result.Builder centroids = Result.builder(List.of("version", "centroid_id", "placeholder"));
        centroids.addRow(0L, 1L, true);
        Result.Builder counts = Result.builder(List.of("version", "centroid_id", "row_count"));
        counts.addRow(0L, 1L, 30L);
        ScriptedRunner r = new ScriptedRunner().answer(ivfTables()).answer(centroids.build()).answer(counts.build());
        IvfIndexStats stats = D42.indexes().ivfStats(null, "t", "v").execute(r);
        assertThat(r.sql().get(0)).isEqualTo(IVF_TABLES.replace("t.`reldatabase` = ?", "t.`reldatabase` = DATABASE()"));
        assertThat(r.seen.get(0).params()).containsExactly("t", "v");
        assertThat(stats.database()).isEqualTo("app");
        assertThat(stats.clustered()).isFalse();
        assertThat(stats.buckets()).containsExactly(new IvfIndexStats.Bucket(1, 0, 30));
    }

    @Test
    void ivfStatsWithoutAnIvfIndexIsObjectNotFoundAndBadNamesAreRefusedFirst() {
        ScriptedRunner r = new ScriptedRunner().answer(Result.builder(List.of("name", "algo_table_type",
                "index_table_name", "reldatabase")).build());
        assertThatThrownBy(() -> D42.indexes().ivfStats("app", "t", "v").execute(r))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("table app.t has no IVF-flat index on column v");
        assertThat(r.seen).hasSize(1);
        ScriptedRunner async = new ScriptedRunner().answer(Result.builder(List.of("name", "algo_table_type",
                "index_table_name", "reldatabase")).build());
        assertThat(D42.indexes().ivfStats(null, "t", "v").executeAsync(async.async()).toCompletableFuture())
                .failsWithin(java.time.Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ObjectNotFoundException.class);
        for (String bad : Versions.hostileNames()) {
            if (bad != null) { // a null database is the session's current one
                assertThatThrownBy(() -> D42.indexes().ivfStats(bad, "t", "v")).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> D42.indexes().ivfStats("app", bad, "v")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> D42.indexes().ivfStats("app", "t", bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Dialect.of(ServerVersion.of(1, 0, 0)).indexes().ivfStats("app", "t", "v"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("1.1.0");
        assertThat(D1_1.indexes().ivfStats("app", "t", "v").txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void dropIfExistsOfAMissingIndexIsDoneWhereTheServerSaysNotFound() {
        // MatrixOne 3.0.9 answers DROP INDEX IF EXISTS of a missing index with 20101 "not found index: i"
        Function<Statement, Result> notFound = st -> {
            throw ErrorClassifier.classify(20101, "HY000", "internal error: not found index: h", st.sql(), null);
        };
        assertThat(D42.indexes().dropIfExists("app", "t", "h").execute(notFound)).isNull();
        assertThatThrownBy(() -> D42.indexes().drop("app", "t", "h").execute(notFound))
                .isInstanceOf(ObjectNotFoundException.class);
    }
}
