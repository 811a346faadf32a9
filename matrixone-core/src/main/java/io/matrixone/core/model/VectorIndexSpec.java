package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;
import io.matrixone.core.search.DistanceMetric;

import java.util.Objects;

/**
 * A vector index: {@code CREATE INDEX `i` USING IVFFLAT ON `t` (`v`) LISTS = n OP_TYPE 'vector_l2_ops'} or
 * {@code ... USING HNSW ... M = m EF_CONSTRUCTION = c EF_SEARCH = s OP_TYPE '...'}. Start with {@link #ivfFlat} or
 * {@link #hnsw}, then add options; each step returns a checked copy. Options the server would default are left out
 * of the statement (IVF: one list; HNSW: the library's defaults). The metric is the distance the index serves: a
 * search with another metric does not use it.
 *
 * @param name           the index name
 * @param database       the table's database, or {@code null} for the connection's current database
 * @param table          the table
 * @param column         its {@code vecf32}/{@code vecf64} column
 * @param algorithm      IVF-flat or HNSW
 * @param metric         the distance served ({@code op_type}); default {@link DistanceMetric#L2}
 * @param lists          IVF only: the number of clusters ({@code LISTS}), or {@code null}
 * @param m              HNSW only: links per node ({@code M}), or {@code null}
 * @param efConstruction HNSW only: candidate list size while building ({@code EF_CONSTRUCTION}), or {@code null}
 * @param efSearch       HNSW only: candidate list size while searching ({@code EF_SEARCH}), or {@code null}
 */
public record VectorIndexSpec(String name, String database, String table, String column,
                              VectorIndexAlgorithm algorithm, DistanceMetric metric, Integer lists, Integer m,
                              Integer efConstruction, Integer efSearch) {

    public VectorIndexSpec {
        Models.name(name, NameKind.INDEX);
        Models.optionalName(database, NameKind.DATABASE);
        Models.name(table, NameKind.TABLE);
        Models.name(column, NameKind.COLUMN);
        Objects.requireNonNull(algorithm, "algorithm must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        positive(lists, "lists");
        positive(m, "m");
        positive(efConstruction, "efConstruction");
        positive(efSearch, "efSearch");
        Models.require(lists == null || algorithm == VectorIndexAlgorithm.IVFFLAT, "lists applies to IVFFLAT indexes only");
        Models.require(algorithm == VectorIndexAlgorithm.HNSW || m == null && efConstruction == null && efSearch == null,
                "m, efConstruction and efSearch apply to HNSW indexes only");
    }

    /** An IVF-flat index on {@code table.column}, L2 distance. */
    public static VectorIndexSpec ivfFlat(String name, String table, String column) {
        return new VectorIndexSpec(name, null, table, column, VectorIndexAlgorithm.IVFFLAT, DistanceMetric.L2, null,
                null, null, null);
    }

    /** An HNSW index on {@code table.column}, L2 distance. */
    public static VectorIndexSpec hnsw(String name, String table, String column) {
        return new VectorIndexSpec(name, null, table, column, VectorIndexAlgorithm.HNSW, DistanceMetric.L2, null,
                null, null, null);
    }

    public VectorIndexSpec database(String db) {
        return new VectorIndexSpec(name, Models.name(db, NameKind.DATABASE), table, column, algorithm, metric, lists, m,
                efConstruction, efSearch);
    }

    /** The distance the index serves ({@code op_type}). */
    public VectorIndexSpec metric(DistanceMetric distance) {
        return new VectorIndexSpec(name, database, table, column, algorithm,
                Objects.requireNonNull(distance, "metric must not be null"), lists, m, efConstruction, efSearch);
    }

    /** IVF: the number of clusters; about sqrt(rows) is a common start. */
    public VectorIndexSpec lists(int n) {
        return new VectorIndexSpec(name, database, table, column, algorithm, metric, n, m, efConstruction, efSearch);
    }

    /** HNSW: links per node (16 is common); more is better recall and more memory. */
    public VectorIndexSpec m(int links) {
        return new VectorIndexSpec(name, database, table, column, algorithm, metric, lists, links, efConstruction,
                efSearch);
    }

    /** HNSW: candidate list size while building (e.g. 128). */
    public VectorIndexSpec efConstruction(int size) {
        return new VectorIndexSpec(name, database, table, column, algorithm, metric, lists, m, size, efSearch);
    }

    /** HNSW: candidate list size while searching (e.g. 64); at least the k searched for. */
    public VectorIndexSpec efSearch(int size) {
        return new VectorIndexSpec(name, database, table, column, algorithm, metric, lists, m, efConstruction, size);
    }

    private static void positive(Integer value, String what) {
        Models.require(value == null || value > 0, what + " must be greater than 0, was " + value);
    }
}
