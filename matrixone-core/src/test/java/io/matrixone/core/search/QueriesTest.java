package io.matrixone.core.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueriesTest {
    private static final float[] V = {0.1f, 0.2f, 0.3f};

    @Test
    void aVectorQueryHasUsefulDefaultsAndChecksEveryStep() {
        VectorQuery q = VectorQuery.of("docs", "embedding", V);
        assertThat(q.metric()).isEqualTo(DistanceMetric.L2);
        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.dimensions()).isEqualTo(3);
        assertThat(q.vector()).isEqualTo("[0.1, 0.2, 0.3]");
        assertThatThrownBy(() -> q.limit(0)).hasMessageContaining("limit must be 1..100000");
        assertThatThrownBy(() -> q.maxDistance(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> q.select("id", "ID")).hasMessageContaining("twice");
        assertThatThrownBy(() -> q.select("id", "distance")).hasMessageContaining("distanceLabel");
        assertThatThrownBy(() -> VectorQuery.of("docs", "e", new float[0])).hasMessageContaining("at least one element");
        assertThatThrownBy(() -> VectorQuery.of("d`s", "e", V)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.database("a b c\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThat(q.toString()).doesNotContain("0.1");
    }

    @Test
    void aFulltextQueryNeedsColumnsAndText() {
        FulltextQuery q = FulltextQuery.of("docs", List.of("title", "body"), "red fox");
        assertThat(q.mode()).isEqualTo(FulltextMode.NATURAL_LANGUAGE);
        assertThatThrownBy(() -> FulltextQuery.of("docs", List.of(), "x")).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> FulltextQuery.of("docs", List.of("a"), " ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> FulltextQuery.of("docs", List.of("a"), "bad \ud800 surrogate"))
                .hasMessageContaining("surrogate");
        assertThat(q.toString()).doesNotContain("red fox");
    }

    @Test
    void aBooleanQueryWritesMatrixOnesSyntax() {
        BooleanQuery b = BooleanQuery.create().must("red").mustNot("blue").should("car").phrase("is not red")
                .prefix("colo").lessRelevant("sky").mustPhrase("big car").mustPrefix("yel");
        assertThat(b.text()).isEqualTo("+red -blue car \"is not red\" colo* ~sky +\"big car\" +yel*");
        assertThat(FulltextQuery.of("t", List.of("a"), b).mode()).isEqualTo(FulltextMode.BOOLEAN);
        assertThatThrownBy(() -> BooleanQuery.create().must("two words")).hasMessageContaining("one word");
        assertThatThrownBy(() -> BooleanQuery.create().must("+x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BooleanQuery.create().phrase("say \"hi\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BooleanQuery.create().text()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHybridQueryNeedsOneTableTheSameColumnsAndTheKey() {
        VectorQuery v = VectorQuery.of("docs", "embedding", V).select("id", "title");
        FulltextQuery t = FulltextQuery.of("docs", List.of("body"), "fox").select("id", "title");
        HybridQuery h = HybridQuery.of(v, t, "id");
        assertThat(h.rrfK()).isEqualTo(60);
        assertThatThrownBy(() -> HybridQuery.of(v, FulltextQuery.of("other", List.of("body"), "fox").select("id", "title"), "id"))
                .hasMessageContaining("same table");
        assertThatThrownBy(() -> HybridQuery.of(v, t.select("id"), "id")).hasMessageContaining("same columns");
        assertThatThrownBy(() -> HybridQuery.of(v, t, "body")).hasMessageContaining("must be selected");
        assertThatThrownBy(() -> h.weights(0, 0)).hasMessageContaining("weights");
        assertThatThrownBy(() -> h.scoreLabel("score")).hasMessageContaining("differ");
        assertThat(HybridQuery.of(v.select(List.of()), t.select(List.of()), "anything").key()).isEqualTo("anything");
    }

    @Test
    void metricsKnowTheirIndexOperatorClass() {
        assertThat(DistanceMetric.ofOpType("vector_l2sq_ops")).isEqualTo(DistanceMetric.L2);
        assertThat(DistanceMetric.ofOpType("VECTOR_IP_OPS")).isEqualTo(DistanceMetric.INNER_PRODUCT);
        assertThat(DistanceMetric.COSINE.opType()).isEqualTo("vector_cosine_ops");
        assertThatThrownBy(() -> DistanceMetric.ofOpType("vector_l1_ops")).isInstanceOf(IllegalArgumentException.class);
    }
}
