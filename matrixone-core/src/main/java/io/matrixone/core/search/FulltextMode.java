package io.matrixone.core.search;

/** How {@code MATCH(...) AGAINST(...)} reads its query text. */
public enum FulltextMode {
    /** {@code IN NATURAL LANGUAGE MODE}: the words of the text, scored by relevance (TF-IDF or BM25, per {@code ft_relevancy_algorithm}). */
    NATURAL_LANGUAGE("IN NATURAL LANGUAGE MODE"),
    /** {@code IN BOOLEAN MODE}: {@code +must -not word* "phrase"}; build the text with {@link BooleanQuery}. */
    BOOLEAN("IN BOOLEAN MODE");

    private final String sql;

    FulltextMode(String sql) {
        this.sql = sql;
    }

    /** The modifier as written in {@code AGAINST(...)}. */
    public String sql() {
        return sql;
    }
}
