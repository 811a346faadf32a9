/**
 * MatrixOne's SQL, per server version: {@link io.matrixone.core.dialect.Dialect} hands out one builder per feature
 * ({@code SnapshotSql}, {@code CloneSql}, {@code RestoreSql}, {@code PitrSql}, {@code PublicationSql},
 * {@code AccountSql}, {@code MoCtlSql}, {@code VersionSql}); each builds an {@link io.matrixone.core.dialect.Operation}
 * (statements, how to read their rows, what a transaction must do with them: {@link io.matrixone.core.dialect.TxRule})
 * that either client runs, blocking or not. Names are validated and quoted by
 * {@link io.matrixone.core.dialect.Identifiers}; nothing here does I/O. The managers are generated from the builders'
 * {@link io.matrixone.core.dialect.Managed} descriptions.
 */
package io.matrixone.core.dialect;
