package io.matrixone.core.internal.sql;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;
import java.util.List;

/**
 * The SQL of a bulk insert: {@code LOAD DATA LOCAL INFILE} reading the SDK's own tab-separated stream (the format
 * of {@link io.matrixone.core.internal.sql.LoadDataEncoder}), and the one-row INSERT a driver batches into multi-row
 * INSERTs. Names are validated and back-quoted by {@link Identifiers}.
 */
public final class BulkSql {
    /**
     * The file name in the LOAD DATA statement. The driver never opens it: the SDK hands the driver its own stream
     * for this statement, and the driver sends that stream whatever name the server asks for.
     */
    public static final String STREAM_NAME = "matrixone-sdk-bulk-stream";

    private BulkSql() {
    }

    /**
     * {@code LOAD DATA LOCAL INFILE '...' INTO TABLE `db`.`t` CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
     * ESCAPED BY '\\' LINES TERMINATED BY '\n' (`a`, `b`)}: MySQL's default text format, spelled out so that
     * neither the session nor the database character set changes how the bytes are read.
     */
    public static String loadDataLocal(String database, String table, List<String> columns) {
        return "LOAD DATA LOCAL INFILE '" + STREAM_NAME + "' INTO TABLE " + Identifiers.table(database, table)
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' "
                + columnList(columns);
    }

    /**
     * {@code CREATE TEMPORARY TABLE `db`.`stage` AS SELECT `a`, `b` FROM `db`.`t` WHERE 1 = 0}: an empty table of the
     * session with the target's column types and no keys, for a staged bulk insert.
     */
    public static String createStage(String database, String stage, String table, List<String> columns) {
        return "CREATE TEMPORARY TABLE " + Identifiers.table(database, stage) + " AS SELECT " + columnNames(columns)
                + " FROM " + Identifiers.table(database, table) + " WHERE 1 = 0";
    }

    /** {@code INSERT INTO `db`.`t` (`a`, `b`) SELECT `a`, `b` FROM `db`.`stage`}: the staged rows, keys checked. */
    public static String insertFromStage(String database, String stage, String table, List<String> columns) {
        return "INSERT INTO " + Identifiers.table(database, table) + " " + columnList(columns) + " SELECT "
                + columnNames(columns) + " FROM " + Identifiers.table(database, stage);
    }

    /** {@code DROP TEMPORARY TABLE IF EXISTS `db`.`stage`}. */
    public static String dropStage(String database, String stage) {
        return "DROP TEMPORARY TABLE IF EXISTS " + Identifiers.table(database, stage);
    }

    /** {@code INSERT INTO `db`.`t` (`a`, `b`) VALUES (?, ?)}: one row, for a JDBC batch the driver rewrites. */
    public static String insertRow(String database, String table, List<String> columns) {
        return insertRows(database, table, columns, 1);
    }

    /**
     * {@code INSERT INTO `db`.`t` (`a`, `b`) VALUES (?, ?), (?, ?), ...} for {@code rows} rows: one statement per
     * batch, for clients that bind every value themselves (the async client).
     */
    public static String insertRows(String database, String table, List<String> columns, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1: " + rows);
        }
        return new InsertRows("INSERT INTO " + Identifiers.table(database, table) + " " + columnList(columns) + " VALUES ",
                columns.size()).sql(rows);
    }

    /** {@code (`a`, `b`)}. */
    private static String columnList(List<String> columns) {
        return "(" + columnNames(columns) + ")";
    }

    /** {@code `a`, `b`}: validated and back-quoted. */
    private static String columnNames(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a bulk insert needs at least one column");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Identifiers.quote(columns.get(i), NameKind.COLUMN));
        }
        return sb.toString();
    }
}
