package io.matrixone.core.model;

import io.matrixone.core.version.Feature;

/** MatrixOne's vector index algorithms: {@code CREATE INDEX i USING <algorithm> ON t (v) ...}. */
public enum VectorIndexAlgorithm {
    /**
     * IVF-flat: k-means clusters ({@code LISTS}) of the vectors; a search probes the {@code probe_limit} nearest
     * clusters (session variable, default 5). Built when created, rebuilt by {@code REINDEX}. From MatrixOne 1.1.0.
     */
    IVFFLAT("ivfflat", Feature.VECTOR),
    /**
     * HNSW: a navigable graph ({@code M} links per node, {@code EF_CONSTRUCTION}, {@code EF_SEARCH}); needs a
     * BIGINT primary key and the session variable {@code experimental_hnsw_index = 1} when it is created. From 2.1.0.
     */
    HNSW("hnsw", Feature.HNSW);

    private final String sql;
    private final Feature feature;

    VectorIndexAlgorithm(String sql, Feature feature) {
        this.sql = sql;
        this.feature = feature;
    }

    /** The name in SQL and in {@code SHOW INDEX}'s {@code Index_type}: {@code ivfflat}, {@code hnsw}. */
    public String sql() {
        return sql;
    }

    public Feature feature() {
        return feature;
    }
}
