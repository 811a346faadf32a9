package io.matrixone.emulator.engine;

/**
 * An object a snapshot captured.
 *
 * @param account    the account the database belongs to
 * @param db         database name, as that account knows it
 * @param table      table or view name, {@code ""} for the database row itself
 * @param kind       {@code DATABASE}, {@code TABLE}, {@code VIEW}, or {@code SUBSCRIPTION} for a subscription
 *                   database (its createSql subscribes it again)
 * @param copySchema the hidden schema holding the copied rows ({@code null} for views)
 * @param createSql  the object's definition at snapshot time (SHOW CREATE ...)
 */
record SnapshotObject(String account, String db, String table, String kind, String copySchema, String createSql) {

    boolean isTable() {
        return "TABLE".equals(kind);
    }

    boolean isView() {
        return "VIEW".equals(kind);
    }

    /** A database row: a plain database or a subscription. */
    boolean isDatabase() {
        return "DATABASE".equals(kind) || isSubscription();
    }

    boolean isSubscription() {
        return "SUBSCRIPTION".equals(kind);
    }
}
