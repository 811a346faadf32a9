package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.result.Row;
import io.matrixone.core.result.RowMapper;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.core.search.HybridQuery;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Vector, full-text and hybrid search. Each search is one SELECT (a hybrid search two, on one connection) whose rows
 * map to the caller's type: a record whose components match the selected columns plus the distance or score label
 * ({@code record Doc(long id, String title, double distance)}), or {@link Row} itself. Query vectors and query
 * texts are bound parameters (see {@link FulltextQuery} for servers before 4.2.0); names are checked and quoted;
 * the LIMIT is a literal because MatrixOne uses a vector index only under a constant LIMIT.
 *
 * <p>All searches are reads: they run at once, also inside a transaction, where they see its uncommitted rows (a
 * vector index may not: MatrixOne maintains some indexes asynchronously, see README).
 */
@Managed(accessor = "search", name = "Search",
        doc = "Vector (k nearest, range), full-text and hybrid search, mapped to records with their distance or score.")
public final class SearchSql {
    private final ServerVersion version;

    SearchSql(ServerVersion version) {
        this.version = version;
    }

    /**
     * The rows nearest to the query vector, closest first:
     * {@code SELECT cols, l2_distance(`v`, ?) AS `distance` FROM `t` [WHERE filter [AND l2_distance(`v`, ?) <= ?]]
     * ORDER BY `distance` ASC LIMIT k [BY RANK WITH OPTION 'mode=...']}. {@code type} is a record (components matched
     * to columns by name, the distance included) or {@code Row}.
     */
    @Managed.Op(now = true)
    public <R> Operation<List<R>> nearest(VectorQuery query, Class<R> type) {
        RowMapper<R> mapper = mapper(type);
        return Operation.of(nearestStatement(query), ResultMapper.list(mapper));
    }

    /**
     * The rows matching the query text, most relevant first:
     * {@code SELECT cols, MATCH(`a`, `b`) AGAINST(? mode) AS `score` FROM `t` WHERE MATCH(`a`, `b`) AGAINST(? mode)
     * [AND filter] ORDER BY `score` DESC LIMIT k}. {@code type} is a record (the score included) or {@code Row}.
     */
    @Managed.Op(now = true)
    public <R> Operation<List<R>> fulltext(FulltextQuery query, Class<R> type) {
        RowMapper<R> mapper = mapper(type);
        return Operation.of(fulltextStatement(query), ResultMapper.list(mapper));
    }

    /**
     * A vector search and a full-text search of one table, fused by reciprocal rank ({@link HybridQuery}): the best
     * rows by fused score, each with its distance and text score (null where the row was not among that side's
     * candidates) and the fused score. Both statements run on one connection, one after the other.
     */
    @Managed.Op(now = true)
    public <R> Operation<List<R>> hybrid(HybridQuery query, Class<R> type) {
        RowMapper<R> mapper = mapper(type);
        Statement vector = nearestStatement(query.vector());
        Statement text = fulltextStatement(query.text());
        return Operation.of(vector, r -> r).then(vectorRows -> Operation.of(text, r -> r)
                .map(textRows -> fuse(query, vectorRows, textRows).stream().map(mapper::map).toList()));
    }

    /** The statement of a vector search, for callers who run it themselves. */
    public Statement nearestStatement(VectorQuery q) {
        Objects.requireNonNull(q, "query must not be null");
        Gates.require(version, q.metric().feature(), q.metric().function() + "()");
        String distance = q.metric().function() + "(" + Identifiers.quote(q.column(), NameKind.COLUMN) + ", ?)";
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        selectList(sql, q.select());
        sql.append(", ").append(distance).append(" AS ").append(Identifiers.quote(q.distanceLabel(), NameKind.COLUMN));
        params.add(q.vector());
        sql.append(" FROM ").append(Identifiers.table(q.database(), q.table()));
        List<String> conditions = new ArrayList<>();
        if (q.filter() != null) {
            conditions.add(q.maxDistance() != null ? "(" + q.filter().sql() + ")" : q.filter().sql());
            params.addAll(q.filter().params());
        }
        if (q.maxDistance() != null) {
            conditions.add(distance + " <= ?");
            params.add(q.vector());
            params.add(q.maxDistance());
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(Identifiers.quote(q.distanceLabel(), NameKind.COLUMN)).append(" ASC LIMIT ")
                .append(q.limit());
        if (q.mode() != null) {
            Gates.require(version, q.mode().feature(), "BY RANK WITH OPTION 'mode=" + q.mode().option() + "'");
            sql.append(" BY RANK WITH OPTION 'mode=").append(q.mode().option()).append('\'');
        }
        return new Statement(sql.toString(), params, TxRule.NOW, null, null, null);
    }

    /** The statement of a full-text search. */
    public Statement fulltextStatement(FulltextQuery q) {
        Objects.requireNonNull(q, "query must not be null");
        Gates.require(version, Feature.FULLTEXT, "MATCH ... AGAINST");
        boolean bound = version.supports(Feature.FULLTEXT_BOUND_PATTERN);
        StringBuilder match = new StringBuilder("MATCH(");
        for (int i = 0; i < q.columns().size(); i++) {
            match.append(i == 0 ? "" : ", ").append(Identifiers.quote(q.columns().get(i), NameKind.COLUMN));
        }
        // before 4.2.0 AGAINST takes a string literal only (rule search_pattern): escaped there, bound from 4.2.0 on
        match.append(") AGAINST(").append(bound ? "?" : Literals.string(q.text())).append(' ')
                .append(q.mode().sql()).append(')');
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        selectList(sql, q.select());
        sql.append(", ").append(match).append(" AS ").append(Identifiers.quote(q.scoreLabel(), NameKind.COLUMN));
        if (bound) {
            params.add(q.text());
        }
        sql.append(" FROM ").append(Identifiers.table(q.database(), q.table())).append(" WHERE ").append(match);
        if (bound) {
            params.add(q.text());
        }
        if (q.filter() != null) {
            sql.append(" AND (").append(q.filter().sql()).append(')');
            params.addAll(q.filter().params());
        }
        sql.append(" ORDER BY ").append(Identifiers.quote(q.scoreLabel(), NameKind.COLUMN)).append(" DESC LIMIT ")
                .append(q.limit());
        return new Statement(sql.toString(), params, TxRule.NOW, null, null, null);
    }

    private static void selectList(StringBuilder sql, List<String> columns) {
        if (columns.isEmpty()) {
            sql.append('*');
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns.get(i), NameKind.COLUMN));
        }
    }

    /** Records by component name, or rows as they are. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <R> RowMapper<R> mapper(Class<R> type) {
        Objects.requireNonNull(type, "type must not be null");
        if (type == Row.class) {
            return row -> (R) row;
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException("search results map to a record or to Row, not " + type.getName());
        }
        return (RowMapper<R>) RowMapper.toRecord((Class) type);
    }

    /** Reciprocal rank fusion of the two result lists, keyed by the key column; rows of the vector side win ties. */
    static List<Row> fuse(HybridQuery q, Result vectorRows, Result textRows) {
        String distance = q.vector().distanceLabel();
        String score = q.text().scoreLabel();
        List<String> columns = new ArrayList<>();
        for (String c : vectorRows.columnNames()) {
            if (!c.equalsIgnoreCase(distance)) {
                columns.add(c);
            }
        }
        Map<Object, Candidate> byKey = new HashMap<>();
        List<Candidate> order = new ArrayList<>();
        int rank = 0;
        for (Row row : vectorRows) {
            rank++;
            Object key = key(row, q.key());
            Candidate c = byKey.get(key);
            if (c == null) { // a key seen twice on one side keeps its best rank
                c = new Candidate(key, row, order.size());
                byKey.put(key, c);
                order.add(c);
                c.vectorRank = rank;
                c.distance = row.getDouble(distance);
            }
        }
        rank = 0;
        for (Row row : textRows) {
            rank++;
            Object key = key(row, q.key());
            Candidate c = byKey.get(key);
            if (c == null) {
                c = new Candidate(key, row, order.size());
                byKey.put(key, c);
                order.add(c);
            }
            if (c.textRank == 0) {
                c.textRank = rank;
                c.score = row.getDouble(score);
            }
        }
        for (Candidate c : order) {
            c.fused = (c.vectorRank == 0 ? 0 : q.vectorWeight() / (q.rrfK() + c.vectorRank))
                    + (c.textRank == 0 ? 0 : q.textWeight() / (q.rrfK() + c.textRank));
        }
        order.sort(Comparator.comparingDouble((Candidate c) -> -c.fused).thenComparingInt(c -> c.bestRank())
                .thenComparingInt(c -> c.seen));
        List<String> labels = new ArrayList<>(columns);
        labels.add(distance);
        labels.add(score);
        labels.add(q.scoreLabel());
        Result.Builder out = Result.builder(labels);
        List<Row> rows = new ArrayList<>(Math.min(q.limit(), order.size()));
        for (Candidate c : order.subList(0, Math.min(q.limit(), order.size()))) {
            Object[] values = new Object[labels.size()];
            for (int i = 0; i < columns.size(); i++) {
                values[i] = c.row.get(columns.get(i));
            }
            values[columns.size()] = c.distance;
            values[columns.size() + 1] = c.score;
            values[columns.size() + 2] = c.fused;
            rows.add(out.row(values));
        }
        return rows;
    }

    private static Object key(Row row, String key) {
        if (!row.hasColumn(key)) {
            throw new IllegalStateException("the search results have no key column " + key + ": " + row.columnNames());
        }
        Object v = row.get(key);
        if (v == null) {
            throw new IllegalStateException("a row has a NULL key " + key + "; the key must identify rows");
        }
        // the two sides may decode one key as different number types
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v;
    }

    /** One row of either side while fusing. */
    private static final class Candidate {
        final Object key;
        final Row row;
        final int seen;
        int vectorRank;
        int textRank;
        Double distance;
        Double score;
        double fused;

        Candidate(Object key, Row row, int seen) {
            this.key = key;
            this.row = row;
            this.seen = seen;
        }

        int bestRank() {
            int v = vectorRank == 0 ? Integer.MAX_VALUE : vectorRank;
            int t = textRank == 0 ? Integer.MAX_VALUE : textRank;
            return Math.min(v, t);
        }
    }
}
