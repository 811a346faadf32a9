package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A full-text index: {@code CREATE FULLTEXT INDEX `i` ON `t` (`c1`, `c2`) [WITH PARSER ngram|json|...]}. A search
 * ({@code MATCH(c1, c2) AGAINST(...)}) must name exactly these columns. MatrixOne allows one full-text index per
 * column ("Fulltext index are not allowed to use the same column").
 *
 * @param name     the index name
 * @param database the table's database, or {@code null} for the connection's current database
 * @param table    the table
 * @param columns  the indexed columns (CHAR, VARCHAR, TEXT, JSON, DATALINK), in order
 * @param parser   the word splitter, or {@code null} for MatrixOne's default
 */
public record FulltextIndexSpec(String name, String database, String table, List<String> columns,
                                FulltextParser parser) {

    public FulltextIndexSpec {
        Models.name(name, NameKind.INDEX);
        Models.optionalName(database, NameKind.DATABASE);
        Models.name(table, NameKind.TABLE);
        columns = Models.names(columns, NameKind.COLUMN, "columns");
        Models.require(!columns.isEmpty(), "a full-text index needs at least one column");
    }

    /** A full-text index on {@code table(columns...)} with the default parser. */
    public static FulltextIndexSpec of(String name, String table, String... columns) {
        return new FulltextIndexSpec(name, null, table,
                Arrays.asList(Objects.requireNonNull(columns, "columns must not be null")), null);
    }

    public FulltextIndexSpec database(String db) {
        return new FulltextIndexSpec(name, Models.name(db, NameKind.DATABASE), table, columns, parser);
    }

    /** {@code WITH PARSER p}. */
    public FulltextIndexSpec parser(FulltextParser p) {
        return new FulltextIndexSpec(name, database, table, columns, Objects.requireNonNull(p, "parser must not be null"));
    }
}
