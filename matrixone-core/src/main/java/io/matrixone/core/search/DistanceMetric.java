package io.matrixone.core.search;

import io.matrixone.core.version.Feature;

/**
 * How a vector search measures closeness: one of MatrixOne's distance functions and the index operator class that
 * accelerates it ({@code op_type} of an IVF or HNSW index). Every metric is a distance: smaller is closer, so a
 * search orders ascending.
 */
public enum DistanceMetric {
    /** Euclidean distance, {@code l2_distance(a, b)}; indexes with {@code op_type 'vector_l2_ops'}. */
    L2("l2_distance", "vector_l2_ops", Feature.VECTOR),
    /**
     * Squared Euclidean distance, {@code l2_distance_sq(a, b)}: the same order as {@link #L2} without the square
     * root; indexes with {@code op_type 'vector_l2_ops'}. From MatrixOne 2.0.0.
     */
    L2_SQUARED("l2_distance_sq", "vector_l2_ops", Feature.L2_DISTANCE_SQ),
    /** Cosine distance, {@code cosine_distance(a, b)} = 1 - cosine similarity; {@code op_type 'vector_cosine_ops'}. */
    COSINE("cosine_distance", "vector_cosine_ops", Feature.VECTOR),
    /**
     * Inner product, {@code inner_product(a, b)}, which MatrixOne returns <em>negated</em> (-(a·b)) so that smaller
     * is closer like the others; {@code op_type 'vector_ip_ops'}. For vectors of length 1 it orders as cosine.
     */
    INNER_PRODUCT("inner_product", "vector_ip_ops", Feature.VECTOR);

    private final String function;
    private final String opType;
    private final Feature feature;

    DistanceMetric(String function, String opType, Feature feature) {
        this.function = function;
        this.opType = opType;
        this.feature = feature;
    }

    /** MatrixOne's SQL function, e.g. {@code l2_distance}. */
    public String function() {
        return function;
    }

    /** The index operator class that serves this metric, e.g. {@code vector_l2_ops}. */
    public String opType() {
        return opType;
    }

    /** The server feature the function needs. */
    public Feature feature() {
        return feature;
    }

    /**
     * This distance between two vectors computed here, as MatrixOne computes it (elements as given, sums in double):
     * for re-ranking or checking results locally, and for measuring an index's recall against exact search.
     *
     * @throws IllegalArgumentException when the lengths differ (MatrixOne: "vector dimension not matched"), or for
     *                                  the cosine of a zero vector
     */
    public double between(float[] a, float[] b) {
        java.util.Objects.requireNonNull(a, "a must not be null");
        java.util.Objects.requireNonNull(b, "b must not be null");
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector dimension not matched: " + a.length + " != " + b.length);
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = b[i];
            dot += x * y;
            aa += x * x;
            bb += y * y;
            sq += (x - y) * (x - y);
        }
        return switch (this) {
            case L2 -> Math.sqrt(sq);
            case L2_SQUARED -> sq;
            case INNER_PRODUCT -> -dot;
            case COSINE -> {
                if (aa == 0 || bb == 0) { // MatrixOne refuses it too
                    throw new IllegalArgumentException("cosine similarity zero denominator: a zero vector has no direction");
                }
                yield 1 - dot / (Math.sqrt(aa) * Math.sqrt(bb));
            }
        };
    }

    /** The metric of an index {@code op_type}; {@code vector_l2_ops} and {@code vector_l2sq_ops} are {@link #L2}. */
    public static DistanceMetric ofOpType(String opType) {
        if (opType != null) {
            switch (opType.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "vector_l2_ops", "vector_l2sq_ops":
                    return L2;
                case "vector_cosine_ops":
                    return COSINE;
                case "vector_ip_ops":
                    return INNER_PRODUCT;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("no distance metric for op_type " + opType);
    }
}
