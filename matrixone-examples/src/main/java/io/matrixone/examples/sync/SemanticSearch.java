package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.Filter;
import io.matrixone.core.search.VectorIndexMode;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Semantic search over 3,000 documents: embeddings made by the example ({@link Corpus}, no model download) stored in
 * a {@code vecf32} column, an IVF index by cosine distance, then k-nearest, filtered and range searches whose
 * answers are checked against an exact search computed here.
 */
public final class SemanticSearch implements Example {
    static final int DOCUMENTS = 3_000;
    static final int LISTS = 8;
    /** The question asked; its nearest documents are about databases. */
    public static final String QUESTION = "how do I backup and restore a database from a snapshot";

    /** One answer: the document and its cosine distance to the question. */
    public record Hit(long id, String topic, String title, double distance) {
    }

    @Override
    public String name() {
        return "semantic-search";
    }

    @Override
    public String description() {
        return "3,000 documents with made-up embeddings, an IVF cosine index, nearest / filtered / range search";
    }

    @Override
    public void run(ExampleContext ctx) {
        // probe every IVF list, so that the index's answer is the exact one (MatrixOne's default probes 5)
        MatrixOneClient client = ctx.client(o -> o.sessionVariables(Map.of("probe_limit", LISTS)));
        client.execute(Corpus.CREATE_TABLE);
        List<Corpus.Doc> docs = Corpus.documents(DOCUMENTS);
        List<List<?>> rows = new ArrayList<>(docs.size());
        for (Corpus.Doc d : docs) {
            rows.add(List.of(d.id(), d.topicName(), d.title(), d.body(), Corpus.embed(d.title() + " " + d.body())));
        }
        long start = System.nanoTime();
        client.executeBatch("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows);
        ctx.say("stored " + DOCUMENTS + " documents with " + Corpus.DIMENSIONS + "-dimensional embeddings in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");

        client.indexes().create(VectorIndexSpec.ivfFlat("idx_docs_embedding", "docs", "embedding").lists(LISTS)
                .metric(DistanceMetric.COSINE));
        IndexInfo index = client.indexes().list(null, "docs").stream().filter(IndexInfo::isVector).findFirst()
                .orElseThrow();
        ctx.say("index " + index.name() + ": " + index.algorithm() + " " + index.params());
        ctx.expect(index.metric().orElseThrow(), DistanceMetric.COSINE, "the index serves cosine searches");

        float[] question = Corpus.embed(QUESTION);
        start = System.nanoTime();
        List<Hit> hits = client.search().nearest(VectorQuery.of("docs", "embedding", question)
                .metric(DistanceMetric.COSINE).select("id", "topic", "title").limit(5), Hit.class);
        ctx.say("top 5 for \"" + QUESTION + "\" in " + (System.nanoTime() - start) / 1_000_000 + " ms:");
        hits.forEach(h -> ctx.say(String.format("  %.4f  #%d [%s] %s", h.distance(), h.id(), h.topic(), h.title())));
        ctx.check(same(hits, exact(docs, question, 5, null)), "the five distances are those an exact search finds");
        ctx.check(hits.stream().filter(h -> h.topic().equals("database")).count() >= 4,
                "the nearest documents are about databases");

        // a filter far from the question: by default MatrixOne searches the index first and filters its candidates
        // afterwards (none of them is about cooking); mode PRE filters first, then ranks what passes
        List<Hit> cooking = client.search().nearest(VectorQuery.of("docs", "embedding", question)
                .metric(DistanceMetric.COSINE).select("id", "topic", "title").filter(Filter.eq("topic", "cooking"))
                .mode(VectorIndexMode.PRE).limit(3), Hit.class);
        ctx.check(cooking.size() == 3 && cooking.stream().allMatch(h -> h.topic().equals("cooking")),
                "a filtered search returns only cooking documents");
        ctx.check(same(cooking, exact(docs, question, 3, "cooking")), "they are the nearest cooking documents");

        double radius = hits.get(hits.size() - 1).distance();
        List<Hit> near = client.search().nearest(VectorQuery.of("docs", "embedding", question)
                .metric(DistanceMetric.COSINE).select("id", "topic", "title").maxDistance(radius).limit(100), Hit.class);
        ctx.check(near.size() >= 5 && near.stream().allMatch(h -> h.distance() <= radius),
                "a range search returns the documents within distance " + String.format("%.4f", radius));
    }

    /** Whether the hits' distances are the expected ones (float32 arithmetic on the server: 1e-5 apart at most). */
    private static boolean same(List<Hit> hits, List<Double> expected) {
        if (hits.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < hits.size(); i++) {
            if (Math.abs(hits.get(i).distance() - expected.get(i)) > 1e-5) {
                return false;
            }
        }
        return true;
    }

    /** The k smallest cosine distances to the question, computed here over every document (of one topic). */
    private static List<Double> exact(List<Corpus.Doc> docs, float[] question, int k, String topic) {
        return docs.stream().filter(d -> topic == null || d.topicName().equals(topic))
                .map(d -> DistanceMetric.COSINE.between(Corpus.embed(d.title() + " " + d.body()), question))
                .sorted().limit(k).toList();
    }
}
