package io.matrixone.async.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.stream.ChunkedInput;
import io.netty.util.ReferenceCountUtil;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.impl.SqlConnectionBase;
import io.vertx.sqlclient.impl.pool.SqlConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every local file in the process. The Vert.x MySQL client answers a server's {@code LOCAL INFILE} request
 * (to any text query, and a hostile or impersonated server may send one at any time) by streaming the named file,
 * and it has no option to refuse. This outbound handler sits between the client's codec and the socket and stops
 * the file before any byte of it is sent: a file transfer is the only thing Vert.x writes as a file region or
 * chunked input, and the SDK never sends files. The connection is then closed; the statement fails with error
 * 2068, "LOAD DATA LOCAL INFILE file request rejected".
 *
 * <p>Installing it reaches into Vert.x's connection internals (pinned version; a test makes a server ask for
 * {@code /etc/passwd} and asserts nothing arrives). If they ever change, installation fails and the connection is
 * not used: the client fails closed.
 */
final class LocalFileGuard extends ChannelOutboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileGuard.class);
    static final String NAME = "matrixone-no-local-files";
    static final String REFUSED = "the server asked for a local file (LOAD DATA LOCAL INFILE); the async client never "
            + "sends files, so the connection was closed";

    /** What the tracked connection that currently holds the connection does on a refusal. */
    private volatile Runnable onRefused;

    private LocalFileGuard(Runnable onRefused) {
        this.onRefused = onRefused;
    }

    /**
     * Installs the guard on this connection's channel, or points the installed one at {@code onRefused}. A new
     * connection also gets the {@link ColumnTypeNormalizer}, the SDK's other channel handler.
     *
     * @return whether the connection is new: seen here for the first time
     */
    static boolean install(SqlConnection connection, Runnable onRefused) {
        ChannelHandlerContext handler = socketOf(connection).socket().channelHandlerContext();
        if (!handler.channel().isActive()) {
            throw ClosedConnectionException.INSTANCE; // the pool handed out a connection that just closed
        }
        ChannelPipeline pipeline = handler.pipeline();
        if (pipeline.get(NAME) instanceof LocalFileGuard installed) {
            installed.onRefused = onRefused;
            return false;
        }
        if (pipeline.get("handler") == null) {
            throw new IllegalStateException("cannot guard this Vert.x connection against local-file requests: "
                    + "unexpected channel pipeline " + pipeline.names());
        }
        if (pipeline.get("codec") == null) {
            throw new IllegalStateException("cannot read MatrixOne's column types on this Vert.x connection: "
                    + "unexpected channel pipeline " + pipeline.names());
        }
        pipeline.addBefore("handler", NAME, new LocalFileGuard(onRefused));
        pipeline.addBefore("codec", ColumnTypeNormalizer.NAME, new ColumnTypeNormalizer());
        return true;
    }

    /** Closes the connection's socket, so that its pool discards it instead of reusing it. */
    static void discard(SqlConnection connection) {
        socketOf(connection).socket().channelHandlerContext().close();
    }

    private static SocketConnectionBase socketOf(SqlConnection connection) {
        Object c = connection;
        for (int depth = 0; depth < 4; depth++) {
            if (c instanceof SocketConnectionBase socket) {
                return socket;
            } else if (c instanceof SqlConnectionBase<?> base) {
                c = base.unwrap();
            } else if (c instanceof SqlConnectionPool.PooledConnection pooled) {
                c = pooled.unwrap();
            } else {
                break;
            }
        }
        throw new IllegalStateException("cannot guard this Vert.x connection against local-file requests: "
                + "unexpected connection type " + (c == null ? "null" : c.getClass().getName()));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FileRegion || msg instanceof ChunkedInput<?>) {
            discard(msg);
            LOG.warn("{}", REFUSED);
            promise.tryFailure(new LocalFileRefused());
            Runnable listener = onRefused;
            if (listener != null) {
                listener.run();
            }
            ctx.close();
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static void discard(Object msg) {
        if (msg instanceof ChunkedInput<?> chunked) {
            try {
                chunked.close();
            } catch (Exception e) {
                LOG.debug("closing a refused chunked file failed: {}", e.toString());
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The reason a connection was closed: turned into error 2068 by {@link Stages#translate}. */
    static final class LocalFileRefused extends RuntimeException {
        LocalFileRefused() {
            super(REFUSED, null, false, false);
        }
    }
}
