package io.matrixone.emulator.engine;

/**
 * One row of {@code mo_catalog.mo_snapshots}.
 *
 * @param ts nanoseconds since the epoch, UTC
 */
record SnapshotRecord(String name, long ts, String level, String accountName, String databaseName, String tableName) {
}
