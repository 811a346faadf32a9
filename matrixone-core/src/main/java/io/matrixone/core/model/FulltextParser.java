package io.matrixone.core.model;

import io.matrixone.core.version.Feature;

/** How a full-text index splits text into words: {@code CREATE FULLTEXT INDEX ... WITH PARSER <parser>}. */
public enum FulltextParser {
    /** Overlapping n-grams (MatrixOne's {@code ngram_token_size} is 3): CJK text without spaces. */
    NGRAM("ngram", Feature.FULLTEXT),
    /** A JSON column: the words of its keys and string values. */
    JSON("json", Feature.FULLTEXT),
    /** A JSON column: each of its string values as one word (exact value search). From 2.1.0. */
    JSON_VALUE("json_value", Feature.FULLTEXT_JSON_VALUE_PARSER),
    /** Chinese word segmentation (the server needs its jieba dictionary). From 4.1.0. */
    GOJIEBA("gojieba", Feature.FULLTEXT_GOJIEBA_PARSER);

    private final String sql;
    private final Feature feature;

    FulltextParser(String sql, Feature feature) {
        this.sql = sql;
        this.feature = feature;
    }

    public String sql() {
        return sql;
    }

    public Feature feature() {
        return feature;
    }
}
