package io.matrixone.core.search;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A k-nearest-neighbour search ({@code client.search().nearest(query, Type.class)}): the rows of a table whose vector
 * column is closest to a query vector, closest first, each with its distance. With {@link #maxDistance} it is a range
 * search (only rows within that distance), with {@link #filter} a filtered one. The query vector is always a bound
 * parameter.
 *
 * <pre>{@code
 * VectorQuery q = VectorQuery.of("docs", "embedding", queryVector)
 *         .metric(DistanceMetric.COSINE).select("id", "title").filter(Filter.eq("lang", "en")).limit(5);
 * // SELECT `id`, `title`, cosine_distance(`embedding`, ?) AS `distance` FROM `docs` WHERE `lang` = ?
 * //   ORDER BY `distance` ASC LIMIT 5
 * }</pre>
 *
 * <p>A vector index is used when its {@code op_type} matches the metric ({@link DistanceMetric#opType()}); otherwise
 * the search is exact. How a filtered search uses the index is {@link #mode} (MatrixOne 3.0.5+); the IVF probe count
 * ({@code probe_limit}) and the HNSW search width are session and index settings, not per query (see README).
 *
 * @param database      the table's database, or {@code null} for the connection's current database
 * @param table         the table searched
 * @param column        its {@code vecf32}/{@code vecf64} column
 * @param vector        the query vector in MatrixOne's text form ({@link VectorText}), bound as a parameter
 * @param dimensions    how many elements the query vector has
 * @param metric        the distance; default {@link DistanceMetric#L2}
 * @param select        the columns returned besides the distance; empty for every column ({@code *})
 * @param filter        rows considered, or {@code null} for all
 * @param limit         how many rows at most (k); default 10
 * @param maxDistance   only rows at most this far ({@code distance <= maxDistance}), or {@code null}
 * @param mode          {@code BY RANK WITH OPTION 'mode=...'}, or {@code null} to let the server decide
 * @param distanceLabel the label of the distance column; default {@code distance}
 */
public record VectorQuery(String database, String table, String column, String vector, int dimensions,
                          DistanceMetric metric, List<String> select, Filter filter, int limit, Double maxDistance,
                          VectorIndexMode mode, String distanceLabel) {

    /** The default number of rows, k. */
    public static final int DEFAULT_LIMIT = 10;
    /** The default label of the distance column. */
    public static final String DEFAULT_DISTANCE_LABEL = "distance";

    public VectorQuery {
        Queries.optionalName(database, NameKind.DATABASE);
        Identifiers.check(table, NameKind.TABLE);
        Identifiers.check(column, NameKind.COLUMN);
        Objects.requireNonNull(vector, "vector must not be null");
        Queries.require(dimensions == VectorText.count(vector), "dimensions must be the vector's length");
        Queries.require(dimensions > 0, "the query vector must have at least one element");
        Objects.requireNonNull(metric, "metric must not be null");
        select = Queries.columns(select, "select", true);
        Queries.limit(limit);
        Queries.require(maxDistance == null || Double.isFinite(maxDistance), "maxDistance must be finite");
        Identifiers.check(distanceLabel, NameKind.COLUMN);
        Queries.distinctLabel(distanceLabel, select, "distanceLabel");
    }

    /** The {@code limit} rows of {@code table} nearest to {@code vector} in {@code column}, by L2 distance. */
    public static VectorQuery of(String table, String column, float[] vector) {
        return of(table, column, VectorText.format(Objects.requireNonNull(vector, "vector must not be null")),
                vector.length);
    }

    /** The same for a {@code double[]} query vector (for {@code vecf64} columns). */
    public static VectorQuery of(String table, String column, double[] vector) {
        return of(table, column, VectorText.format(Objects.requireNonNull(vector, "vector must not be null")),
                vector.length);
    }

    private static VectorQuery of(String table, String column, String text, int dims) {
        return new VectorQuery(null, table, column, text, dims, DistanceMetric.L2, List.of(), null, DEFAULT_LIMIT,
                null, null, DEFAULT_DISTANCE_LABEL);
    }

    /** The table is in {@code database} rather than the connection's current one. */
    public VectorQuery database(String name) {
        return new VectorQuery(Identifiers.check(name, NameKind.DATABASE), table, column, vector, dimensions, metric,
                select, filter, limit, maxDistance, mode, distanceLabel);
    }

    public VectorQuery metric(DistanceMetric m) {
        return new VectorQuery(database, table, column, vector, dimensions, m, select, filter, limit, maxDistance, mode,
                distanceLabel);
    }

    /** The columns returned besides the distance (names, back-quoted), in this order. */
    public VectorQuery select(String... columns) {
        return select(Arrays.asList(Objects.requireNonNull(columns, "columns must not be null")));
    }

    public VectorQuery select(List<String> columns) {
        return new VectorQuery(database, table, column, vector, dimensions, metric, columns, filter, limit,
                maxDistance, mode, distanceLabel);
    }

    /** Only rows that pass {@code f}; replaces an earlier filter (combine with {@link Filter#and}). */
    public VectorQuery filter(Filter f) {
        return new VectorQuery(database, table, column, vector, dimensions, metric, select,
                Objects.requireNonNull(f, "filter must not be null"), limit, maxDistance, mode, distanceLabel);
    }

    /** At most {@code k} rows (1..100000). */
    public VectorQuery limit(int k) {
        return new VectorQuery(database, table, column, vector, dimensions, metric, select, filter, k, maxDistance,
                mode, distanceLabel);
    }

    /** A range search: only rows whose distance is at most {@code distance} (still at most {@link #limit} rows). */
    public VectorQuery maxDistance(double distance) {
        return new VectorQuery(database, table, column, vector, dimensions, metric, select, filter, limit, distance,
                mode, distanceLabel);
    }

    /** How a filtered search uses the vector index ({@code BY RANK WITH OPTION 'mode=...'}). */
    public VectorQuery mode(VectorIndexMode m) {
        return new VectorQuery(database, table, column, vector, dimensions, metric, select, filter, limit, maxDistance,
                Objects.requireNonNull(m, "mode must not be null"), distanceLabel);
    }

    /** The label of the distance column, for a record component of another name. */
    public VectorQuery distanceLabel(String label) {
        Objects.requireNonNull(label, "label must not be null");
        return new VectorQuery(database, table, column, vector, dimensions, metric, select, filter, limit, maxDistance,
                mode, label);
    }

    /** Values are not shown. */
    @Override
    public String toString() {
        return "VectorQuery[" + Identifiers.table(database, table) + "." + column + ", " + metric + ", dims="
                + dimensions + ", limit=" + limit + (maxDistance == null ? "" : ", maxDistance=" + maxDistance)
                + (filter == null ? "" : ", " + filter) + (mode == null ? "" : ", mode=" + mode.option()) + "]";
    }
}
