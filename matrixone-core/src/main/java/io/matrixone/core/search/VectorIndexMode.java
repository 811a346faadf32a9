package io.matrixone.core.search;

import io.matrixone.core.version.Feature;

import java.util.Locale;

/**
 * How MatrixOne runs a vector search that has a filter: {@code ... LIMIT k BY RANK WITH OPTION 'mode=...'} (from
 * MatrixOne 3.0.5). Without a mode the server decides.
 */
public enum VectorIndexMode {
    /** Filter first and search the index among the rows that pass (bloom-filter push-down): exact k when a filter is selective. */
    PRE(Feature.VECTOR_RANK_OPTION),
    /** Search the index, then filter the candidates: fastest, may return fewer than k rows when the filter is selective. */
    POST(Feature.VECTOR_RANK_OPTION),
    /** Do not use the vector index: an exact scan of every row that passes the filter. */
    FORCE(Feature.VECTOR_RANK_OPTION),
    /** Let the server choose between the strategies from its statistics (from 4.0.0-rc1). */
    AUTO(Feature.VECTOR_RANK_AUTO),
    /** Use the INCLUDE columns of an IVF index to filter inside the index (from 4.2.0). */
    INCLUDE(Feature.VECTOR_RANK_INCLUDE);

    private final Feature feature;

    VectorIndexMode(Feature feature) {
        this.feature = feature;
    }

    /** The server feature this mode needs. */
    public Feature feature() {
        return feature;
    }

    /** The option value, e.g. {@code pre}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
