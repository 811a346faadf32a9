package io.matrixone.async;

/**
 * A moment's view of an async client's connections.
 *
 * @param transactionConnectionsInUse connections held by open transactions (each holds one until it ends)
 * @param transactionConnections      connections currently open in the transaction pool
 * @param statementsInFlight          statements sent and not yet answered, inside and outside transactions
 */
public record AsyncPoolStats(int transactionConnectionsInUse, int transactionConnections, int statementsInFlight) {
}
