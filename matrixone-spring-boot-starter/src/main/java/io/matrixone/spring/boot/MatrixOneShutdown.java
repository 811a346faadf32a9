package io.matrixone.spring.boot;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Graceful shutdown: when the context closes, waits until no connection is borrowed and no transaction is open
 * (or the timeout passed) before the clients' pools are closed, which would abort whatever is still running. It
 * stops after the web server's graceful shutdown (a lower phase stops later), so requests finish first.
 */
public final class MatrixOneShutdown implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MatrixOneShutdown.class);
    /** Below the web server's graceful-shutdown phase ({@code DEFAULT_PHASE - 1024}): stops after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final long POLL_MS = 20;

    private final BooleanSupplier idle;
    private final Duration timeout;
    private volatile boolean running;

    /** {@code idle} says whether nothing is borrowed or open on any client. */
    public MatrixOneShutdown(BooleanSupplier idle, Duration timeout) {
        this.idle = idle;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean waited = false;
        while (!idle.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                log.warn("MatrixOne: work still running after {} ms; the pools close now and abort it", timeout.toMillis());
                break;
            }
            if (!waited) {
                log.info("MatrixOne: waiting up to {} ms for borrowed connections and open transactions", timeout.toMillis());
                waited = true;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
