package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.JmhSide;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Side;
import io.matrixone.benchmarks.harness.Stats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmark pairs and writes {@code docs/benchmarks.md}. Each pair is two JMH benchmark methods (the SDK,
 * and what it is compared with), or a JMH method and the Python SDK worker; they run in short alternating rounds
 * ({@link RoundRunner}: A B, B A, A B ...), each round of a JMH side being one short JMH run through JMH's
 * {@code Runner} API ({@link JmhSide}), and the report gives every ratio as the median of the per-round ratios
 * with a 95% interval, next to the client CPU time and bytes allocated per operation (JMH profilers).
 *
 * <p>To add a benchmark: write a JMH class like {@link PointQueryBenchmark} (states for the clients, one
 * {@code @Benchmark} method per side, the server from {@link Target#fromProperty}) and name its pair in a
 * suite below ({@link Suite#timed} or {@link Suite#shots}).
 *
 * <p>System properties: {@code bench.quick=true} (a few minutes; writes
 * {@code matrixone-benchmarks/target/benchmarks-quick.md}), {@code bench.include=<regex>} over the section names
 * ({@code point inflight tx batch bulk stream python growth real}), {@code bench.real=false} (skip the real MatrixOne),
 * {@code bench.matrixone=host:port:user:password}, {@code bench.python=<python of the venv>}, sizes and rounds
 * ({@link Plan}), {@code bench.out=<path>}. {@code --render <results.bin>} renders a saved run again.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
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
        // Other engineers' JMH runs on this machine hold JMH's global lock for their whole run; the rounds here are
        // interleaved, so a concurrent run is noise on both sides of a round, not a bias (the report says so).
        System.setProperty("jmh.ignoreLock", "true");
        String include = System.getProperty("bench.include", "");
        Results results = new Results();
        results.info.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        results.info.put("commit", command("git", "-C", root.toString(), "rev-parse", "--short", "HEAD").strip());
        results.info.put("loadBefore", loadAverage());
        results.info.put("quick", Boolean.toString(plan.quick()));
        results.info.put("include", include);
        long started = System.nanoTime();
        RoundRunner runner = new RoundRunner(System.out::println);

        Section run = (name, body) -> {
            try {
                body.run();
            } catch (Exception | Error e) { // one failed section must not lose the others' measurements
                e.printStackTrace();
                results.info.put("failed-" + name, e.toString().replace('\n', ' '));
            }
            results.save(saved);
        };
        try (Target maria = Target.mariaDb()) {
            results.info.put("mariadb", command("mariadbd", "--version").strip());
            Suite s = new Suite(results, "mariadb", maria, plan, runner);
            if (wanted(include, "point")) {
                run.run("point", () -> pointQuery(s));
            }
            if (wanted(include, "inflight")) {
                run.run("inflight", () -> inFlight(s, List.of(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(5))));
            }
            if (wanted(include, "tx")) {
                run.run("tx", () -> transactions(s));
            }
            if (wanted(include, "batch")) {
                run.run("batch", () -> batches(s));
            }
            if (wanted(include, "bulk")) {
                run.run("bulk", () -> bulk(s));
            }
            if (wanted(include, "stream")) {
                run.run("stream", () -> streaming(s));
            }
            if (wanted(include, "point|python|growth")) {
                run.run("emulator", () -> {
                    try (Target emu = maria.emulator()) {
                        Suite e = new Suite(results, "emulator", emu, plan, runner);
                        if (wanted(include, "point")) {
                            run.run("point-emulator", () -> pointQuery(e));
                        }
                        if (wanted(include, "python")) {
                            run.run("python-emulator", () -> python(e, plan.pythonRows(), plan.streamRows()));
                        }
                        if (wanted(include, "growth")) {
                            run.run("growth-snapshots", () -> snapshotGrowth(e));
                        }
                    }
                });
            }
            if (wanted(include, "growth")) {
                run.run("growth", () -> growth(s));
            }
        }
        if (wanted(include, "real") && !"false".equals(System.getProperty("bench.real"))) {
            run.run("matrixone", () -> realServer(results, plan, runner, run));
        }
        results.info.put("loadAfter", loadAverage());
        results.info.put("minutes", Long.toString(TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - started)));
        results.save(saved);
        write(out, Report.render(results, plan));
        System.out.println("Results saved to " + saved);
    }

    /** A section of the run; a failure is recorded in the report and the run goes on. */
    @FunctionalInterface
    interface Section {
        void run(String name, Body body) throws IOException;
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** The pairs of one server: sides are JMH methods run against {@link #target}. */
    static final class Suite {
        final Results results;
        final String server;
        final Target target;
        final Plan plan;
        final RoundRunner runner;

        Suite(Results results, String server, Target target, Plan plan, RoundRunner runner) {
            this.results = results;
            this.server = server;
            this.target = target;
            this.plan = plan;
            this.runner = runner;
        }

        /** A side: JMH method {@code method} of {@code benchmark}, against this suite's server. */
        JmhSide side(String label, Class<?> benchmark, String method, JmhSide.Settings settings) {
            return JmhSide.of(label, benchmark, method, settings).property(Target.PROPERTY, target.property());
        }

        JmhSide timedSide(String label, Class<?> benchmark, String method) {
            return side(label, benchmark, method, plan.timed());
        }

        /** Throughput benchmarks: rounds of {@link Plan#timed} JMH runs. */
        void timed(String id, String what, double target, Side a, Side b) throws Exception {
            results.add(server, runner.run(id, what, a, b, target, plan.warmupRounds(), plan.rounds()));
            logConnections();
        }

        /** Single-shot benchmarks: one JMH run of a few shots per side and round. */
        void shots(String id, String what, double target, Side a, Side b) throws Exception {
            results.add(server, runner.run(id, what, a, b, target, 1, plan.shotRounds()));
            logConnections();
        }

        /** The server's open connections after a pair (a leak across rounds would show here first). */
        private void logConnections() {
            try (Connection c = target.direct(new Properties()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'Threads_connected'")) {
                System.out.println("  connections open on the server: " + (rs.next() ? rs.getString(2) : "?"));
            } catch (Exception e) {
                System.out.println("  connections open on the server: ? (" + e.getMessage() + ")");
            }
        }
    }

    static void pointQuery(Suite s) throws Exception {
        Users.create(s.target);
        Class<?> c = PointQueryBenchmark.class;
        s.timed("point-sync", "Point query by PK, sync", 0.95, s.timedSide("SDK sync", c, "sdkSync"),
                s.timedSide("Connector/J + HikariCP", c, "rawJdbc"));
        s.timed("point-async", "Point query by PK, async", Double.NaN, s.timedSide("SDK async", c, "sdkAsync"),
                s.timedSide("Vert.x pool", c, "rawVertx"));
    }

    static void inFlight(Suite base, List<Duration> rtts) throws Exception {
        Users.create(base.target);
        boolean pipelining = base.target.kind.equals("mariadb");
        double direct = pingMicros(base.target);
        base.results.rtt.put(base.server + "@loopback", direct);
        Class<?> c = InFlightBenchmark.class;
        for (Duration rtt : rtts) {
            Target t = rtt.isZero() ? base.target : base.target.withLatency(rtt);
            String at = rtt.isZero() ? "loopback" : "+" + rtt.toMillis() + " ms";
            try {
                if (!rtt.isZero()) {
                    base.results.rtt.put(base.server + "@" + at, pingMicros(t));
                }
                Suite s = new Suite(base.results, base.server, t, base.plan, base.runner);
                String what = "64 in flight, " + at;
                Side async = s.timedSide("SDK async, pool 8", c, "sdkAsync");
                Side sync = s.timedSide("SDK sync, 64 threads, pool 8", c, "sdkSyncPool");
                s.timed("inflight-vertx@" + at, what, 0.9, async, s.timedSide("Vert.x pool 8, no pipelining", c, "rawVertx"));
                s.timed("inflight-sync@" + at, what, 3.0, async, sync);
                if (pipelining && !rtt.equals(Duration.ofMillis(5))) {
                    s.timed("inflight-pipelined@" + at, what, Double.NaN, async,
                            s.timedSide("Vert.x 8 connections, pipelined", c, "rawVertxPipelined"));
                }
                // MatrixOne answers one command at a time per connection (F-01), so the async client's way to more
                // statements in flight is more connections, which cost it no threads
                s.timed("inflight-async64@" + at, what, Double.NaN, s.timedSide("SDK async, pool 64", c, "sdkAsyncPool64"),
                        sync);
            } finally {
                if (!rtt.isZero()) {
                    t.close();
                }
            }
        }
    }

    static void transactions(Suite s) throws Exception {
        s.target.admin("DROP TABLE IF EXISTS " + TransactionBenchmark.TABLE, "CREATE TABLE " + TransactionBenchmark.TABLE
                + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
        Class<?> c = TransactionBenchmark.class;
        s.timed("tx-empty", "Empty transaction", Double.NaN, s.timedSide("SDK transaction(tx -> null)", c, "sdkEmptyTx"),
                s.timedSide("HikariCP: BEGIN; COMMIT", c, "rawBeginCommit"));
        Side orm = s.timedSide("SDK transaction + tx.orm persist", c, "sdkOrmPersist");
        s.timed("tx-orm", "Transaction with an ORM persist", 0.9, orm,
                s.timedSide("Hibernate on HikariCP (auto-commit pool)", c, "hibernatePersist"));
        s.timed("tx-orm-tuned", "Transaction with an ORM persist", Double.NaN, orm,
                s.timedSide("Hibernate on HikariCP (pool without auto-commit)", c, "hibernatePersistTuned"));
        s.target.admin("DROP TABLE IF EXISTS " + TransactionBenchmark.TABLE);
    }

    static void batches(Suite s) throws Exception {
        s.target.admin("DROP TABLE IF EXISTS " + BatchBenchmark.TABLE, "CREATE TABLE " + BatchBenchmark.TABLE
                + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
        Class<?> c = BatchBenchmark.class;
        String what = "Batch of 1,000 rows, one INSERT (per row)";
        s.timed("batch-sync", what, Double.NaN, s.timedSide("SDK executeBatch", c, "sdkSync"),
                s.timedSide("Connector/J batch on HikariCP (rewritten)", c, "rawJdbc"));
        s.timed("batch-async", what, Double.NaN, s.timedSide("SDK async executeBatch", c, "sdkAsync"),
                s.timedSide("Vert.x executeBatch in withTransaction", c, "rawVertx"));
        s.target.admin("DROP TABLE IF EXISTS " + BatchBenchmark.TABLE);
    }

    static void bulk(Suite s) throws Exception {
        BulkInsertBenchmark.createTable(s.target);
        long rows = s.plan.bulkRows();
        String what = "Bulk insert of " + String.format(Locale.ROOT, "%,d", rows) + " rows";
        Side auto = bulkSide(s, "SDK bulkInsert (AUTO: STAGED)", "sdkBulk", rows, rows);
        Side insert = bulkSide(s, "SDK bulkInsert (INSERT: multi-row)", "sdkInsert", rows, rows);
        Side load = bulkSide(s, "SDK bulkInsert (LOAD_DATA stream)", "sdkLoadData", rows, rows);
        Side rowByRow = bulkSide(s, "row-by-row prepared INSERT, one transaction (rows/"
                + BulkInsertBenchmark.ROW_BY_ROW_DIVISOR + ")", "rowByRow", rows, rows / BulkInsertBenchmark.ROW_BY_ROW_DIVISOR);
        Side batch = bulkSide(s, "JDBC batch, rewriteBatchedStatements", "jdbcBatch", rows, rows);
        s.shots("bulk-file", what, 0.8, load, bulkSide(s, "LOAD DATA LOCAL INFILE of a file", "serverLoadFile", rows, rows));
        s.shots("bulk-rowbyrow", what, 20, auto, rowByRow);
        s.shots("bulk-insert-rowbyrow", what, Double.NaN, insert, rowByRow);
        s.shots("bulk-load-rowbyrow", what, 20, load, rowByRow);
        s.shots("bulk-staged-insert", what, Double.NaN, auto, insert);
        s.shots("bulk-server", what, Double.NaN, auto,
                bulkSide(s, "server alone: INSERT ... SELECT", "serverInsertSelect", rows, rows));
        s.shots("bulk-jdbc", what, Double.NaN, insert, batch);
        s.shots("bulk-async", what, Double.NaN, bulkSide(s, "SDK async bulkInsert (multi-row INSERT)", "sdkAsyncBulk", rows, rows),
                batch);
        s.target.admin("DROP TABLE IF EXISTS " + BulkInsertBenchmark.TABLE);
    }

    private static JmhSide bulkSide(Suite s, String label, String method, long rows, long items) {
        return s.side(label, BulkInsertBenchmark.class, method, s.plan.shot()).param("rows", rows).items(items);
    }

    static void streaming(Suite s) throws Exception {
        long rows = s.plan.streamRows();
        StreamingBenchmark.createTable(s.target, rows);
        String what = "Stream " + String.format(Locale.ROOT, "%,d", rows) + " rows";
        Side sync = streamSide(s, "SDK stream (row views)", "sdkStream", rows);
        s.shots("stream-sync", what, 0.95, sync, streamSide(s, "Connector/J streaming ResultSet", "rawJdbcStream", rows));
        s.shots("stream-views", what, Double.NaN, sync,
                streamSide(s, "SDK stream, every row detached (before row views)", "sdkStreamDetached", rows));
        s.shots("stream-async", what, Double.NaN, streamSide(s, "SDK async stream", "sdkAsyncStream", rows),
                streamSide(s, "Vert.x query, collecting", "rawVertxStream", rows));
    }

    /** A streaming side in the shared warm JVM: a warm-up read and three measured reads per round. */
    private static JmhSide streamSide(Suite s, String label, String method, long rows) {
        return s.side(label, StreamingBenchmark.class, method, JmhSide.Settings.shots(1, 3)).param("rows", rows)
                .items(rows).heapPeak();
    }

    /** A streaming side in a fresh {@value StreamingBenchmark#HEAP} fork per round: the proof of bounded memory. */
    private static JmhSide smallHeapStreamSide(Suite s, String label, String method, long rows) {
        return s.side(label, StreamingBenchmark.class, method, s.plan.forkedShots()).param("rows", rows).items(rows)
                .forked("-Xmx" + StreamingBenchmark.HEAP, "-XX:+UseG1GC").heapPeak();
    }

    /** Growth series: bulk insert and streaming by rows, concurrent async transactions by count (one JMH run each). */
    static void growth(Suite s) throws Exception {
        BulkInsertBenchmark.createTable(s.target);
        for (long n = 10_000; n <= s.plan.growthMaxRows(); n *= 10) {
            Side side = s.side("SDK bulkInsert", BulkInsertBenchmark.class, "sdkBulk",
                    JmhSide.Settings.shots(n <= 100_000 ? 1 : 0, n >= 1_000_000 ? 1 : 3)).param("rows", n).items(n);
            step(s, "bulk", "Bulk insert (SDK, AUTO), rows", n, side);
        }
        s.target.admin("DROP TABLE IF EXISTS " + BulkInsertBenchmark.TABLE);
        for (long n : new long[] {s.plan.streamRows(), s.plan.growthMaxRows()}) {
            StreamingBenchmark.createTable(s.target, n);
            step(s, "stream", "Stream (SDK, -Xmx" + StreamingBenchmark.HEAP + "), rows", n,
                    smallHeapStreamSide(s, "SDK stream", "sdkStream", n));
        }
        s.target.admin("DROP TABLE IF EXISTS " + GrowthBenchmark.TX_TABLE, "CREATE TABLE " + GrowthBenchmark.TX_TABLE
                + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
        for (int n = 10; n <= 1000; n *= 10) {
            step(s, "async-tx", "Concurrent async transactions (BEGIN, INSERT, COMMIT), at once", n,
                    s.side("SDK async", GrowthBenchmark.class, "asyncTransactions", JmhSide.Settings.shots(3, 5))
                            .param("transactions", n).items(n));
        }
        s.target.admin("DROP TABLE IF EXISTS " + GrowthBenchmark.TX_TABLE);
    }

    static void snapshotGrowth(Suite s) throws Exception {
        s.target.admin("CREATE TABLE IF NOT EXISTS " + GrowthBenchmark.SNAPSHOT_TABLE + " (id INT PRIMARY KEY)");
        try {
            for (int n = 10; n <= s.plan.growthSnapshots(); n *= 10) {
                step(s, "snapshots", "client.snapshots().list(), snapshots on the server", n,
                        s.side("SDK", GrowthBenchmark.class, "listSnapshots", JmhSide.Settings.shots(3, 7))
                                .param("snapshots", n).items(n));
            }
        } finally {
            try (Connection c = s.target.direct(new Properties()); Statement st = c.createStatement()) {
                for (int i = 0; i < s.plan.growthSnapshots(); i++) {
                    st.execute("DROP SNAPSHOT IF EXISTS " + GrowthBenchmark.name(i));
                }
            }
            s.target.admin("DROP TABLE IF EXISTS " + GrowthBenchmark.SNAPSHOT_TABLE);
        }
    }

    private static void step(Suite s, String series, String what, long size, Side side) throws Exception {
        var sample = side.round(false);
        System.out.println(fmt("growth %s %,d: %,.1f items/s, cpu %.0f ns/item, alloc %.0f B/item, peak %.1f MiB",
                series, size, sample.throughput(), sample.cpuPerItem(), sample.allocPerItem(), sample.peak() / 1048576));
        s.results.addGrowth(s.server, new Results.Step(series, what, size, sample));
    }

    /** The Java SDK vs the Python SDK on the seeds' workloads (skipped without the Python virtualenv). */
    static void python(Suite s, long rows, long readRows) throws Exception {
        String python = PythonPeer.python();
        if (python == null) {
            s.results.info.put("python-" + s.server, "skipped: no Python SDK virtualenv (bench.python; bin/benchmarks"
                    + " makes it with matrixone-benchmarks/python/setup-venv.sh)");
            return;
        }
        PythonPeer.prepare(s.target, readRows);
        Class<?> c = PythonPairBenchmark.class;
        try (PythonPeer py = PythonPeer.start(python, s.target)) {
            s.results.info.put("python-sdk", py.version);
            long millis = s.plan.iterationMillis();
            // the server-bound pairs (tens of milliseconds an operation) measure 4x longer per round
            JmhSide.Settings serverBound = JmhSide.Settings.timed(s.plan.warmupMillis(), 4 * millis);
            s.timed("py-connect", "Connect + point query", 1.0, s.timedSide("Java SDK", c, "connectPoint"),
                    py.side("connect_point", s.plan.warmupMillis(), millis, "-"));
            s.timed("py-batch", "Batch of 1,000 users (per user)", 1.0, s.side("Java SDK", c, "batch1000", serverBound),
                    py.side("batch_1000", s.plan.warmupMillis(), 4 * millis, "-"));
            s.shots("py-bulk", "Bulk load of " + String.format(Locale.ROOT, "%,d", rows) + " rows", 1.0,
                    s.side("Java SDK", c, "bulk", s.plan.shot()).param("rows", rows).items(rows),
                    py.side("bulk", 0, Long.toString(rows)));
            s.timed("py-unified", "Unified transaction: ORM + raw insert + snapshot + clone", 1.0,
                    s.side("Java SDK", c, "unifiedTx", serverBound),
                    py.side("unified_tx", s.plan.warmupMillis(), 4 * millis, "-"));
            s.shots("py-read", "Read " + String.format(Locale.ROOT, "%,d", readRows) + " rows", 1.0,
                    s.side("Java SDK (-Xmx96m fork)", c, "read", s.plan.forkedShots()).param("rows", readRows)
                            .items(readRows).forked("-Xmx" + StreamingBenchmark.HEAP, "-XX:+UseG1GC").heapPeak(),
                    py.side("stream", 0, StreamingBenchmark.table(readRows)));
        } finally {
            PythonPeer.cleanUp(s.target);
        }
    }

    private static void realServer(Results results, Plan plan, RoundRunner runner, Section run) throws Exception {
        String[] p = System.getProperty("bench.matrixone", "127.0.0.1:6001:root:111").split(":", 4);
        if (!reachable(p[0], Integer.parseInt(p[1]))) {
            results.info.put("matrixone", "skipped: no MatrixOne answered on " + p[0] + ":" + p[1] + " during the run");
            return;
        }
        Target mo = Target.matrixOne();
        try {
            results.info.put("matrixone", mo.version());
            // the same pairs, fewer rows where one shot would take minutes there
            Plan real = new Plan(plan.quick(), plan.rounds(), Math.max(4, plan.shotRounds() / 2), plan.warmupRounds(),
                    plan.warmupMillis(), plan.iterationMillis(), plan.realRows(), plan.realRows() * 2, plan.realRows(),
                    plan.realRows(), plan.realRows(), 0);
            Suite s = new Suite(results, "matrixone", mo, real, runner);
            String only = System.getProperty("bench.realInclude", "");
            if (wanted(only, "point")) {
                run.run("matrixone-point", () -> pointQuery(s));
            }
            if (wanted(only, "inflight")) {
                run.run("matrixone-inflight", () -> inFlight(s, List.of(Duration.ZERO, Duration.ofMillis(1))));
            }
            if (wanted(only, "tx")) {
                run.run("matrixone-tx", () -> transactions(s));
            }
            if (wanted(only, "batch")) {
                run.run("matrixone-batch", () -> batches(s));
            }
            if (wanted(only, "bulk")) {
                run.run("matrixone-bulk", () -> bulk(s));
            }
            if (wanted(only, "stream")) {
                run.run("matrixone-stream", () -> streaming(s));
            }
            if (wanted(only, "python")) {
                run.run("matrixone-python", () -> python(s, real.pythonRows(), real.streamRows()));
            }
        } finally {
            mo.dropBenchObjects();
            mo.close();
        }
    }

    /** The median time of a {@code SELECT 1} round trip, microseconds (calibrates the latency proxy). */
    static double pingMicros(Target t) throws Exception {
        try (Connection c = t.direct(new Properties()); Statement st = c.createStatement()) {
            double[] v = new double[200];
            for (int i = -50; i < v.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT 1")) {
                    rs.next();
                }
                if (i >= 0) {
                    v[i] = (System.nanoTime() - t0) / 1000.0;
                }
            }
            return Stats.median(v);
        }
    }

    static boolean wanted(String include, String section) {
        return include.isEmpty() || section.matches(".*(" + include + ").*")
                || java.util.Arrays.stream(section.split("\\|")).anyMatch(x -> x.matches(".*(" + include + ").*"));
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
