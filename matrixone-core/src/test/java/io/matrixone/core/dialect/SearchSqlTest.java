package io.matrixone.core.dialect;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.search.BooleanQuery;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.Filter;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.core.search.HybridQuery;
import io.matrixone.core.search.VectorIndexMode;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.core.version.ServerVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D40;
import static io.matrixone.core.dialect.Versions.D42;
import static io.matrixone.core.dialect.Versions.DDEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSqlTest {
    private static final float[] V = {1f, 2f, 3f};

    record Doc(long id, String title, double distance) {
    }

    record Hit(long id, String title, Double distance, Double score, double hybridScore) {
    }

    @Test
    void aNearestSearchBindsTheVectorAndLimitsWithALiteral() {
        Statement s = D42.search().nearestStatement(VectorQuery.of("docs", "embedding", V).select("id", "title").limit(5));
        assertThat(s.sql()).isEqualTo("SELECT `id`, `title`, l2_distance(`embedding`, ?) AS `distance` FROM `docs` "
                + "ORDER BY `distance` ASC LIMIT 5");
        assertThat(s.params()).containsExactly("[1.0, 2.0, 3.0]");
        assertThat(s.txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void aFilteredRangeSearchWithAModeKeepsTheFilterTogether() {
        VectorQuery q = VectorQuery.of("docs", "e", V).database("app").metric(DistanceMetric.COSINE)
                .filter(Filter.eq("lang", "en").or(Filter.eq("lang", "de"))).maxDistance(0.4).mode(VectorIndexMode.PRE)
                .distanceLabel("dist").limit(3);
        Statement s = D42.search().nearestStatement(q);
        assertThat(s.sql()).isEqualTo("SELECT *, cosine_distance(`e`, ?) AS `dist` FROM `app`.`docs` WHERE "
                + "(`lang` = ? OR `lang` = ?) AND cosine_distance(`e`, ?) <= ? ORDER BY `dist` ASC LIMIT 3 "
                + "BY RANK WITH OPTION 'mode=pre'");
        assertThat(s.params()).containsExactly("[1.0, 2.0, 3.0]", "en", "de", "[1.0, 2.0, 3.0]", 0.4);
    }

    @Test
    void rankModesFollowTheServerVersion() {
        VectorQuery q = VectorQuery.of("t", "v", V);
        assertThatThrownBy(() -> Dialect.of(ServerVersion.of(3, 0, 4)).search().nearest(q.mode(VectorIndexMode.PRE), Row.class))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("3.0.5");
        assertThat(D3.search().nearestStatement(q.mode(VectorIndexMode.FORCE)).sql()).endsWith("'mode=force'");
        assertThatThrownBy(() -> D3.search().nearestStatement(q.mode(VectorIndexMode.AUTO)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("4.0.0-rc1");
        assertThat(D40.search().nearestStatement(q.mode(VectorIndexMode.AUTO)).sql()).endsWith("'mode=auto'");
        assertThatThrownBy(() -> D40.search().nearestStatement(q.mode(VectorIndexMode.INCLUDE)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("4.2.0");
        assertThat(D42.search().nearestStatement(q.mode(VectorIndexMode.INCLUDE)).sql()).endsWith("'mode=include'");
        assertThatThrownBy(() -> Dialect.of(ServerVersion.of(1, 2, 0)).search()
                .nearestStatement(q.metric(DistanceMetric.L2_SQUARED))).hasMessageContaining("2.0.0");
    }

    @Test
    void aFulltextSearchBindsTheTextFrom420AndEscapesItBefore() {
        FulltextQuery q = FulltextQuery.of("docs", List.of("title", "body"), "it's a \\ test").select("id").limit(4)
                .filter(Filter.gt("year", 2020));
        Statement bound = D42.search().fulltextStatement(q);
        assertThat(bound.sql()).isEqualTo("SELECT `id`, MATCH(`title`, `body`) AGAINST(? IN NATURAL LANGUAGE MODE) AS "
                + "`score` FROM `docs` WHERE MATCH(`title`, `body`) AGAINST(? IN NATURAL LANGUAGE MODE) AND (`year` > ?) "
                + "ORDER BY `score` DESC LIMIT 4");
        assertThat(bound.params()).containsExactly("it's a \\ test", "it's a \\ test", 2020);
        assertThat(DDEV.search().fulltextStatement(q).params()).hasSize(3);

        Statement literal = D40.search().fulltextStatement(q);
        assertThat(literal.sql()).contains("AGAINST('it''s a \\\\ test' IN NATURAL LANGUAGE MODE)").doesNotContain("AGAINST(?");
        assertThat(literal.params()).containsExactly(2020);
        assertThat(D3.search().fulltextStatement(FulltextQuery.of("t", List.of("b"), BooleanQuery.create().must("red")))
                .sql()).contains("AGAINST('+red' IN BOOLEAN MODE)");
        assertThatThrownBy(() -> Dialect.of(ServerVersion.of(1, 2, 0)).search().fulltext(q, Row.class))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapsRowsToRecordsWithTheDistanceOrToRows() {
        Result result = Result.builder(List.of("id", "title", "distance")).addRow(7L, "seven", 0.25).build();
        ScriptedRunner r = new ScriptedRunner().answer(result);
        List<Doc> docs = D42.search().nearest(VectorQuery.of("docs", "e", V).select("id", "title"), Doc.class).execute(r);
        assertThat(docs).containsExactly(new Doc(7, "seven", 0.25));
        List<Row> rows = D42.search().nearest(VectorQuery.of("docs", "e", V), Row.class)
                .execute(new ScriptedRunner().answer(result));
        assertThat(rows.get(0).getDouble("distance")).isEqualTo(0.25);
        assertThatThrownBy(() -> D42.search().nearest(VectorQuery.of("docs", "e", V), String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record or to Row");
    }

    @Test
    void hybridRunsBothSearchesAndFusesTheirRanks() {
        VectorQuery v = VectorQuery.of("docs", "e", V).select("id", "title").limit(3);
        FulltextQuery t = FulltextQuery.of("docs", List.of("body"), "fox").select("id", "title").limit(3);
        Result vectorRows = Result.builder(List.of("id", "title", "distance"))
                .addRow(1L, "one", 0.1).addRow(2L, "two", 0.2).addRow(3L, "three", 0.3).build();
        Result textRows = Result.builder(List.of("id", "title", "score"))
                .addRow(3, "three", 2.0).addRow(4, "four", 1.5).addRow(1, "one", 1.0).build(); // keys as Integer
        ScriptedRunner r = new ScriptedRunner().answer(vectorRows).answer(textRows);
        List<Hit> hits = D42.search().hybrid(HybridQuery.of(v, t, "id").limit(3), Hit.class).execute(r);
        assertThat(r.seen).hasSize(2);
        // 1: 1/61 + 1/63; 3: 1/63 + 1/61 (tie, broken by the best single rank: both 1, then first seen); 2: 1/62
        assertThat(hits).extracting(Hit::id).containsExactly(1L, 3L, 2L);
        assertThat(hits.get(0).distance()).isEqualTo(0.1);
        assertThat(hits.get(0).score()).isEqualTo(1.0);
        assertThat(hits.get(0).hybridScore()).isCloseTo(1.0 / 61 + 1.0 / 63, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hits.get(2).score()).isNull();

        List<Hit> textHeavy = D42.search().hybrid(HybridQuery.of(v, t, "id").weights(0.1, 1).limit(4), Hit.class)
                .execute(new ScriptedRunner().answer(vectorRows).answer(textRows));
        assertThat(textHeavy).extracting(Hit::id).containsExactly(3L, 1L, 4L, 2L);
        assertThat(textHeavy.get(2).distance()).isNull();
    }

    @Test
    void hybridRunsTheSameOnTheAsyncPath() throws Exception {
        VectorQuery v = VectorQuery.of("docs", "e", V).select("id", "title");
        FulltextQuery t = FulltextQuery.of("docs", List.of("body"), "fox").select("id", "title");
        ScriptedRunner r = new ScriptedRunner()
                .answer(Result.builder(List.of("id", "title", "distance")).addRow(1L, "one", 0.1).build())
                .answer(Result.builder(List.of("id", "title", "score")).addRow(1L, "one", 3.0).build());
        List<Hit> hits = D42.search().hybrid(HybridQuery.of(v, t, "id"), Hit.class).executeAsync(r.async())
                .toCompletableFuture().get();
        assertThat(hits).extracting(Hit::id).containsExactly(1L);
    }
}
