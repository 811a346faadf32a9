package io.matrixone.core.internal.event;

import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one client and the one place that calls them: both clients' statement runners go through
 * here, so the rules of {@link StatementListener} (order, pairing, a throwing listener is logged and skipped) hold
 * the same way for both. Applications do not use it; they register listeners in {@code ClientOptions}.
 *
 * <p>One instance per client: the memory of which listener classes have already been warned about belongs to the
 * client, so two clients in one JVM warn independently. Thread-safe.
 */
public final class StatementListeners {
    private static final Logger log = LoggerFactory.getLogger(StatementListeners.class);

    private final StatementListener[] listeners;
    private final StatementEvent.Client client;
    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();
    /** Numbers the statements of this client (only when there are listeners). */
    private final AtomicLong ids = new AtomicLong();

    public StatementListeners(List<StatementListener> listeners, StatementEvent.Client client) {
        this.listeners = listeners.toArray(new StatementListener[0]);
        for (StatementListener l : this.listeners) {
            Objects.requireNonNull(l, "listener");
        }
        this.client = Objects.requireNonNull(client, "client");
    }

    /** True when no listener is registered: callers then skip events entirely (check once, at construction). */
    public boolean isEmpty() {
        return listeners.length == 0;
    }

    /**
     * Tells the listeners that {@code rawSql} is about to be sent.
     *
     * @return the event to pass to {@link #succeeded} or {@link #failed}, or {@code null} without listeners
     */
    public StatementEvent before(String rawSql, int parameterCount, StatementEvent.Scope scope) {
        if (listeners.length == 0) {
            return null;
        }
        StatementEvent event = StatementEvent.before(ids.incrementAndGet(), rawSql, parameterCount, client, scope);
        for (StatementListener l : listeners) {
            try {
                l.beforeStatement(event);
            } catch (Throwable t) {
                listenerFailed(l, "beforeStatement", t);
            }
        }
        return event;
    }

    /** Tells the listeners that the statement of {@code before} succeeded; does nothing for a {@code null} event. */
    public void succeeded(StatementEvent before, long nanos, long rowCount) {
        if (before != null) {
            after(before.succeeded(Duration.ofNanos(nanos), rowCount));
        }
    }

    /**
     * Tells the listeners that the statement of {@code before} failed; does nothing for a {@code null} event. A
     * failure that is not a {@link MatrixOneException} (a client-side precondition) is wrapped for the event only.
     */
    public void failed(StatementEvent before, long nanos, Throwable failure) {
        if (before != null) {
            MatrixOneException error = failure instanceof MatrixOneException m ? m
                    : new MatrixOneException(String.valueOf(failure), 0, null, before.sql(), failure);
            after(before.failed(Duration.ofNanos(nanos), error));
        }
    }

    private void after(StatementEvent event) {
        for (StatementListener l : listeners) {
            try {
                l.afterStatement(event);
            } catch (Throwable t) {
                listenerFailed(l, "afterStatement", t);
            }
        }
    }

    private void listenerFailed(StatementListener l, String method, Throwable t) {
        if (t instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (warned.add(l.getClass())) {
            log.warn("Statement listener {} threw from {}; the statement is not affected. Further failures of this "
                    + "listener class on this client are logged at DEBUG only", l.getClass().getName(), method, t);
        } else if (log.isDebugEnabled()) {
            log.debug("Statement listener {} threw from {}: {}", l.getClass().getName(), method, t.toString());
        }
    }

    /** The row count an event reports for a result: rows of a query, affected rows of an update. */
    public static long rowCount(Result result) {
        return result.columnNames().isEmpty() ? result.affectedRows() : result.size();
    }

    /** The row count an event reports for a batch: the sum of its counts, or -1 if the driver gave none. */
    public static long rowCount(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            if (c < 0) {
                return -1;
            }
            sum += c;
        }
        return sum;
    }
}
