package io.matrixone.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap every millisecond while a streaming invocation runs; the peak above the level measured
 * before it (after a GC) goes to a file that {@link RunBenchmarks} reads. Streaming forks also run with a small
 * {@code -Xmx}, so a result that did not stream would fail outright.
 */
final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapPeak() {
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

    /** Peak heap growth over the baseline, in bytes. */
    long growth() {
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

    static Path file(String benchmark) {
        return Path.of(System.getProperty("java.io.tmpdir"), "matrixone-bench-heap-" + benchmark + ".txt");
    }

    /** Keeps the largest growth seen for this benchmark across its invocations. */
    static void record(String benchmark, long bytes) {
        Path f = file(benchmark);
        try {
            long previous = Files.exists(f) ? Long.parseLong(Files.readString(f).trim()) : 0;
            Files.writeString(f, Long.toString(Math.max(previous, bytes)));
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
