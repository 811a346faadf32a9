package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.result.Row;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.FulltextMode;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.core.search.HybridQuery;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Hybrid search on the async client: a vector search (meaning) and a full-text search (exact words) of one table,
 * fused by reciprocal rank. A document that both find ranks above documents only one of them finds.
 */
public final class AsyncHybridSearch implements Example {
    static final int DOCUMENTS = 1_000;
    /** The question: its words appear in some documents, its meaning in many. */
    public static final String QUESTION = "piano concert album";

    @Override
    public String name() {
        return "async-hybrid-search";
    }

    @Override
    public String description() {
        return "async: vector + full-text search of one table fused by reciprocal rank";
    }

    @Override
    public void run(ExampleContext ctx) {
        AsyncMatrixOneClient client = ctx.asyncClient();
        List<List<?>> rows = new ArrayList<>();
        for (Corpus.Doc d : Corpus.documents(DOCUMENTS)) {
            rows.add(List.of(d.id(), d.topicName(), d.title(), d.body(), Corpus.embed(d.title() + " " + d.body())));
        }
        VectorQuery meaning = VectorQuery.of("docs", "embedding", Corpus.embed(QUESTION)).metric(DistanceMetric.COSINE)
                .select("id", "topic", "title").limit(20);
        FulltextQuery words = FulltextQuery.of("docs", List.of("title", "body"), QUESTION).mode(FulltextMode.BOOLEAN)
                .select("id", "topic", "title").limit(20);
        HybridQuery both = HybridQuery.of(meaning, words, "id").limit(5);

        CompletionStage<List<Row>> done = client.execute(Corpus.CREATE_TABLE)
                .thenCompose(r -> client.executeBatch("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows))
                .thenCompose(r -> client.indexes().create(FulltextIndexSpec.of("ft_docs", "docs", "title", "body")))
                .thenCompose(v -> client.search().hybrid(both, Row.class));
        List<Row> fused = ctx.await(done);
        ctx.say("hybrid top 5 for \"" + QUESTION + "\":");
        for (Row r : fused) {
            ctx.say(String.format("  %.5f  #%d [%s] %s  (distance %s, text score %s)", r.getDouble("hybrid_score"),
                    r.getLong("id"), r.getString("topic"), r.getString("title"), r.get("distance"), r.get("score")));
        }
        ctx.check(fused.size() == 5, "five fused results");
        ctx.check(fused.get(0).get("distance") != null && fused.get(0).get("score") != null,
                "the best result was found by both searches");
        ctx.check(fused.stream().allMatch(r -> r.getString("topic").equals("music")),
                "every fused result is about music");
        for (int i = 1; i < fused.size(); i++) {
            ctx.check(fused.get(i).getDouble("hybrid_score") <= fused.get(i - 1).getDouble("hybrid_score"),
                    "fused scores descend at rank " + (i + 1));
        }
    }
}
