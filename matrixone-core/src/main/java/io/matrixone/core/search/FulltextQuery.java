package io.matrixone.core.search;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;
import io.matrixone.core.internal.sql.Literals;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A full-text search ({@code client.search().fulltext(query, Type.class)}): the rows whose columns match a text,
 * best first, each with its relevance score. The columns must be exactly those of one full-text index of the table
 * (MatrixOne cannot search without one). From MatrixOne 4.2.0 the text is a bound parameter; older servers accept
 * only a string literal in {@code AGAINST(...)}, so there it is written as an escaped literal (never pasted raw).
 *
 * <pre>{@code
 * FulltextQuery q = FulltextQuery.of("docs", List.of("title", "body"), "vector database").select("id", "title").limit(5);
 * // SELECT `id`, `title`, MATCH(`title`, `body`) AGAINST(? IN NATURAL LANGUAGE MODE) AS `score` FROM `docs`
 * //   WHERE MATCH(`title`, `body`) AGAINST(? IN NATURAL LANGUAGE MODE) ORDER BY `score` DESC LIMIT 5
 * }</pre>
 *
 * @param database   the table's database, or {@code null} for the connection's current database
 * @param table      the table searched
 * @param columns    the columns of its full-text index, in the index's order
 * @param text       the query text: words (natural-language mode) or {@link BooleanQuery} syntax (boolean mode)
 * @param mode       natural-language (default) or boolean
 * @param select     the columns returned besides the score; empty for every column ({@code *})
 * @param filter     further conditions on the rows, or {@code null}
 * @param limit      how many rows at most; default 10
 * @param scoreLabel the label of the score column; default {@code score}
 */
public record FulltextQuery(String database, String table, List<String> columns, String text, FulltextMode mode,
                            List<String> select, Filter filter, int limit, String scoreLabel) {

    /** The default label of the score column. */
    public static final String DEFAULT_SCORE_LABEL = "score";

    public FulltextQuery {
        Queries.optionalName(database, NameKind.DATABASE);
        Identifiers.check(table, NameKind.TABLE);
        columns = Queries.columns(columns, "columns", false);
        Objects.requireNonNull(text, "text must not be null");
        Queries.require(!text.isBlank(), "the query text must not be blank");
        Literals.requireWellFormed(text, "query text");
        Objects.requireNonNull(mode, "mode must not be null");
        select = Queries.columns(select, "select", true);
        Queries.limit(limit);
        Identifiers.check(scoreLabel, NameKind.COLUMN);
        Queries.distinctLabel(scoreLabel, select, "scoreLabel");
    }

    /** A natural-language search for {@code text} in the full-text index over {@code columns}. */
    public static FulltextQuery of(String table, List<String> columns, String text) {
        return new FulltextQuery(null, table, columns, text, FulltextMode.NATURAL_LANGUAGE, List.of(), null,
                VectorQuery.DEFAULT_LIMIT, DEFAULT_SCORE_LABEL);
    }

    /** A boolean-mode search with the text of {@code query}. */
    public static FulltextQuery of(String table, List<String> columns, BooleanQuery query) {
        return of(table, columns, Objects.requireNonNull(query, "query must not be null").text())
                .mode(FulltextMode.BOOLEAN);
    }

    public FulltextQuery database(String name) {
        return new FulltextQuery(Identifiers.check(name, NameKind.DATABASE), table, columns, text, mode, select, filter,
                limit, scoreLabel);
    }

    public FulltextQuery mode(FulltextMode m) {
        return new FulltextQuery(database, table, columns, text, m, select, filter, limit, scoreLabel);
    }

    public FulltextQuery select(String... names) {
        return select(Arrays.asList(Objects.requireNonNull(names, "names must not be null")));
    }

    public FulltextQuery select(List<String> names) {
        return new FulltextQuery(database, table, columns, text, mode, names, filter, limit, scoreLabel);
    }

    /** Only rows that also pass {@code f}. */
    public FulltextQuery filter(Filter f) {
        return new FulltextQuery(database, table, columns, text, mode, select,
                Objects.requireNonNull(f, "filter must not be null"), limit, scoreLabel);
    }

    public FulltextQuery limit(int k) {
        return new FulltextQuery(database, table, columns, text, mode, select, filter, k, scoreLabel);
    }

    public FulltextQuery scoreLabel(String label) {
        Objects.requireNonNull(label, "label must not be null");
        return new FulltextQuery(database, table, columns, text, mode, select, filter, limit, label);
    }

    /** The text is not shown. */
    @Override
    public String toString() {
        return "FulltextQuery[" + Identifiers.table(database, table) + columns + ", " + mode + ", limit=" + limit
                + (filter == null ? "" : ", " + filter) + "]";
    }
}
