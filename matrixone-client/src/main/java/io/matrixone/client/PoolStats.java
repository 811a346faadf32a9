package io.matrixone.client;

/**
 * A moment's view of a client's connection pool.
 *
 * @param active  connections borrowed (by a statement, stream or transaction in progress)
 * @param idle    connections ready in the pool
 * @param total   active plus idle
 * @param waiting threads waiting for a connection
 */
public record PoolStats(int active, int idle, int total, int waiting) {
}
