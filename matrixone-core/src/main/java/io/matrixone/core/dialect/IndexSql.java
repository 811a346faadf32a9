package io.matrixone.core.dialect;

import io.matrixone.core.error.ObjectNotFoundException;

import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.model.IvfIndexStats;
import io.matrixone.core.model.VectorIndexAlgorithm;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vector and full-text indexes (MatrixOne's {@code mysql_sql.y}: {@code create_index_stmt}, {@code using_opt},
 * {@code index_option}, {@code alter_table_alter}, {@code drop_index_stmt}; checked per release tag). Index DDL is
 * transactional on MatrixOne (a ROLLBACK undoes a CREATE INDEX, measured on 4.2.0), so every operation runs at once,
 * also inside a transaction.
 *
 * <p>Session switches: creating an HNSW index needs {@code experimental_hnsw_index = 1} on the connection (every
 * release with HNSW); before 3.0.5 IVF-flat and full-text indexes needed {@code experimental_ivf_index} and
 * {@code experimental_fulltext_index} too. Give them with {@code ClientOptions.Builder.sessionVariable}; without
 * them the server refuses and the SDK throws {@code FeatureDisabledException} naming the variable.
 */
@Managed(accessor = "indexes", name = "Index",
        doc = "Vector (IVF-flat, HNSW) and full-text indexes: create, rebuild, drop, and list a table's indexes.")
public final class IndexSql {
    private final ServerVersion version;

    IndexSql(ServerVersion version) {
        this.version = version;
    }

    /**
     * {@code CREATE INDEX `i` USING IVFFLAT|HNSW ON `t` (`v`) [lists = n] [m = .. ef_construction = .. ef_search = ..]
     * op_type '...'}. An IVF index is built from the rows present (k-means); create it after loading, or rebuild it
     * later. HNSW needs a BIGINT primary key and {@code experimental_hnsw_index = 1}.
     */
    @Managed.Op
    public Operation<Void> create(VectorIndexSpec spec) {
        return Operation.run(Statement.of(createSql(spec)));
    }

    /**
     * {@code CREATE FULLTEXT INDEX `i` ON `t` (`a`, `b`) [WITH PARSER p]}. A search must name exactly these columns
     * in {@code MATCH(...)}.
     */
    @Managed.Op
    public Operation<Void> create(FulltextIndexSpec spec) {
        return Operation.run(Statement.of(createSql(spec)));
    }

    /**
     * {@code ALTER TABLE `t` ALTER REINDEX `i` IVFFLAT|HNSW [options]}: rebuilds the index from the table's current
     * rows (IVF: new clusters, with {@code lists} if given). The spec names the index, its table and algorithm; its
     * column and metric are not changed by a rebuild.
     */
    @Managed.Op
    public Operation<Void> rebuild(VectorIndexSpec spec) {
        Gates.require(version, spec.algorithm() == VectorIndexAlgorithm.HNSW ? Feature.HNSW : Feature.IVF_REINDEX,
                "ALTER TABLE ... ALTER REINDEX ... " + spec.algorithm().sql().toUpperCase(java.util.Locale.ROOT));
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(Identifiers.table(spec.database(), spec.table()))
                .append(" ALTER REINDEX ").append(Identifiers.quote(spec.name(), NameKind.INDEX)).append(' ')
                .append(spec.algorithm().sql().toUpperCase(java.util.Locale.ROOT));
        options(sql, spec, false);
        return Operation.run(Statement.of(sql.toString()));
    }

    /** {@code DROP INDEX `i` ON `t`}; fails when there is no such index. {@code database} may be null (current). */
    @Managed.Op
    public Operation<Void> drop(@Managed.Nullable String database, String table, String name) {
        return Operation.run(Statement.of(dropSql(database, table, name, false)));
    }

    /**
     * {@code DROP INDEX IF EXISTS `i` ON `t}; nothing to do when there is no such index (MatrixOne 3.0 answers
     * "not found index" to the IF EXISTS form too: taken as done).
     */
    @Managed.Op
    public Operation<Void> dropIfExists(@Managed.Nullable String database, String table, String name) {
        return Operation.run(Statement.of(dropSql(database, table, name, true)))
                .orElseWhen(ObjectNotFoundException.class, null);
    }

    /**
     * The table's indexes, from {@code SHOW INDEX FROM `t`}: primary key, secondary, vector and full-text ones,
     * each with its algorithm and parameters ({@code lists}, {@code op_type}, {@code parser} ...).
     */
    @Managed.Op(now = true)
    public Operation<List<IndexInfo>> list(@Managed.Nullable String database, String table) {
        return Operation.of(Statement.of("SHOW INDEX FROM " + Identifiers.table(database, table)), IndexSql::indexes);
    }

    /**
     * How the table's IVF-flat index on {@code column} spreads the rows over its lists: the index's hidden tables
     * from {@code mo_catalog.mo_indexes} (joined with {@code mo_tables} on {@code table_id}), then its centroids and
     * the row count per centroid from those tables (what MatrixOne's Python SDK calls {@code get_ivf_stats}).
     * Three reads, run at once inside a transaction too (they see its rows). {@code database} may be null (the
     * session's current one).
     *
     * @throws io.matrixone.core.error.ObjectNotFoundException when the table has no IVF-flat index on the column
     *                                                         (or there is no such table)
     */
    @Managed.Op(now = true)
    public Operation<IvfIndexStats> ivfStats(@Managed.Nullable String database, String table, String column) {
        Statement lookup = ivfTablesStatement(database, table, column);
        return Operation.of(lookup, r -> r.list(row -> new HiddenTable(row.getString("name"),
                row.getString("algo_table_type"), row.getString("index_table_name"), row.getString("reldatabase"))))
                .then(hidden -> {
                    Map<String, String> byRole = new TreeMap<>();
                    hidden.forEach(h -> byRole.put(h.role(), h.table()));
                    if (!byRole.keySet().containsAll(List.of("metadata", "centroids", "entries"))) {
                        throw new ObjectNotFoundException("table " + (database == null ? "" : database + ".") + table
                                + " has no IVF-flat index on column " + column + " (no such rows in mo_catalog.mo_indexes)",
                                0, null, lookup.redactedSql(), null);
                    }
                    String db = hidden.get(0).database();
                    String centroids = Identifiers.qualified(db, byRole.get("centroids"));
                    String entries = Identifiers.qualified(db, byRole.get("entries"));
                    return Operation.of(Statement.of("SELECT `__mo_index_centroid_version` AS `version`, "
                                    + "`__mo_index_centroid_id` AS `centroid_id`, `__mo_index_centroid` IS NULL AS `placeholder` "
                                    + "FROM " + centroids), r -> r.list(row -> new Centroid(row.getLong("version"),
                                    row.getLong("centroid_id"), row.getBoolean("placeholder"))))
                            .then(found -> Operation.of(Statement.of("SELECT `__mo_index_centroid_fk_version` AS "
                                    + "`version`, `__mo_index_centroid_fk_id` AS `centroid_id`, COUNT(*) AS `row_count` FROM "
                                    + entries + " GROUP BY `__mo_index_centroid_fk_version`, `__mo_index_centroid_fk_id`"),
                                    r -> stats(new IvfIndexStats(db, table, column, hidden.get(0).index(),
                                            byRole.get("metadata"), byRole.get("centroids"), byRole.get("entries"), 0, false,
                                            List.of()), found, r.list(row -> new IvfIndexStats.Bucket(row.getLong("centroid_id"),
                                            row.getLong("version"), row.getLong("row_count"))))));
                });
    }

    /** An IVF-flat index's hidden table, as {@code mo_indexes} names it. */
    private record HiddenTable(String index, String role, String table, String database) {
    }

    /** A row of the centroids table; {@code placeholder}: MatrixOne's NULL centroid of an index built on too few rows. */
    private record Centroid(long version, long id, boolean placeholder) {
    }

    Statement ivfTablesStatement(String database, String table, String column) {
        Gates.require(version, Feature.VECTOR, "IVF-flat index statistics");
        Identifiers.check(table, NameKind.TABLE);
        Identifiers.check(column, NameKind.COLUMN);
        String sql = "SELECT i.`name`, i.`algo_table_type`, i.`index_table_name`, t.`reldatabase` FROM "
                + "`mo_catalog`.`mo_indexes` AS i JOIN `mo_catalog`.`mo_tables` AS t ON i.`table_id` = t.`rel_id` "
                + "WHERE t.`reldatabase` = " + (database == null ? "DATABASE()" : "?") + " AND t.`relname` = ? "
                + "AND i.`column_name` = ? AND i.`algo` = 'ivfflat'";
        return database == null ? Statement.of(sql, table, column)
                : Statement.of(sql, Identifiers.check(database, NameKind.DATABASE), table, column);
    }

    /**
     * {@code names} with its version and buckets: every centroid of the newest version in id order (0 rows if none
     * are assigned to it), then the counts the entries table still has under other versions.
     */
    private static IvfIndexStats stats(IvfIndexStats names, List<Centroid> centroids, List<IvfIndexStats.Bucket> counts) {
        long current = centroids.stream().mapToLong(Centroid::version).max().orElse(0);
        Map<Long, Long> rows = new TreeMap<>();
        centroids.stream().filter(c -> c.version() == current).forEach(c -> rows.put(c.id(), 0L));
        List<IvfIndexStats.Bucket> buckets = new ArrayList<>();
        List<IvfIndexStats.Bucket> others = new ArrayList<>();
        for (IvfIndexStats.Bucket b : counts) {
            if (b.version() == current) {
                rows.merge(b.centroidId(), b.rows(), Long::sum);
            } else {
                others.add(b);
            }
        }
        rows.forEach((id, n) -> buckets.add(new IvfIndexStats.Bucket(id, current, n)));
        others.sort(java.util.Comparator.comparingLong(IvfIndexStats.Bucket::version)
                .thenComparingLong(IvfIndexStats.Bucket::centroidId));
        buckets.addAll(others);
        boolean clustered = centroids.stream().anyMatch(c -> c.version() == current && !c.placeholder());
        return new IvfIndexStats(names.database(), names.table(), names.column(), names.index(), names.metadataTable(),
                names.centroidsTable(), names.entriesTable(), current, clustered, buckets);
    }

    String createSql(VectorIndexSpec spec) {
        Gates.require(version, spec.algorithm().feature(), "CREATE INDEX ... USING " + spec.algorithm().sql());
        Gates.require(version, spec.metric().feature(), "a " + spec.metric() + " vector index");
        StringBuilder sql = new StringBuilder("CREATE INDEX ").append(Identifiers.quote(spec.name(), NameKind.INDEX))
                .append(" USING ").append(spec.algorithm().sql().toUpperCase(java.util.Locale.ROOT)).append(" ON ")
                .append(Identifiers.table(spec.database(), spec.table())).append(" (")
                .append(Identifiers.quote(spec.column(), NameKind.COLUMN)).append(')');
        options(sql, spec, true);
        return sql.toString();
    }

    private static void options(StringBuilder sql, VectorIndexSpec spec, boolean withOpType) {
        if (spec.lists() != null) {
            sql.append(" lists = ").append(spec.lists());
        }
        if (spec.m() != null) {
            sql.append(" m = ").append(spec.m());
        }
        if (spec.efConstruction() != null) {
            sql.append(" ef_construction = ").append(spec.efConstruction());
        }
        if (spec.efSearch() != null) {
            sql.append(" ef_search = ").append(spec.efSearch());
        }
        if (withOpType) {
            sql.append(" op_type '").append(spec.metric().opType()).append('\'');
        }
    }

    String createSql(FulltextIndexSpec spec) {
        Gates.require(version, Feature.FULLTEXT, "CREATE FULLTEXT INDEX");
        if (spec.parser() != null) {
            Gates.require(version, spec.parser().feature(), "WITH PARSER " + spec.parser().sql());
        }
        StringBuilder sql = new StringBuilder("CREATE FULLTEXT INDEX ")
                .append(Identifiers.quote(spec.name(), NameKind.INDEX)).append(" ON ")
                .append(Identifiers.table(spec.database(), spec.table())).append(" (");
        for (int i = 0; i < spec.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(spec.columns().get(i), NameKind.COLUMN));
        }
        sql.append(')');
        if (spec.parser() != null) {
            sql.append(" WITH PARSER ").append(spec.parser().sql());
        }
        return sql.toString();
    }

    private static String dropSql(String database, String table, String name, boolean ifExists) {
        return "DROP INDEX " + (ifExists ? "IF EXISTS " : "") + Identifiers.quote(name, NameKind.INDEX) + " ON "
                + Identifiers.table(database, table);
    }

    /** SHOW INDEX rows (one per indexed column) merged into indexes, in the server's order. */
    static List<IndexInfo> indexes(Result result) {
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        for (Row row : result) {
            byName.computeIfAbsent(row.getString("Key_name"), k -> new ArrayList<>()).add(row);
        }
        List<IndexInfo> out = new ArrayList<>(byName.size());
        byName.forEach((name, rows) -> {
            TreeMap<Long, String> columns = new TreeMap<>();
            for (Row r : rows) {
                columns.put(r.getLong("Seq_in_index"), r.getString("Column_name"));
            }
            Row first = rows.get(0);
            String params = first.hasColumn("Index_params") ? first.getString("Index_params") : null;
            boolean visible = !first.hasColumn("Visible") || !"NO".equalsIgnoreCase(first.getString("Visible"));
            out.add(IndexInfo.of(name, first.getString("Index_type"), List.copyOf(columns.values()),
                    first.getLong("Non_unique") == 0, params, visible));
        });
        return out;
    }
}
