package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs every benchmark and writes {@code docs/benchmarks.md}: each pair (the SDK and what it is compared with) in
 * short alternating rounds in one run, the ratio per round, its median and 95% interval, with the client's CPU
 * time and allocation per operation. See {@link io.matrixone.benchmarks.harness.RoundRunner} and the report's
 * "Method" section.
 *
 * <p>System properties: {@code bench.quick=true} (a few minutes; writes
 * {@code matrixone-benchmarks/target/benchmarks-quick.md}), {@code bench.include=<regex>} over the section names
 * ({@code point inflight tx bulk stream python growth real}), {@code bench.real=false} (skip the real MatrixOne),
 * {@code bench.matrixone=host:port:user:password}, {@code bench.python=<python of the venv>}, sizes
 * ({@code bench.rows}, {@code bench.rounds} ..., see {@link Plan}), {@code bench.out=<path>}.
 * {@code --render <results.bin>} renders a saved run again.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--stream-fork")) {
            Streaming.fork(args);
            return;
        }
        Path root = repoRoot();
        Plan plan = Plan.fromSystemProperties();
        Path out = Path.of(System.getProperty("bench.out", plan.quick()
                ? root.resolve("matrixone-benchmarks/target/benchmarks-quick.md").toString()
                : root.resolve("docs/benchmarks.md").toString()));
        Path saved = root.resolve("matrixone-benchmarks/target/benchmarks-" + (plan.quick() ? "quick" : "full") + ".bin");
        if (args.length > 1 && args[0].equals("--render")) {
            write(out, Report.render(Results.load(Path.of(args[1])), plan));
            return;
        }
        String include = System.getProperty("bench.include", "");
        Results results = new Results();
        results.info.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        results.info.put("loadBefore", loadAverage());
        results.info.put("quick", Boolean.toString(plan.quick()));
        long started = System.nanoTime();
        RoundRunner runner = new RoundRunner(new Consumer<>() {
            @Override
            public void accept(String line) {
                if (!line.startsWith(" ")) {
                    results.loads.add(load1());
                }
                System.out.println(line);
            }
        });

        try (Target maria = Target.mariaDb()) {
            results.info.put("mariadb", command("mariadbd", "--version").strip());
            if (wanted(include, "point")) {
                results.add("mariadb", PointQuery.run(maria, plan, runner));
            }
            if (wanted(include, "inflight")) {
                results.add("mariadb", InFlight.run(maria, plan, runner,
                        List.of(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(5))));
                results.rtt.putAll(InFlight.MEASURED_RTT);
            }
            if (wanted(include, "tx")) {
                results.add("mariadb", Tx.run(maria, plan, runner));
            }
            if (wanted(include, "bulk")) {
                results.add("mariadb", Bulk.run(maria, plan, runner, plan.shotRounds(), true));
            }
            if (wanted(include, "stream")) {
                results.add("mariadb", Streaming.runForked(maria, plan.streamRows(), plan.quick() ? 8 : 20, 2, ""));
            }
            if (wanted(include, "growth")) {
                results.addGrowth("mariadb", Growth.bulk(maria, plan.quick() ? 100_000 : 10_000_000, System.out::println));
                results.addGrowth("mariadb", Growth.asyncTransactions(maria, 1000, System.out::println));
                long big = plan.quick() ? 1_000_000 : 10_000_000;
                results.add("growth", Growth.stream(maria, big, plan.quick() ? 1 : 2));
            }
            if (wanted(include, "python") || wanted(include, "growth")) {
                try (Target emu = maria.emulator()) {
                    if (wanted(include, "python")) {
                        python(results, "emulator", emu, plan, runner);
                    }
                    if (wanted(include, "growth")) {
                        results.addGrowth("emulator", Growth.snapshots(emu, plan.quick() ? 100 : 10_000,
                                System.out::println));
                    }
                }
            }
        }
        if (wanted(include, "real") && !"false".equals(System.getProperty("bench.real"))) {
            realServer(results, plan, runner, include);
        }
        results.info.put("loadAfter", loadAverage());
        results.info.put("minutes", Long.toString(TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - started)));
        results.save(saved);
        write(out, Report.render(results, plan));
        System.out.println("Results saved to " + saved);
    }

    private static void python(Results results, String server, Target t, Plan plan, RoundRunner runner) throws Exception {
        String python = PythonPeer.python();
        if (python == null) {
            results.info.put("python-" + server, "skipped: no Python SDK virtualenv (bench.python; bin/benchmarks"
                    + " makes it with matrixone-benchmarks/python/setup-venv.sh)");
            return;
        }
        results.add(server, PythonPeer.run(t, plan, runner, python));
    }

    private static void realServer(Results results, Plan plan, RoundRunner runner, String include) throws Exception {
        String[] p = System.getProperty("bench.matrixone", "127.0.0.1:6001:root:111").split(":", 4);
        if (!reachable(p[0], Integer.parseInt(p[1]))) {
            results.info.put("matrixone", "skipped: no MatrixOne answers on " + p[0] + ":" + p[1]);
            return;
        }
        Target mo = Target.matrixOne();
        try {
            results.info.put("matrixone", mo.version());
            // the real server section: the same pairs, fewer rows for the slow ones (see the report)
            Plan real = plan.forRealServer();
            results.add("matrixone", PointQuery.run(mo, real, runner));
            results.add("matrixone", InFlight.run(mo, real, runner, List.of(Duration.ZERO, Duration.ofMillis(1))));
            results.rtt.putAll(InFlight.MEASURED_RTT);
            results.add("matrixone", Tx.run(mo, real, runner));
            results.add("matrixone", Bulk.run(mo, real, runner, real.shotRounds(), true));
            results.add("matrixone", Streaming.runForked(mo, real.streamRows(), real.quick() ? 6 : 12, 1, ""));
            if (wanted(include, "python") || include.isEmpty() || include.contains("real")) {
                python(results, "matrixone", mo, real, runner);
            }
        } finally {
            mo.dropBenchObjects();
            mo.close();
        }
    }

    static boolean wanted(String include, String section) {
        return include.isEmpty() || section.matches(".*(" + include + ").*");
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path out, String doc) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, doc, StandardCharsets.UTF_8);
        System.out.println(doc);
        System.out.println("Written to " + out);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("matrixone-benchmarks")) && Files.exists(q.resolve("pom.xml"))) {
                return q;
            }
        }
        return p;
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
