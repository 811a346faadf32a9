package io.matrixone.core.model;

import io.matrixone.core.search.DistanceMetric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One index of a table as {@code SHOW INDEX} reports it (one row per column, merged here).
 *
 * @param name      the index name ({@code PRIMARY} for the primary key)
 * @param algorithm MatrixOne's {@code Index_type}: {@code ivfflat}, {@code hnsw}, {@code fulltext}, or empty for
 *                  ordinary (primary, unique, secondary) indexes
 * @param columns   the indexed columns, in order
 * @param unique    whether values must be unique
 * @param params    {@code Index_params}: for vector indexes {@code lists}, {@code m}, {@code ef_construction},
 *                  {@code ef_search}, {@code op_type}; for full-text ones {@code parser}; empty otherwise
 * @param visible   whether the optimizer may use it
 */
public record IndexInfo(String name, String algorithm, List<String> columns, boolean unique,
                        Map<String, String> params, boolean visible) {

    public IndexInfo {
        Objects.requireNonNull(name, "name");
        algorithm = algorithm == null ? "" : algorithm.toLowerCase(Locale.ROOT);
        columns = List.copyOf(columns);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public boolean isPrimaryKey() {
        return name.equalsIgnoreCase("PRIMARY");
    }

    /** An IVF-flat or HNSW index (or another vector algorithm MatrixOne adds: ivfpq, cagra). */
    public boolean isVector() {
        return switch (algorithm) {
            case "ivfflat", "hnsw", "ivfpq", "cagra" -> true;
            default -> false;
        };
    }

    public boolean isFulltext() {
        return algorithm.equals("fulltext");
    }

    /** The distance a vector index serves, from its {@code op_type}. */
    public Optional<DistanceMetric> metric() {
        String op = params.get("op_type");
        return op == null ? Optional.empty() : Optional.of(DistanceMetric.ofOpType(op));
    }

    /** An integer parameter ({@code lists}, {@code m}, {@code ef_search} ...). */
    public Optional<Integer> intParam(String key) {
        String v = params.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(v.trim()));
    }

    /** A full-text index's parser ({@code ngram}, {@code json} ...); empty for the default. */
    public Optional<String> parser() {
        return Optional.ofNullable(params.get("parser"));
    }

    /** {@code Index_params} (a JSON object of strings, or empty) as a map. */
    static Map<String, String> parseParams(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Object parsed = Json.parse(json);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("Index_params is not a JSON object: " + json);
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return out;
    }

    /** One index from its {@code SHOW INDEX} rows, given in order: {@code Key_name}, ... (see {@code IndexSql}). */
    public static IndexInfo of(String name, String algorithm, List<String> columns, boolean unique, String paramsJson,
                               boolean visible) {
        return new IndexInfo(name, algorithm, columns, unique, parseParams(paramsJson), visible);
    }
}
