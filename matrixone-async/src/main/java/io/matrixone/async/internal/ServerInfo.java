package io.matrixone.async.internal;

import io.matrixone.core.result.Result;
import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The server version, one per client (never static: two clients may talk to two servers). Pinned by the
 * options, or asked once with {@code SELECT version()} (MatrixOne answers {@code 8.0.30-MatrixOne-v4.2.0});
 * concurrent first callers share the one question, and a failed question is asked again next time.
 */
final class ServerInfo {
    static final String VERSION_SQL = "SELECT version()";

    private final ServerVersion pinned;
    private final AtomicReference<Future<ServerVersion>> detected = new AtomicReference<>();

    ServerInfo(ServerVersion pinned) {
        this.pinned = pinned;
    }

    Future<ServerVersion> version(Supplier<Future<Result>> ask) {
        if (pinned != null) {
            return Future.succeededFuture(pinned);
        }
        Future<ServerVersion> known = detected.get();
        if (known != null && !known.failed()) {
            return known;
        }
        Promise<ServerVersion> promise = Promise.promise();
        if (!detected.compareAndSet(known, promise.future())) {
            return detected.get();
        }
        ask.get().map(r -> ServerVersion.parse(r.one().getString(0))).onComplete(promise);
        return promise.future();
    }
}
