/**
 * The managers, one per MatrixOne feature, in three views: {@code XManager} (sync client: runs at once),
 * {@code TxXManager} (inside a transaction: runs now or after commit, as MatrixOne requires) and
 * {@code AsyncXManager} (async client and transaction: stages). Generated at build time from the dialect's
 * {@link io.matrixone.core.dialect.Managed} descriptions, with their implementations and the accessor bases the
 * clients extend ({@code ManagerSupport}, {@code TxManagerSupport}, {@code AsyncManagerSupport}).
 */
package io.matrixone.core.manager;
