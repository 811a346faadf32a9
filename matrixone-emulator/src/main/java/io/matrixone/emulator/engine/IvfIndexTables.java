package io.matrixone.emulator.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * An IVF-flat index's hidden tables as MatrixOne 4.2.0 has them: {@code metadata} ({@code __mo_index_key},
 * {@code __mo_index_val}: the version and build times), {@code centroids} ({@code __mo_index_centroid_version},
 * {@code __mo_index_centroid_id}, {@code __mo_index_centroid}) and {@code entries}
 * ({@code __mo_index_centroid_fk_version}, {@code __mo_index_centroid_fk_id}, {@code __mo_index_pri_col},
 * {@code __mo_index_centroid_fk_entry}), each named {@code __mo_index_secondary_<uuid>} in the table's database.
 *
 * <p>The centroids are computed here at CREATE INDEX and ALTER REINDEX (k-means on a bounded, deterministic sample
 * of the rows present; one NULL placeholder centroid with id 1 when there are fewer vectors than lists, as
 * MatrixOne does) and kept as an immutable <em>build</em> in the emulator's schema, whose id the index comment
 * records ({@link VectorDdl.IndexMeta#build()}). Because the id travels with the index definition, snapshots,
 * clones ({@code CREATE TABLE ... LIKE}), restores and rolled-back REINDEXes keep pointing at the centroids of
 * their time without any hook of their own.
 *
 * <p>The entries are not stored: a reference to the entries table is rewritten into a derived table over the base
 * table that assigns each row to its nearest centroid by the index's {@code op_type}
 * ({@code mo_ivf_assign}), so they stay true through every INSERT, UPDATE and DELETE without triggers (which
 * MariaDB copies of tables would lose) at the price of computing them on read. The hidden tables are therefore
 * not MariaDB tables: SHOW TABLES and information_schema never list them, and DROP TABLE / DROP INDEX removes them
 * with the index.
 */
final class IvfIndexTables {
    static final String SCHEMA = Catalog.META_SCHEMA;
    static final String CENTROIDS = Sql.id(SCHEMA, "ivf_centroids");
    static final String ELEMENTS = Sql.id(SCHEMA, "ivf_centroid_elements");
    static final String METADATA = Sql.id(SCHEMA, "ivf_metadata");
    /** The hidden tables of an IVF-flat index, in MatrixOne's order ({@code mo_indexes.algo_table_type}). */
    static final List<String> ROLES = List.of("metadata", "centroids", "entries");
    private static final String PREFIX = "__mo_index_secondary_";
    /** MatrixOne samples up to 50 vectors per list for k-means; the emulator never more. */
    static final int SAMPLE_PER_LIST = 50;
    private static final int MAX_ITERATIONS = 20;
    /** Distance evaluations one k-means run may spend (sample × lists × dimensions × iterations). */
    private static final long WORK_BUDGET = 200_000_000L;
    /** A build no index refers to is removed only when older than this: its index may be being created. */
    private static final int GC_AGE_SECONDS = 60;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private IvfIndexTables() {
    }

    /** The emulator's tables for builds and the function that assigns a vector to its centroid; idempotent. */
    static List<String> installStatements() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + METADATA + " (build CHAR(32) NOT NULL, k VARCHAR(64) NOT NULL, "
                        + "v VARCHAR(255) NOT NULL, PRIMARY KEY (build, k))",
                "CREATE TABLE IF NOT EXISTS " + CENTROIDS + " (build CHAR(32) NOT NULL, version BIGINT NOT NULL, "
                        + "centroid_id BIGINT NOT NULL, centroid MEDIUMTEXT, PRIMARY KEY (build, centroid_id))",
                // the centroids' elements, so that assigning a row parses only the row's vector
                "CREATE TABLE IF NOT EXISTS " + ELEMENTS + " (build CHAR(32) NOT NULL, centroid_id BIGINT NOT NULL, "
                        + "i INT NOT NULL, f DOUBLE NOT NULL, PRIMARY KEY (build, i, centroid_id))",
                """
                CREATE OR REPLACE FUNCTION `%1$s`.mo_ivf_assign(b CHAR(32), v LONGTEXT, op VARCHAR(32)) RETURNS BIGINT
                READS SQL DATA
                BEGIN
                  DECLARE r BIGINT DEFAULT NULL;
                  IF v IS NOT NULL AND JSON_VALID(v) THEN
                    SET r = (SELECT e.centroid_id FROM JSON_TABLE(v, '$[*]' COLUMNS (i FOR ORDINALITY, f FLOAT PATH '$')) x
                      JOIN %2$s e ON e.build = b AND e.i = x.i GROUP BY e.centroid_id
                      ORDER BY CASE op
                        WHEN 'vector_ip_ops' THEN -SUM(x.f * e.f)
                        WHEN 'vector_cosine_ops' THEN 1 - SUM(x.f * e.f) / NULLIF(SQRT(SUM(x.f * x.f)) * SQRT(SUM(e.f * e.f)), 0)
                        WHEN 'vector_l1_ops' THEN SUM(ABS(x.f - e.f))
                        ELSE SUM((x.f - e.f) * (x.f - e.f)) END, e.centroid_id LIMIT 1);
                  END IF;
                  -- a NULL vector, or the NULL placeholder centroid: the lowest centroid id, as on MatrixOne 4.2.0
                  IF r IS NULL THEN
                    SET r = (SELECT MIN(centroid_id) FROM %3$s WHERE build = b);
                  END IF;
                  RETURN r;
                END""".formatted(SCHEMA, ELEMENTS, CENTROIDS));
    }

    // ------------------------------------------------------------------------------------------ names

    /**
     * The hidden table of an index in one role: {@code __mo_index_unique_<uuid>} / {@code __mo_index_secondary_<uuid>},
     * the uuid an MD5 of the physical schema, table, index and role, the same as {@link #tableNameSql}.
     */
    static String tableName(String schema, String table, String index, String role, boolean unique) {
        String hex;
        try {
            hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(
                    (schema + "." + table + "." + index + "." + role).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has MD5
        }
        return (unique ? "__mo_index_unique_" : PREFIX) + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** {@link #tableName} as a MariaDB expression over the given column expressions. */
    static String tableNameSql(String schema, String table, String index, String role, String unique) {
        return "CONCAT('__mo_index_', IF(" + unique + ", 'unique_', 'secondary_'), INSERT(INSERT(INSERT(INSERT(MD5(CONCAT("
                + schema + ", '.', " + table + ", '.', " + index + ", '.', " + role + ")), 21, 0, '-'), 17, 0, '-'), "
                + "13, 0, '-'), 9, 0, '-'))";
    }

    // ------------------------------------------------------------------------------------------ building

    /** A new build id, recorded in the index comment. */
    static String newBuild() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The version of a build (0 if it is unknown), so that a REINDEX can take the next one. */
    static long version(Db db, String build) {
        if (build == null) {
            return -1;
        }
        String v = db.scalar("SELECT MAX(v) FROM " + METADATA + " WHERE build = " + Sql.str(build) + " AND k = 'version'");
        return v == null ? -1 : Long.parseLong(v);
    }

    /**
     * Clusters the vectors of {@code schema.table.column} into {@code lists} centroids and stores them as build
     * {@code build} of the given version. The rows are read on the session's connection, so inside a transaction the
     * build sees the transaction's rows and is rolled back with it.
     */
    static void build(Db db, String build, long version, String schema, String table, String column, int bits,
                      String opType, int lists) {
        String start = now();
        String src = Sql.id(schema, table);
        long count = Long.parseLong(db.scalar("SELECT COUNT(" + Sql.id(column) + ") FROM " + src));
        List<String> values = new ArrayList<>();
        if (count == 0 || count < lists) {
            values.add("(" + Sql.str(build) + ", " + version + ", 1, NULL)"); // compile.go: "not enough rows"
        } else {
            long sample = Math.min(count, (long) SAMPLE_PER_LIST * lists);
            // all rows in key order, or a seeded random sample: the same rows give the same centroids
            String order = sample < count ? " ORDER BY RAND(1)" : "";
            List<float[]> points = new ArrayList<>();
            for (List<String> r : db.rows("SELECT " + Sql.id(column) + " FROM " + src + " WHERE " + Sql.id(column)
                    + " IS NOT NULL" + order + " LIMIT " + sample)) {
                points.add(parse(r.get(0)));
            }
            float[][] centroids = kmeans(points, lists, opType);
            for (int i = 0; i < centroids.length; i++) {
                values.add("(" + Sql.str(build) + ", " + version + ", " + i + ", `" + SCHEMA + "`.mo_vec_fmt("
                        + Sql.str(text(centroids[i])) + ", " + bits + "))");
            }
        }
        String end = now();
        db.exec("INSERT INTO " + CENTROIDS + " (build, version, centroid_id, centroid) VALUES " + String.join(", ", values));
        db.exec("INSERT INTO " + ELEMENTS + " (build, centroid_id, i, f) SELECT c.build, c.centroid_id, x.i, x.f + 0e0 FROM "
                + CENTROIDS + " c, JSON_TABLE(c.centroid, '$[*]' COLUMNS (i FOR ORDINALITY, f FLOAT PATH '$')) x "
                + "WHERE c.build = " + Sql.str(build) + " AND c.centroid IS NOT NULL");
        // the entries are computed on read: mapping and pruning take no time here
        StringBuilder meta = new StringBuilder();
        for (String[] kv : new String[][] {{"version", String.valueOf(version)}, {"clustering_start", start},
                {"clustering_end", end}, {"mapping_start", end}, {"mapping_end", end}, {"pruning_start", end},
                {"pruning_end", end}}) {
            meta.append(meta.length() == 0 ? "" : ", ").append('(').append(Sql.str(build)).append(", ")
                    .append(Sql.str(kv[0])).append(", ").append(Sql.str(kv[1])).append(')');
        }
        db.exec("INSERT INTO " + METADATA + " (build, k, v) VALUES " + meta);
    }

    /**
     * Removes builds that no index refers to any more (dropped indexes and tables, replaced builds), looking at every
     * schema, snapshot copies and the transaction holding schema included; only builds older than a minute, since a
     * build is stored just before its index is.
     */
    static void collectGarbage(Db db) {
        Set<String> live = new HashSet<>();
        for (List<String> r : db.rows("SELECT INDEX_COMMENT FROM information_schema.STATISTICS WHERE INDEX_COMMENT LIKE 'mo:ivfflat%'")) {
            VectorDdl.IndexMeta meta = VectorDdl.indexMeta(r.get(0));
            if (meta != null && meta.build() != null) {
                live.add(meta.build());
            }
        }
        for (List<String> r : db.rows("SELECT build FROM " + METADATA + " WHERE k = 'clustering_start' AND v < "
                + Sql.str(LocalDateTime.now().minusSeconds(GC_AGE_SECONDS).format(TIME)))) {
            String build = r.get(0);
            if (!live.contains(build)) {
                for (String t : List.of(ELEMENTS, CENTROIDS, METADATA)) {
                    db.exec("DELETE FROM " + t + " WHERE build = " + Sql.str(build));
                }
            }
        }
    }

    private static String now() {
        return LocalDateTime.now().format(TIME);
    }

    static float[] parse(String vector) {
        String body = vector.trim();
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }

    private static String text(float[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(new java.math.BigDecimal(Float.toString(v[i])).toPlainString());
        }
        return b.append(']').toString();
    }

    /**
     * Lloyd's k-means with k-means++ seeding from a fixed seed: the same points give the same centroids. Points are
     * assigned by the index's distance; a centroid is the mean of its points (a list left empty keeps its centroid).
     * The iterations stop when nothing moves, after 20, or when the work budget is spent.
     */
    static float[][] kmeans(List<float[]> points, int k, String opType) {
        int n = points.size();
        int dim = points.get(0).length;
        Random random = new Random(42);
        float[][] centroids = new float[k][];
        centroids[0] = points.get(random.nextInt(n)).clone();
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int p = 0; p < n; p++) {
                nearest[p] = Math.min(nearest[p], squaredL2(points.get(p), centroids[c - 1]));
                total += nearest[p];
            }
            int pick = random.nextInt(n);
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int p = 0; p < n; p++) {
                    target -= nearest[p];
                    if (target <= 0) {
                        pick = p;
                        break;
                    }
                }
            }
            centroids[c] = points.get(pick).clone();
        }
        long perIteration = Math.max(1L, (long) n * k * dim);
        int iterations = (int) Math.max(1, Math.min(MAX_ITERATIONS, WORK_BUDGET / perIteration));
        int[] assigned = new int[n];
        java.util.Arrays.fill(assigned, -1);
        for (int it = 0; it < iterations; it++) {
            boolean moved = false;
            for (int p = 0; p < n; p++) {
                int best = closest(points.get(p), centroids, opType);
                if (best != assigned[p]) {
                    assigned[p] = best;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
            double[][] sums = new double[k][dim];
            int[] sizes = new int[k];
            for (int p = 0; p < n; p++) {
                sizes[assigned[p]]++;
                float[] v = points.get(p);
                for (int d = 0; d < dim; d++) {
                    sums[assigned[p]][d] += v[d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    for (int d = 0; d < dim; d++) {
                        centroids[c][d] = (float) (sums[c][d] / sizes[c]);
                    }
                }
            }
        }
        return centroids;
    }

    /** The centroid nearest to {@code v} by the op type's distance, the lowest id on ties. */
    static int closest(float[] v, float[][] centroids, String opType) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = distance(v, centroids[c], opType);
            if (d < bestDistance) { // NaN (a cosine of a zero vector) never wins
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    static double distance(float[] a, float[] b, String opType) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double l1 = 0;
        double l2 = 0;
        for (int d = 0; d < a.length; d++) {
            double x = a[d];
            double y = b[d];
            dot += x * y;
            na += x * x;
            nb += y * y;
            l1 += Math.abs(x - y);
            l2 += (x - y) * (x - y);
        }
        return switch (opType) {
            case "vector_ip_ops" -> -dot;
            case "vector_cosine_ops" -> na == 0 || nb == 0 ? Double.NaN : 1 - dot / (Math.sqrt(na) * Math.sqrt(nb));
            case "vector_l1_ops" -> l1;
            default -> l2;
        };
    }

    private static double squaredL2(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double x = a[d] - b[d];
            s += x * x;
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ reading

    /** A cheap test before {@link #rewrite}: whether the text may name an index's hidden table. */
    static boolean mayRewrite(String sql) {
        return TableReferences.mentions(sql, PREFIX);
    }

    /** An IVF-flat index as the rewriting needs it. */
    private record Index(String schema, String table, String column, VectorDdl.IndexMeta meta) {
    }

    /**
     * Client SQL (names already physical) with every reference to an IVF-flat index's hidden table replaced by a
     * derived table of MatrixOne's columns. A name that is no index's hidden table is left for MariaDB to report as
     * unknown.
     */
    static String rewrite(String sql, List<Token> tokens, Db db) {
        Map<String, Map<String, String>> bySchema = new HashMap<>();
        String[] current = new String[1];
        return TableReferences.replace(sql, tokens, (qualifier, name) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                return null;
            }
            String schema = qualifier;
            if (schema == null) {
                current[0] = current[0] == null ? db.currentDatabase() : current[0];
                schema = current[0];
            }
            String derived = schema == null ? null : bySchema.computeIfAbsent(schema, s -> hiddenTables(db, s)).get(name);
            return derived == null ? null : "(" + derived + ")";
        });
    }

    /** The derived tables of the IVF-flat indexes of one schema, by hidden table name. */
    private static Map<String, String> hiddenTables(Db db, String schema) {
        Map<String, String> out = new HashMap<>();
        for (List<String> r : db.rows("SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, INDEX_COMMENT FROM "
                + "information_schema.STATISTICS WHERE TABLE_SCHEMA = " + Sql.str(schema)
                + " AND INDEX_COMMENT LIKE 'mo:ivfflat%'")) {
            VectorDdl.IndexMeta meta = VectorDdl.indexMeta(r.get(3));
            if (meta == null) {
                continue;
            }
            Index index = new Index(schema, r.get(0), r.get(2), meta);
            for (String role : ROLES) {
                out.put(tableName(schema, r.get(0), r.get(1), role, false), derived(db, index, role));
            }
        }
        return out;
    }

    private static String derived(Db db, Index index, String role) {
        String build = Sql.str(index.meta().build() == null ? "" : index.meta().build());
        return switch (role) {
            case "metadata" -> "SELECT k AS `__mo_index_key`, v AS `__mo_index_val` FROM " + METADATA
                    + " WHERE build = " + build;
            case "centroids" -> "SELECT version AS `__mo_index_centroid_version`, centroid_id AS `__mo_index_centroid_id`, "
                    + "centroid AS `__mo_index_centroid` FROM " + CENTROIDS + " WHERE build = " + build;
            default -> {
                long version = Math.max(0, version(db, index.meta().build()));
                String v = "src." + Sql.id(index.column());
                String op = index.meta().params().getOrDefault("op_type", "vector_l2_ops");
                yield "SELECT CAST(" + version + " AS SIGNED) AS `__mo_index_centroid_fk_version`, `" + SCHEMA
                        + "`.mo_ivf_assign(" + build + ", " + v + ", " + Sql.str(op) + ") AS `__mo_index_centroid_fk_id`, "
                        + primaryKey(db, index.schema(), index.table()) + " AS `__mo_index_pri_col`, " + v
                        + " AS `__mo_index_centroid_fk_entry` FROM " + Sql.id(index.schema(), index.table()) + " AS src";
            }
        };
    }

    /**
     * {@code __mo_index_pri_col}: the primary key column; MatrixOne's serialised composite key is shown as the key's
     * values joined by commas, and its hidden auto-increment key of a table without one as the row's number.
     */
    private static String primaryKey(Db db, String schema, String table) {
        List<String> pk = new ArrayList<>();
        for (List<String> r : db.rows("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = "
                + Sql.str(schema) + " AND TABLE_NAME = " + Sql.str(table) + " AND CONSTRAINT_NAME = 'PRIMARY' "
                + "ORDER BY ORDINAL_POSITION")) {
            pk.add("src." + Sql.id(r.get(0)));
        }
        if (pk.isEmpty()) {
            return "ROW_NUMBER() OVER ()";
        }
        return pk.size() == 1 ? pk.get(0) : "CONCAT_WS(',', " + String.join(", ", pk) + ")";
    }
}
