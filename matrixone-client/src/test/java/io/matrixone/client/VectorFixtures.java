package io.matrixone.client;

import io.matrixone.core.search.DistanceMetric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** A small document set for the search ITs and what a correct server answers for it, computed here. */
final class VectorFixtures {
    private VectorFixtures() {
    }

    record Doc(long id, String lang, String title, String body, float[] emb) {
        /** The lower-case words of title and body. */
        Set<String> words() {
            return Set.copyOf(Arrays.asList(text().split("[^a-z]+")));
        }

        String text() {
            return (title + " " + body).toLowerCase(Locale.ROOT);
        }
    }

    record Expected(long id, double distance) {
    }

    /** No two documents are at the same distance from {@link #QUERY} by any metric, so the order is determined. */
    static final List<Doc> DOCS = List.of(
            new Doc(1, "en", "Vector databases", "vector search with indexes", new float[] {1f, 0f, 0f, 0.1f}),
            new Doc(2, "en", "Full text search", "words and phrases in documents", new float[] {0.9f, 0.2f, 0f, 0f}),
            new Doc(3, "de", "Datenbank", "vector index for search", new float[] {0f, 1f, 0.1f, 0f}),
            new Doc(4, "en", "Cooking pasta", "boil water and add salt", new float[] {0f, 0f, 1f, 0.3f}),
            new Doc(5, "en", "Hybrid search", "vector and text ranked together", new float[] {0.7f, 0.6f, 0f, 0f}),
            new Doc(6, "de", "Suche", "text search in german", new float[] {0.2f, 0.1f, 0.9f, 0.1f}),
            new Doc(7, "en", "Gardening", "plant tomatoes in spring", new float[] {0.5f, 0f, 0f, 0.9f}));

    static final float[] QUERY = {1f, 0.05f, 0f, 0f};

    static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** The k documents nearest to q among those passing the filter, by the metric, computed here. */
    static List<Expected> nearest(DistanceMetric metric, float[] q, Predicate<Doc> filter, int k) {
        return DOCS.stream().filter(filter).map(d -> new Expected(d.id(), metric.between(d.emb(), q)))
                .sorted(Comparator.comparingDouble(Expected::distance)).limit(k).toList();
    }

    /** Documents whose text contains the phrase. */
    static List<Long> containing(String phrase) {
        return DOCS.stream().filter(d -> (" " + d.text().replaceAll("[^a-z]+", " ") + " ").contains(" " + phrase + " "))
                .map(Doc::id).toList();
    }

    /** Documents with every word of {@code all} and none of {@code none}. */
    static List<Long> matching(List<String> all, List<String> none) {
        return DOCS.stream().filter(d -> d.words().containsAll(all) && none.stream().noneMatch(d.words()::contains))
                .map(Doc::id).toList();
    }

    /** Reciprocal rank fusion (weights 1) of two rankings, best first; ties keep the order of first appearance. */
    static List<Long> rrf(List<Long> first, List<Long> second, int k, int limit) {
        Map<Long, Double> score = new HashMap<>();
        List<Long> seen = new ArrayList<>();
        for (List<Long> ranking : Arrays.asList(first, second)) {
            for (int i = 0; i < ranking.size(); i++) {
                Long id = ranking.get(i);
                if (!score.containsKey(id)) {
                    seen.add(id);
                }
                score.merge(id, 1.0 / (k + i + 1), Double::sum);
            }
        }
        return seen.stream().sorted(Comparator.comparingDouble((Long id) -> -score.get(id))).limit(limit).toList();
    }
}
