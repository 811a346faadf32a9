/**
 * Not API: the JDBC side of the sync client. The HikariCP pool and Connector/J settings ({@code ConnectionPool},
 * {@code DriverSettings}), statements and their events ({@code SqlRunner}), the connection a transaction lends to an
 * ORM ({@code GuardedConnection}), bulk loading ({@code BulkLoader}), streaming ({@code RowCursor}) and the
 * translation of {@link java.sql.SQLException}s ({@code SqlErrors}).
 */
package io.matrixone.client.internal;
