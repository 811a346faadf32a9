package io.matrixone.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap every millisecond while a body runs; {@link #growth} is the peak above the level measured
 * before it (after a GC). Garbage between young collections counts too, so the figure is an upper bound of what
 * the body kept; run with a small {@code -Xmx} to prove it bounded.
 */
public final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public HeapPeak() {
        System.gc();
        baseline = memory.getHeapMemoryUsage().getUsed();
        sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Peak heap growth over the baseline so far, in bytes. */
    public long growth() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return Math.max(0, peak.get() - baseline);
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
