package io.matrixone.core.bulk;

import io.matrixone.core.internal.sql.BulkSql;
import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A bulk insert, described once and run by a client or inside a transaction:
 * <pre>{@code
 * BulkResult r = client.bulkInsert(BulkInsert.into("shop", "users")
 *         .columns("id", "name", "email")
 *         .rows(users.stream().map(u -> List.of(u.id(), u.name(), u.email())))
 *         .onProgress(p -> log.info("{} rows", p.rows())));
 * }</pre>
 * Each row is a {@link List} or an {@code Object[]} with one value per column, in column order; values follow the
 * parameter rules of the clients ({@code null} is SQL NULL; strings, numbers, booleans, {@code java.time} values,
 * UUIDs, enums, {@code byte[]}, {@code float[]} vectors). Rows are read lazily, one batch at a time, so a stream
 * of any length inserts in constant memory. A row source can be consumed once: a description with a
 * {@link Stream} or one-shot {@link Iterable} cannot be run twice.
 *
 * <p>Immutable: every method returns a new description. Names are checked at once ({@link Identifiers}).
 */
public final class BulkInsert {
    /** Rows per LOAD DATA statement unless {@link #batchSize(int)} says otherwise. */
    public static final int DEFAULT_LOAD_DATA_BATCH = 100_000;
    /** Rows per multi-row INSERT unless {@link #batchSize(int)} says otherwise. */
    public static final int DEFAULT_INSERT_BATCH = 1_000;

    private static final Consumer<BulkProgress> NO_PROGRESS = p -> { };

    private final String database;
    private final String table;
    private final List<String> columns;
    private final Object rows; // Iterable<?> or Stream<?>
    private final int batchSize;
    private final BulkMethod method;
    private final Consumer<BulkProgress> progress;

    private BulkInsert(String database, String table, List<String> columns, Object rows, int batchSize,
                       BulkMethod method, Consumer<BulkProgress> progress) {
        this.database = database;
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.batchSize = batchSize;
        this.method = method;
        this.progress = progress;
    }

    /** Into {@code database.table}. */
    public static BulkInsert into(String database, String table) {
        Identifiers.check(database, NameKind.DATABASE);
        Identifiers.check(table, NameKind.TABLE);
        return new BulkInsert(database, table, List.of(), null, 0, BulkMethod.AUTO, NO_PROGRESS);
    }

    /** Into {@code table} of the connection's current database. */
    public static BulkInsert into(String table) {
        Identifiers.check(table, NameKind.TABLE);
        return new BulkInsert(null, table, List.of(), null, 0, BulkMethod.AUTO, NO_PROGRESS);
    }

    /** The columns every row fills, in order. */
    public BulkInsert columns(String... columns) {
        return columns(Arrays.asList(Objects.requireNonNull(columns, "columns")));
    }

    public BulkInsert columns(List<String> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a bulk insert needs at least one column");
        }
        for (String c : columns) {
            Identifiers.check(c, NameKind.COLUMN);
        }
        return new BulkInsert(database, table, List.copyOf(columns), rows, batchSize, method, progress);
    }

    /** The rows: each a {@link List} or an {@code Object[]}, read lazily. */
    public BulkInsert rows(Iterable<?> rows) {
        return new BulkInsert(database, table, columns, Objects.requireNonNull(rows, "rows"), batchSize, method, progress);
    }

    /** The rows from a stream, read lazily; the stream is closed when the insert ends. */
    public BulkInsert rows(Stream<?> rows) {
        return new BulkInsert(database, table, columns, Objects.requireNonNull(rows, "rows"), batchSize, method, progress);
    }

    /**
     * Rows per statement: per LOAD DATA statement (default {@value #DEFAULT_LOAD_DATA_BATCH}) or per multi-row
     * INSERT (default {@value #DEFAULT_INSERT_BATCH}). Progress is reported after each.
     */
    public BulkInsert batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        return new BulkInsert(database, table, columns, rows, batchSize, method, progress);
    }

    /** The mechanism; {@link BulkMethod#AUTO} by default. */
    public BulkInsert method(BulkMethod method) {
        return new BulkInsert(database, table, columns, rows, batchSize, Objects.requireNonNull(method, "method"), progress);
    }

    /**
     * Called after every batch the server accepted and once at the end ({@link BulkProgress#done()}), on the
     * thread that runs the insert. An exception it throws aborts the insert (and its transaction).
     */
    public BulkInsert onProgress(Consumer<BulkProgress> progress) {
        return new BulkInsert(database, table, columns, rows, batchSize, method, Objects.requireNonNull(progress, "progress"));
    }

    /** Checks that the description can run: columns and rows given. */
    public BulkInsert validate() {
        if (columns.isEmpty()) {
            throw new IllegalStateException("BulkInsert: columns(...) not given");
        }
        if (rows == null) {
            throw new IllegalStateException("BulkInsert: rows(...) not given");
        }
        return this;
    }

    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    public BulkMethod method() {
        return method;
    }

    public Consumer<BulkProgress> progress() {
        return progress;
    }

    /** The batch size for this mechanism: the one set, or the mechanism's default. */
    public int batchSize(BulkMethod effective) {
        Objects.requireNonNull(effective, "effective");
        if (batchSize > 0) {
            return batchSize;
        }
        return effective == BulkMethod.INSERT ? DEFAULT_INSERT_BATCH : DEFAULT_LOAD_DATA_BATCH;
    }

    /** The rows, as an iterator over {@link List} or {@code Object[]} elements; call once per run. */
    public Iterator<?> rowIterator() {
        validate();
        if (rows instanceof Stream<?> s) {
            return s.iterator();
        }
        return ((Iterable<?>) rows).iterator();
    }

    /** Closes the row source if it is a stream; called when the insert ends. */
    public void closeRows() {
        if (rows instanceof Stream<?> s) {
            s.close();
        }
    }

    /** The LOAD DATA statement for this insert. */
    public String loadDataSql() {
        return BulkSql.loadDataLocal(database, table, validate().columns);
    }

    /** The one-row INSERT a JDBC batch repeats. */
    public String insertRowSql() {
        return BulkSql.insertRow(database, table, validate().columns);
    }

    /** A row's values as an array, checking its width. */
    public Object[] values(Object row, long index) {
        Object[] values;
        if (row instanceof Object[] a) {
            values = a;
        } else if (row instanceof List<?> l) {
            values = l.toArray();
        } else {
            throw new IllegalArgumentException("row " + index + " is a " + (row == null ? "null" : row.getClass().getName())
                    + "; each row must be a List or an Object[]");
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row " + index + " has " + values.length + " values for "
                    + columns.size() + " columns");
        }
        return values;
    }

    @Override
    public String toString() {
        return "BulkInsert[" + (database == null ? "" : database + ".") + table + " " + columns + ", " + method + "]";
    }
}
