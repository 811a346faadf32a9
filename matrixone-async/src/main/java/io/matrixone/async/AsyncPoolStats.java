package io.matrixone.async;

/**
 * A moment's view of an async client's connections.
 *
 * @param transactionConnectionsInUse connections held by open transactions (each holds one until it ends)
 * @param openConnections             connections currently open in the pool (transactions hold theirs; a statement
 *                                    outside a transaction borrows one for its own duration)
 * @param statementsInFlight          statements sent and not yet answered, inside and outside transactions
 */
public record AsyncPoolStats(int transactionConnectionsInUse, int openConnections, int statementsInFlight) {
}
