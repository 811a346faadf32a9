package io.matrixone.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the client process's clocks: wall time, CPU time of the whole process (every thread, GC and JIT included:
 * the servers run in other processes) and heap bytes allocated by its threads. Read at the start and the end of a
 * round; never per operation (a reading walks every thread).
 *
 * <p>CPU time is summed over the process's threads from {@code /proc/self/task/<tid>/schedstat} (nanoseconds,
 * every thread including GC and JIT); where that is missing, the JVM's process CPU time is used, which this kernel
 * reports in 10 ms ticks. Allocation is summed over the JVM's threads. Both per thread between two readings: a
 * thread that started during the round counts from zero, a thread that ended during it is lost (pools keep their
 * threads, so in steady state none end).
 */
public final class Meter {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final boolean SCHEDSTAT = !cpuByThread().isEmpty();

    private final long wall;
    private final long cpu;
    private final Map<Long, Long> cpuByThread;
    private final Map<Long, Long> allocated;

    private Meter(long wall, long cpu, Map<Long, Long> cpuByThread, Map<Long, Long> allocated) {
        this.wall = wall;
        this.cpu = cpu;
        this.cpuByThread = cpuByThread;
        this.allocated = allocated;
    }

    /** A reading now. */
    public static Meter start() {
        Map<Long, Long> alloc = allocatedByThread();
        Map<Long, Long> cpus = SCHEDSTAT ? cpuByThread() : Map.of();
        long cpu = SCHEDSTAT ? 0 : OS.getProcessCpuTime();
        return new Meter(System.nanoTime(), cpu, cpus, alloc);
    }

    /** What happened since this reading, for {@code items} items. */
    public Sample stop(long items) {
        long now = System.nanoTime();
        long cpuSpent;
        if (SCHEDSTAT) {
            cpuSpent = sumOfGrowth(cpuByThread, cpuByThread());
        } else {
            long cpuNow = OS.getProcessCpuTime();
            cpuSpent = cpu < 0 || cpuNow < 0 ? -1 : cpuNow - cpu;
        }
        long bytes = sumOfGrowth(allocated, allocatedByThread());
        return new Sample(items, now - wall, cpuSpent, bytes, 0);
    }

    private static long sumOfGrowth(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }

    /** Nanoseconds on CPU per thread of this process (Linux schedstat), empty where unavailable. */
    static Map<Long, Long> cpuByThread() {
        Map<Long, Long> m = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String s = Files.readString(task.resolve("schedstat"));
                    int space = s.indexOf(' ');
                    m.put(Long.parseLong(task.getFileName().toString()), Long.parseLong(s.substring(0, space)));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return m;
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }
}
