package io.matrixone.core.config;

import java.time.Duration;

/**
 * The connection pool. The async client splits {@code maxSize} between its shared pipelined connections (a quarter,
 * at least one) and the connections held one per open transaction (the rest, at least one).
 *
 * @param maxSize        connections at most
 * @param minIdle        idle connections kept open (sync client; Vert.x opens connections on demand)
 * @param acquireTimeout how long to wait for a pooled connection before failing
 * @param maxLifetime    a connection is replaced after this long
 * @param idleTimeout    an idle connection is closed after this long
 */
public record PoolOptions(int maxSize, int minIdle, Duration acquireTimeout, Duration maxLifetime, Duration idleTimeout) {

    @Override
    public String toString() {
        return minIdle + ".." + maxSize;
    }
}
