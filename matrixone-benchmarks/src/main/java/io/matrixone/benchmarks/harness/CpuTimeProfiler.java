package io.matrixone.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the client's CPU time per operation, {@code cpu.time.norm} (ns/op): the CPU time of the
 * JVM running the benchmark (every thread: the benchmark's, the drivers' event loops and pools, GC and JIT) read
 * before and after each iteration (per thread, so that a thread ending meanwhile does not make the sum shrink),
 * divided by the iteration's operations, as the {@code gc} profiler normalises
 * {@code gc.alloc.rate.norm}. The servers run in other processes and are not counted. CPU time is the sum of
 * {@code /proc/self/task/<tid>/schedstat} (nanoseconds) where Linux has it, else the JVM's process CPU time.
 * Steadier than wall time on a shared machine: another process's burst delays the benchmark, it does not make
 * it spend more CPU.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final boolean SCHEDSTAT = !schedstatByThread().isEmpty();

    private Map<Long, Long> before;
    private long beforeProcess;

    @Override
    public String getDescription() {
        return "client process CPU time per operation (cpu.time.norm)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (SCHEDSTAT) {
            before = schedstatByThread();
        } else {
            beforeProcess = OS.getProcessCpuTime();
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long spent;
        if (SCHEDSTAT) {
            // per thread: a thread that ends during the iteration loses its share instead of making the sum shrink
            spent = 0;
            for (Map.Entry<Long, Long> e : schedstatByThread().entrySet()) {
                spent += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
            }
        } else {
            spent = OS.getProcessCpuTime() - beforeProcess;
        }
        long ops = result.getMetadata().getAllOps();
        double perOp = ops <= 0 || spent < 0 ? Double.NaN : (double) spent / ops;
        return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
    }

    /** Nanoseconds on CPU per thread of this process (Linux schedstat); empty where unavailable. */
    private static Map<Long, Long> schedstatByThread() {
        Map<Long, Long> m = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String s = Files.readString(task.resolve("schedstat"));
                    m.put(Long.parseLong(task.getFileName().toString()), Long.parseLong(s.substring(0, s.indexOf(' '))));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return m;
    }
}
