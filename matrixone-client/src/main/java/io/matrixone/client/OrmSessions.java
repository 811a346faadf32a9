package io.matrixone.client;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ORM sessions opened on one transaction: at most one per binding, flushed before each raw statement and
 * before COMMIT (so ORM writes and raw SQL reach the server in program order), closed once the transaction
 * ended. Not thread-safe: the owning transaction serialises access.
 */
final class OrmSessions {
    private static final Logger log = LoggerFactory.getLogger(OrmSessions.class);

    private record Open<S>(OrmBinding<S> binding, S session) {
        void flush() {
            binding.flush(session);
        }

        void close() {
            binding.close(session);
        }
    }

    private final List<Open<?>> open = new ArrayList<>(1);

    @SuppressWarnings("unchecked")
    <S> S get(OrmBinding<S> binding, TransactionContext context) {
        for (Open<?> o : open) {
            if (o.binding() == binding) {
                return (S) o.session();
            }
        }
        S session = binding.open(context);
        if (session == null) {
            throw new IllegalStateException(binding + " opened no session");
        }
        open.add(new Open<>(binding, session));
        return session;
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    /** Sends every session's pending changes; the first failure propagates. */
    void flushAll() {
        for (int i = 0, n = open.size(); i < n; i++) {
            open.get(i).flush();
        }
    }

    /** Closes every session; failures are logged, never thrown: the transaction has already ended. */
    void closeAll() {
        for (Open<?> o : open) {
            try {
                o.close();
            } catch (RuntimeException e) {
                log.warn("Closing ORM session of {} failed", o.binding(), e);
            }
        }
        open.clear();
    }
}
