package io.matrixone.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How an IVF-flat index spreads a table's rows over its lists, read from the index's hidden tables (MatrixOne keeps
 * an IVF-flat index as three tables: metadata, centroids, and entries, one row per indexed row naming its centroid).
 * A very uneven spread, or a single list, says the index was built on too few or different rows: rebuild it
 * ({@code indexes().rebuild(..)}).
 *
 * @param database       the table's database
 * @param table          the indexed table
 * @param column         the vector column
 * @param index          the index name
 * @param metadataTable  the hidden metadata table ({@code __mo_index_secondary_...}: build version and times)
 * @param centroidsTable the hidden centroids table
 * @param entriesTable   the hidden entries table
 * @param version        the build version of the centroids in use (0 after CREATE INDEX, +1 per rebuild)
 * @param clustered      false when the index was built on fewer vectors than lists: MatrixOne then keeps one
 *                       placeholder centroid (no vector) and every row falls in it
 * @param buckets        one per centroid of the current version, in id order, with the rows assigned to it (a
 *                       centroid with no rows has 0); rows the server still lists under another version follow
 */
public record IvfIndexStats(String database, String table, String column, String index, String metadataTable,
                            String centroidsTable, String entriesTable, long version, boolean clustered,
                            List<Bucket> buckets) {

    /**
     * One list of the index.
     *
     * @param centroidId the centroid's id ({@code __mo_index_centroid_id})
     * @param version    the build version it belongs to
     * @param rows       how many rows are assigned to it
     */
    public record Bucket(long centroidId, long version, long rows) {
    }

    public IvfIndexStats {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(index, "index");
        buckets = List.copyOf(buckets);
    }

    /** The rows the index holds (all buckets). */
    public long totalRows() {
        return buckets.stream().mapToLong(Bucket::rows).sum();
    }

    /** The number of lists (centroids) of the current version. */
    public int lists() {
        return (int) buckets.stream().filter(b -> b.version() == version).count();
    }

    /** The fullest bucket's row count (0 without buckets). */
    public long largestBucket() {
        return buckets.stream().map(Bucket::rows).max(Comparator.naturalOrder()).orElse(0L);
    }

    /** The emptiest bucket's row count (0 without buckets). */
    public long smallestBucket() {
        return buckets.stream().map(Bucket::rows).min(Comparator.naturalOrder()).orElse(0L);
    }
}
