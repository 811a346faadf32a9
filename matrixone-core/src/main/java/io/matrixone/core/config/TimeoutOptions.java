package io.matrixone.core.config;

import java.time.Duration;

/**
 * How long things may take; {@link Duration#ZERO} means no limit where a limit is optional.
 *
 * @param connect            opening a connection
 * @param socket             a read on the socket (sync); silence on a connection (async, which then closes it)
 * @param query              each statement
 * @param slowQueryThreshold statements slower than this are logged at INFO; zero turns that off
 */
public record TimeoutOptions(Duration connect, Duration socket, Duration query, Duration slowQueryThreshold) {

    @Override
    public String toString() {
        return "connect=" + connect + (socket.isZero() ? "" : ", socket=" + socket)
                + (query.isZero() ? "" : ", query=" + query);
    }
}
