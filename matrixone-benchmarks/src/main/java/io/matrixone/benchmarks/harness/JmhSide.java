package io.matrixone.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A side that is one JMH benchmark method: every round is one short JMH run of exactly that method
 * ({@link Runner} with {@link OptionsBuilder}), with the {@code gc} profiler (bytes per operation,
 * {@code gc.alloc.rate.norm}) and {@link CpuTimeProfiler} (client CPU per operation). The round's sample is the
 * run's score (its measurement iterations' mean), converted to items per second.
 *
 * <p>By default the run is not forked: the rounds share this warm JVM (JMH's {@code forks(0)}), so a round needs
 * no JIT warm-up of its own, only a short warm-up iteration (connections, caches), and both sides of a pair run
 * in the same JVM, alternately. {@link #forked} gives every round a fresh JVM with its own flags (the streaming
 * benchmarks run in {@code -Xmx96m}). The server under test is passed as system properties
 * ({@link #property}), set in this JVM or on the fork's command line.
 */
public final class JmhSide implements Side {

    /** How long a round's JMH run is: warm-up and measured iterations (count and time; time unused for shots). */
    public record Settings(int warmupIterations, long warmupMillis, int iterations, long iterationMillis) {
        public static Settings timed(long warmupMillis, long iterationMillis) {
            return new Settings(1, warmupMillis, 1, iterationMillis);
        }

        public static Settings shots(int warmupShots, int shots) {
            return new Settings(warmupShots, 0, shots, 0);
        }
    }

    private final String label;
    private final Class<?> benchmark;
    private final String method;
    private final Settings settings;
    private double itemsPerOp = 1;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> forkJvmArgs = new ArrayList<>();
    private boolean forked;
    private boolean heapPeak;

    private JmhSide(String label, Class<?> benchmark, String method, Settings settings) {
        this.label = label;
        this.benchmark = benchmark;
        this.method = method;
        this.settings = settings;
    }

    /** The side {@code label}: method {@code method} of JMH class {@code benchmark}, run with {@code settings}. */
    public static JmhSide of(String label, Class<?> benchmark, String method, Settings settings) {
        return new JmhSide(label, benchmark, method, settings);
    }

    /** Items (rows, queries) one JMH operation stands for; the sample is in items. Default 1. */
    public JmhSide items(double perOp) {
        this.itemsPerOp = perOp;
        return this;
    }

    /** A JMH {@code @Param} value. */
    public JmhSide param(String name, Object value) {
        params.put(name, String.valueOf(value));
        return this;
    }

    /** A system property the benchmark's state reads (the server, sizes). */
    public JmhSide property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Every round in a fresh JVM with these flags (besides the properties). */
    public JmhSide forked(String... jvmArgs) {
        this.forked = true;
        forkJvmArgs.addAll(List.of(jvmArgs));
        return this;
    }

    /** Also records the peak heap growth of each iteration ({@link HeapPeakProfiler}). */
    public JmhSide heapPeak() {
        this.heapPeak = true;
        return this;
    }

    @Override
    public String label() {
        return label;
    }

    public String method() {
        return benchmark.getSimpleName() + "." + method;
    }

    @Override
    public Sample round(boolean warmup) throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .timeUnit(TimeUnit.SECONDS)
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.iterations())
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class);
        if (settings.iterationMillis() > 0) {
            o.warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                    .measurementTime(TimeValue.milliseconds(settings.iterationMillis()));
        }
        if (heapPeak) {
            o.addProfiler(HeapPeakProfiler.class);
        }
        params.forEach(o::param);
        if (forked) {
            List<String> args = new ArrayList<>(forkJvmArgs);
            properties.forEach((k, v) -> args.add("-D" + k + "=" + v));
            o.forks(1).jvmArgsAppend(args.toArray(String[]::new));
        } else {
            o.forks(0);
            properties.forEach(System::setProperty);
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException(method() + ": " + results.size() + " JMH results (expected one run)");
        }
        RunResult r = results.iterator().next();
        double score = r.getPrimaryResult().getScore();
        Mode mode = r.getParams().getMode();
        double perSecond = mode == Mode.Throughput ? score * itemsPerOp : itemsPerOp / score;
        Map<String, Result> secondary = r.getSecondaryResults();
        return new Sample(perSecond, secondary(secondary, "cpu.time.norm") / itemsPerOp,
                secondary(secondary, "gc.alloc.rate.norm") / itemsPerOp, secondary(secondary, "heap.peak"));
    }

    private static double secondary(Map<String, Result> results, String name) {
        Result r = results.get(name);
        return r == null ? Double.NaN : r.getScore();
    }

    @Override
    public String detail() {
        return method() + (params.isEmpty() ? "" : " " + params);
    }

    @Override
    public String toString() {
        return label + " (" + detail() + ")";
    }
}
