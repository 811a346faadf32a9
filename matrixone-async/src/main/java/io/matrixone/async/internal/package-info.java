/**
 * Not API: the Vert.x side of the async client. One pool ({@code ConnectionSource}), connections adopted with the
 * SDK's channel handlers ({@code TrackedConnection}, {@code LocalFileGuard}, {@code ColumnTypeNormalizer}),
 * statements and their events ({@code StatementRunner}), the transaction and its dispatch queue
 * ({@code VertxTransaction}, {@code JoinedTransaction}), bulk inserts, parameters and rows. Exported to the SDK's
 * Hibernate Reactive module only.
 */
package io.matrixone.async.internal;
