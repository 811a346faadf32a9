package io.matrixone.core.search;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.util.Objects;

/**
 * A hybrid search ({@code client.search().hybrid(query, Type.class)}): a vector search and a full-text search of one
 * table, their rankings fused by reciprocal rank fusion. Each side returns its own candidates (its {@code limit}); a
 * row's fused score is {@code vectorWeight / (rrfK + vector rank) + textWeight / (rrfK + text rank)}, a side where
 * the row is not among the candidates adding nothing; the best {@link #limit} rows by that score are returned, each
 * with its distance (or null), its text score (or null) and the fused score. Both searches run on one connection,
 * one after the other (inside a transaction, on its connection), so they see the same data.
 *
 * <p>Rank fusion needs no common scale for distances and relevance scores, which have none: an L2 distance and a
 * BM25 score cannot be added, their ranks can. The two sides must select the same columns, including {@link #key},
 * which identifies a row in both.
 *
 * <pre>{@code
 * HybridQuery q = HybridQuery.of(
 *         VectorQuery.of("docs", "embedding", v).select("id", "title").limit(50),
 *         FulltextQuery.of("docs", List.of("title", "body"), "vector database").select("id", "title").limit(50),
 *         "id").limit(10);
 * }</pre>
 *
 * @param vector       the vector side; its distance label names the distance column
 * @param text         the full-text side; its score label names the score column
 * @param key          the column that identifies a row (selected by both sides)
 * @param limit        how many fused rows at most; default 10
 * @param rrfK         the rank offset of reciprocal rank fusion; default 60 (Cormack et al.), larger flattens ranks
 * @param vectorWeight weight of the vector ranking; default 1
 * @param textWeight   weight of the text ranking; default 1
 * @param scoreLabel   the label of the fused score; default {@code hybrid_score}
 */
public record HybridQuery(VectorQuery vector, FulltextQuery text, String key, int limit, int rrfK,
                          double vectorWeight, double textWeight, String scoreLabel) {

    public static final int DEFAULT_RRF_K = 60;
    public static final String DEFAULT_SCORE_LABEL = "hybrid_score";

    public HybridQuery {
        Objects.requireNonNull(vector, "vector query must not be null");
        Objects.requireNonNull(text, "text query must not be null");
        Identifiers.check(key, NameKind.COLUMN);
        Queries.require(Objects.equals(lower(vector.database()), lower(text.database()))
                        && vector.table().equalsIgnoreCase(text.table()),
                "both sides must search the same table: " + Identifiers.table(vector.database(), vector.table())
                        + " and " + Identifiers.table(text.database(), text.table()));
        Queries.require(sameColumns(vector, text), "both sides must select the same columns, was " + vector.select()
                + " and " + text.select());
        Queries.require(vector.select().isEmpty() || vector.select().stream().anyMatch(key::equalsIgnoreCase),
                "the key column " + key + " must be selected");
        Queries.limit(limit);
        Queries.require(rrfK >= 0, "rrfK must not be negative, was " + rrfK);
        Queries.require(Double.isFinite(vectorWeight) && vectorWeight >= 0 && Double.isFinite(textWeight)
                && textWeight >= 0 && vectorWeight + textWeight > 0, "weights must be finite, not negative, and not both 0");
        Identifiers.check(scoreLabel, NameKind.COLUMN);
        Queries.require(!vector.distanceLabel().equalsIgnoreCase(text.scoreLabel()),
                "the distance and score labels must differ");
        Queries.require(!scoreLabel.equalsIgnoreCase(vector.distanceLabel())
                && !scoreLabel.equalsIgnoreCase(text.scoreLabel()), "the fused score label must differ from the others");
        Queries.distinctLabel(scoreLabel, vector.select(), "scoreLabel");
        Queries.distinctLabel(text.scoreLabel(), vector.select(), "the text side's scoreLabel");
        Queries.distinctLabel(vector.distanceLabel(), text.select(), "the vector side's distanceLabel");
    }

    /** The two searches fused, rows identified by {@code key}; the best 10 fused rows, rank offset 60, equal weights. */
    public static HybridQuery of(VectorQuery vector, FulltextQuery text, String key) {
        Objects.requireNonNull(key, "key must not be null");
        return new HybridQuery(vector, text, key, VectorQuery.DEFAULT_LIMIT, DEFAULT_RRF_K, 1.0, 1.0,
                DEFAULT_SCORE_LABEL);
    }

    public HybridQuery limit(int k) {
        return new HybridQuery(vector, text, key, k, rrfK, vectorWeight, textWeight, scoreLabel);
    }

    public HybridQuery rrfK(int k) {
        return new HybridQuery(vector, text, key, limit, k, vectorWeight, textWeight, scoreLabel);
    }

    /** The weights of the two rankings in the fused score. */
    public HybridQuery weights(double vectorSide, double textSide) {
        return new HybridQuery(vector, text, key, limit, rrfK, vectorSide, textSide, scoreLabel);
    }

    public HybridQuery scoreLabel(String label) {
        Objects.requireNonNull(label, "label must not be null");
        return new HybridQuery(vector, text, key, limit, rrfK, vectorWeight, textWeight, label);
    }

    private static boolean sameColumns(VectorQuery v, FulltextQuery t) {
        if (v.select().size() != t.select().size()) {
            return false;
        }
        for (int i = 0; i < v.select().size(); i++) {
            if (!v.select().get(i).equalsIgnoreCase(t.select().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s == null ? null : Queries.lower(s);
    }
}
