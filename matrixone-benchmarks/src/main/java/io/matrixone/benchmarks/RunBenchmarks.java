package io.matrixone.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and writes {@code docs/benchmarks.md}: SDK vs raw driver side by side from the
 * same run, with JMH's error bars and the ratios, plus the machine, the versions and the date.
 *
 * <p>System properties: {@code bench.quick=true} (a smoke run: tiny iterations, 20k bulk rows; the doc is written
 * to {@code target/benchmarks-quick.md} instead), {@code bench.include=<regex>} (a subset), {@code bench.rows=N}
 * (bulk rows, default 1,000,000), {@code bench.out=<path>}.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = Boolean.getBoolean("bench.quick");
        String include = System.getProperty("bench.include", "");
        long rows = Long.getLong("bench.rows", quick ? 20_000 : 1_000_000);
        Path root = repoRoot();
        Path out = Path.of(System.getProperty("bench.out",
                quick ? root.resolve("matrixone-benchmarks/target/benchmarks-quick.md").toString()
                      : root.resolve("docs/benchmarks.md").toString()));
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        ZonedDateTime date = ZonedDateTime.now();
        for (String b : List.of("sdkStream", "rawJdbcStream", "sdkAsyncStream", "rawVertxStream")) {
            Files.deleteIfExists(HeapPeak.file(b));
        }

        List<RunResult> results = new ArrayList<>();
        // Throughput benchmarks, in ABBA order per pair (raw, SDK, SDK, raw ...): the load on this shared machine
        // drifts over minutes, and a fixed order would hand that drift to one side. Each method's two forks are
        // averaged (see combine).
        List<String[]> throughputRuns = List.of(
                new String[] {"PointQueryBenchmark", "mariadb", "rawJdbc", "sdkSync", "rawVertx", "sdkAsync"},
                new String[] {"PointQueryBenchmark", "emulator", "rawJdbc", "sdkSync", "rawVertx", "sdkAsync"},
                new String[] {"InFlightBenchmark", "mariadb", "rawVertx", "sdkAsync", "sdkSyncPool"},
                new String[] {"TransactionBenchmark", "mariadb", "rawBeginCommit", "sdkEmptyTx", "rawInsertTx", "sdkOrmFlushTx"});
        for (String[] r : throughputRuns) {
            List<String> methods = new ArrayList<>(List.of(r).subList(2, r.length));
            List<String> order = new ArrayList<>(methods);
            if (!quick) {
                List<String> reversed = new ArrayList<>(methods);
                java.util.Collections.reverse(reversed);
                order.addAll(reversed);
            }
            for (String method : order) {
                if (!include.isEmpty() && !(r[0] + "." + method).matches(".*(" + include + ").*")) {
                    continue;
                }
                results.addAll(run(new OptionsBuilder()
                        .include("io\\.matrixone\\.benchmarks\\." + r[0] + "\\." + method + "$")
                        .param("target", r[1])
                        .forks(1)
                        .warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                        .measurementIterations(quick ? 2 : 4).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                        .timeUnit(TimeUnit.SECONDS)
                        .shouldFailOnError(true)));
            }
        }
        // One-shot benchmarks: one insert per iteration (seconds each), one 1M-row read (a fraction of a second).
        results.addAll(run(new OptionsBuilder()
                .include(pattern(include, "BulkInsertBenchmark"))
                .forks(1)
                .param("rows", Long.toString(rows))
                .warmupIterations(1)
                .measurementIterations(quick ? 2 : 3)
                .shouldFailOnError(true)));
        results.addAll(run(new OptionsBuilder()
                .include(pattern(include, "StreamingBenchmark"))
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .measurementIterations(quick ? 2 : 8)
                .shouldFailOnError(true)));

        long minutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - started);
        String doc = render(results, rows, quick, date, loadBefore, loadAverage(), minutes);
        Files.createDirectories(out.getParent());
        Files.writeString(out, doc, StandardCharsets.UTF_8);
        System.out.println(doc);
        System.out.println("Written to " + out);
    }

    private static String pattern(String include, String classes) {
        String base = "io\\.matrixone\\.benchmarks\\.(" + classes + ")\\.";
        return include.isEmpty() ? base : "^(?=.*(" + include + "))" + base; // include matches Class.method
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        try {
            return new Runner(options.build()).run();
        } catch (RunnerException e) {
            if (String.valueOf(e).contains("No benchmarks to run")) { // NoBenchmarksException: the include matched none
                return List.of();
            }
            throw e;
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    /** One score: value, error (99.9% half-width, NaN if unknown), unit. */
    record Score(double value, double error, String unit) {
        double relError() {
            return Double.isNaN(error) || value == 0 ? Double.NaN : error / value;
        }

        Score rowsPerSecond(long rows) {
            // single shot in ms/op: rows/s = rows * 1000 / ms; same relative error
            double v = rows * 1000.0 / value;
            return new Score(v, Double.isNaN(error) ? Double.NaN : v * error / value, "rows/s");
        }
    }

    private static Map<String, Score> index(List<RunResult> results) {
        Map<String, List<Score>> all = new TreeMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String cls = bench.substring(0, bench.lastIndexOf('.'));
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String target = r.getParams().getParam("target");
            Result<?> p = r.getPrimaryResult();
            all.computeIfAbsent(cls + "." + method + "@" + target, k -> new ArrayList<>())
                    .add(new Score(p.getScore(), p.getScoreError(), p.getScoreUnit()));
        }
        Map<String, Score> m = new TreeMap<>();
        all.forEach((k, v) -> m.put(k, combine(v)));
        return m;
    }

    /**
     * Two forks of one method (ABBA order): their mean, with an error that covers both JMH errors and half the
     * difference between the forks, whichever is larger.
     */
    static Score combine(List<Score> scores) {
        if (scores.size() == 1) {
            return scores.get(0);
        }
        double sum = 0;
        double sq = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Score sc : scores) {
            sum += sc.value;
            sq += Double.isNaN(sc.error) ? 0 : sc.error * sc.error;
            min = Math.min(min, sc.value);
            max = Math.max(max, sc.value);
        }
        int n = scores.size();
        double error = Math.max(Math.sqrt(sq) / n, (max - min) / 2);
        return new Score(sum / n, error, scores.get(0).unit);
    }

    private record Pair(String what, String sdkKey, String rawKey, String sdkLabel, String rawLabel, Double target,
                        boolean rowsPerSecond, String note) {
    }

    private static String render(List<RunResult> results, long rows, boolean quick, ZonedDateTime date,
                                 String loadBefore, String loadAfter, long minutes) {
        Map<String, Score> s = index(results);
        List<Pair> pairs = List.of(
                new Pair("Point query by PK, MariaDB direct", "PointQueryBenchmark.sdkSync@mariadb",
                        "PointQueryBenchmark.rawJdbc@mariadb", "SDK sync", "Connector/J + HikariCP", 0.95, false, ""),
                new Pair("Point query by PK, through the emulator", "PointQueryBenchmark.sdkSync@emulator",
                        "PointQueryBenchmark.rawJdbc@emulator", "SDK sync", "Connector/J + HikariCP", 0.95, false, ""),
                new Pair("Point query by PK, MariaDB direct", "PointQueryBenchmark.sdkAsync@mariadb",
                        "PointQueryBenchmark.rawVertx@mariadb", "SDK async", "Vert.x (1 conn)", null, false, ""),
                new Pair("Point query by PK, through the emulator", "PointQueryBenchmark.sdkAsync@emulator",
                        "PointQueryBenchmark.rawVertx@emulator", "SDK async", "Vert.x (1 conn)", null, false, ""),
                new Pair("64 in flight", "InFlightBenchmark.sdkAsync@mariadb", "InFlightBenchmark.rawVertx@mariadb",
                        "SDK async", "Vert.x pipelined (2 conns)", 0.9, false, ""),
                new Pair("64 in flight", "InFlightBenchmark.sdkAsync@mariadb", "InFlightBenchmark.sdkSyncPool@mariadb",
                        "SDK async", "SDK sync, 64 threads, pool 8", 3.0, false, ""),
                new Pair("Bulk insert", "BulkInsertBenchmark.sdkBulk@mariadb", "BulkInsertBenchmark.serverLoadDataFile@mariadb",
                        "SDK bulkInsert (LOAD DATA stream)", "server LOAD DATA LOCAL INFILE file", 0.8, true, ""),
                new Pair("Bulk insert", "BulkInsertBenchmark.sdkBulk@mariadb", "BulkInsertBenchmark.rowByRow@mariadb",
                        "SDK bulkInsert (LOAD DATA stream)", "row-by-row INSERT, one transaction (rows/"
                        + BulkInsertBenchmark.ROW_BY_ROW_DIVISOR + ")", 20.0, true, ""),
                new Pair("Bulk insert", "BulkInsertBenchmark.sdkBulk@mariadb", "BulkInsertBenchmark.rowByRowAutocommit@mariadb",
                        "SDK bulkInsert (LOAD DATA stream)", "row-by-row INSERT, autocommit (rows/"
                        + BulkInsertBenchmark.AUTOCOMMIT_DIVISOR + ")", 20.0, true, ""),
                new Pair("Bulk insert", "BulkInsertBenchmark.sdkBulk@mariadb", "BulkInsertBenchmark.rawJdbcBatch@mariadb",
                        "SDK bulkInsert (LOAD DATA stream)", "JDBC batch, rewriteBatchedStatements", null, true, ""),
                new Pair("Bulk insert", "BulkInsertBenchmark.sdkBulkInsertMethod@mariadb", "BulkInsertBenchmark.rawJdbcBatch@mariadb",
                        "SDK bulkInsert method(INSERT)", "JDBC batch, rewriteBatchedStatements", null, true, ""),
                new Pair("Bulk insert", "BulkInsertBenchmark.sdkAsyncBulk@mariadb", "BulkInsertBenchmark.rawJdbcBatch@mariadb",
                        "SDK async bulkInsert (INSERT, 4 pipelined)", "JDBC batch, rewriteBatchedStatements", null, true, ""),
                new Pair("Stream 1M rows", "StreamingBenchmark.sdkStream@mariadb", "StreamingBenchmark.rawJdbcStream@mariadb",
                        "SDK stream", "Connector/J streaming ResultSet", null, true, ""),
                new Pair("Stream 1M rows", "StreamingBenchmark.sdkAsyncStream@mariadb", "StreamingBenchmark.rawVertxStream@mariadb",
                        "SDK async stream", "Vert.x collecting", null, true, ""),
                new Pair("Transaction", "TransactionBenchmark.sdkEmptyTx@mariadb", "TransactionBenchmark.rawBeginCommit@mariadb",
                        "SDK transaction(tx -> null)", "JDBC BEGIN; COMMIT", null, false, ""),
                new Pair("Transaction", "TransactionBenchmark.sdkOrmFlushTx@mariadb", "TransactionBenchmark.rawInsertTx@mariadb",
                        "SDK transaction + ORM persist/flush", "JDBC BEGIN; INSERT; COMMIT", null, false, ""));

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: the SDK against the raw drivers\n\n");
        if (quick) {
            md.append("**Smoke run (bench.quick): tiny iterations, not a measurement.**\n\n");
        }
        md.append("Generated by `bin/benchmarks` (`io.matrixone.benchmarks.RunBenchmarks`) on ")
                .append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" in ").append(minutes)
                .append(" minutes. Every ratio compares two scores of this one run; never compare numbers across runs on"
                        + " this machine (see java_stack.md §5: sequential round trips vary 2-4x between runs).\n\n");
        md.append("## Results\n\n");
        md.append("Scores are JMH means ± the 99.9% error half-width (NaN: too few iterations). Ratio = SDK / raw, higher"
                + " is better for the SDK; its ± combines both relative errors. Bulk and streaming scores are rows/s"
                + " computed from the single-shot times (").append(String.format(Locale.ROOT, "%,d", rows))
                .append(" rows per bulk insert, ").append(String.format(Locale.ROOT, "%,d", StreamingBenchmark.ROWS))
                .append(" rows per stream).\n\n");
        md.append("| benchmark | SDK | raw | SDK score | raw score | ratio SDK/raw | target | met |\n");
        md.append("|---|---|---|---:|---:|---:|---:|:---:|\n");
        for (Pair p : pairs) {
            Score a = s.get(p.sdkKey);
            Score b = s.get(p.rawKey);
            if (a == null || b == null) {
                continue;
            }
            if (p.rowsPerSecond) {
                a = a.rowsPerSecond(p.sdkKey.contains("Streaming") ? StreamingBenchmark.ROWS : rowsOf(p.sdkKey, rows));
                b = b.rowsPerSecond(p.rawKey.contains("Streaming") ? StreamingBenchmark.ROWS : rowsOf(p.rawKey, rows));
            }
            double ratio = a.value / b.value;
            double rel = Math.hypot(nz(a.relError()), nz(b.relError()));
            String unit = p.rowsPerSecond ? "rows/s" : "ops/s";
            md.append("| ").append(p.what).append(" | ").append(p.sdkLabel).append(" | ").append(p.rawLabel)
                    .append(" | ").append(fmt(a)).append(' ').append(unit)
                    .append(" | ").append(fmt(b)).append(' ').append(unit)
                    .append(" | ").append(Double.isNaN(a.relError()) && Double.isNaN(b.relError())
                            ? String.format(Locale.ROOT, "%.2f", ratio)
                            : String.format(Locale.ROOT, "%.2f ± %.2f", ratio, ratio * rel))
                    .append(" | ").append(p.target == null ? "–" : "≥ " + p.target)
                    .append(" | ").append(p.target == null ? "" : ratio >= p.target ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\nPeak heap growth while streaming ").append(String.format(Locale.ROOT, "%,d", StreamingBenchmark.ROWS))
                .append(" rows (sampled every ms, above the level after a GC before the read; forks run with -Xmx")
                .append(StreamingBenchmark.HEAP).append(", so a materialised result would have failed):\n\n");
        md.append("| method | peak heap growth |\n|---|---:|\n");
        for (String b : List.of("sdkStream", "rawJdbcStream", "sdkAsyncStream", "rawVertxStream")) {
            Path f = HeapPeak.file(b);
            try {
                if (Files.exists(f)) {
                    long bytes = Long.parseLong(Files.readString(f).trim());
                    md.append("| ").append(b).append(" | ").append(String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)).append(" |\n");
                }
            } catch (IOException | NumberFormatException e) {
                md.append("| ").append(b).append(" | ? |\n");
            }
        }

        md.append("\n### Every score\n\n| benchmark | target | score | unit |\n|---|---|---:|---|\n");
        for (Map.Entry<String, Score> e : s.entrySet()) {
            String[] k = e.getKey().split("@");
            md.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(fmt(e.getValue()))
                    .append(" | ").append(e.getValue().unit).append(" |\n");
        }

        md.append("\n## Machine and versions\n\n");
        md.append("- CPU: ").append(cpuModel()).append("; `nproc` = ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        md.append("- Memory (`free -h`):\n\n```\n").append(command("free", "-h").strip()).append("\n```\n");
        md.append("- Load average (1, 5, 15 min) before the run: ").append(loadBefore).append("; after: ").append(loadAfter).append('\n');
        md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(" (").append(System.getProperty("java.vendor")).append(")\n");
        md.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        md.append("- Server: ").append(command("mariadbd", "--version").strip()).append(" (private instance started by the benchmark)\n");
        md.append("- Libraries: ").append(String.join(", ", libraryVersions().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList())).append('\n');
        md.append("- JMH: throughput benchmarks ").append(quick ? "1 fork, 1 x 1 s warm-up, 2 x 1 s measured"
                        : "2 forks per method in ABBA order (raw, SDK, SDK, raw), each 2 x 2 s warm-up and 4 x 2 s measured;"
                        + " the two forks are averaged, the error is the larger of their combined JMH errors and half"
                        + " their difference")
                .append("; single-shot benchmarks 1 fork: bulk 1 warm-up and ").append(quick ? 2 : 3)
                .append(" measured shots, streaming ").append(quick ? "1 and 2" : "3 and 8").append(".\n");
        md.append(notes());
        return md.toString();
    }

    private static long rowsOf(String key, long rows) {
        String method = key.substring(key.indexOf('.') + 1, key.indexOf('@'));
        return BulkInsertBenchmark.rowsOf(method, rows);
    }

    private static double nz(double d) {
        return Double.isNaN(d) ? 0 : d;
    }

    private static String fmt(Score s) {
        String v = s.value >= 100 ? String.format(Locale.ROOT, "%,.0f", s.value) : String.format(Locale.ROOT, "%.2f", s.value);
        if (Double.isNaN(s.error)) {
            return v;
        }
        String e = s.error >= 100 ? String.format(Locale.ROOT, "%,.0f", s.error) : String.format(Locale.ROOT, "%.2f", s.error);
        return v + " ± " + e;
    }

    private static String notes() {
        try (var in = RunBenchmarks.class.getResourceAsStream("/benchmarks-notes.md")) {
            return in == null ? "" : "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        String[][] jars = {{"mysql-connector-j-", "Connector/J"}, {"HikariCP-", "HikariCP"},
            {"vertx-mysql-client-", "Vert.x MySQL client"}, {"hibernate-core-", "Hibernate ORM"}, {"jmh-core-", "JMH"}};
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            for (String[] j : jars) {
                if (name.startsWith(j[0]) && name.endsWith(".jar")) {
                    v.put(j[1], name.substring(j[0].length(), name.length() - 4));
                }
            }
        }
        return v;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String command(String... cmd) {
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

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("matrixone-benchmarks")) && Files.exists(q.resolve("pom.xml"))) {
                return q;
            }
        }
        return p;
    }
}
