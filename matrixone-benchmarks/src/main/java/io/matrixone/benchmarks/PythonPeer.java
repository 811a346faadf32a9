package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.Sample;
import io.matrixone.benchmarks.harness.Side;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * MatrixOne's Python SDK ({@code matrixone-python-sdk} 0.1.16 from PyPI) as the other side of a pair: a worker
 * process ({@code matrixone-benchmarks/python/mo_peer.py}) that runs the seeds' workloads when asked and measures
 * itself: wall time ({@code perf_counter_ns}), its own CPU time ({@code process_time_ns}) and, for the read, its
 * peak resident-set growth. It is naturally outside JMH; the Java side of each pair is a JMH method of
 * {@link PythonPairBenchmark}, run alternately with it (ABBA) against the same server. Timed workloads run back to
 * back for as long as the Java side's measured iteration; single-shot ones after an untimed reset, like the Java
 * side's {@code @Setup(Level.Iteration)}. Both with TLS and SQL logging off.
 * <ul>
 *   <li>connect + point query: a new client, one query by primary key, closed;</li>
 *   <li>a batch of 1,000 users: Java {@code executeBatch}, Python {@code batch_insert};</li>
 *   <li>bulk load in one transaction, in chunks of 10,000 rows: Java {@code bulkInsert} (AUTO on MatrixOne:
 *       staged, LOAD DATA into a temporary table and one INSERT ... SELECT), Python {@code session.batch_insert}
 *       (multi-row INSERTs; the Python SDK's LOAD DATA LOCAL cannot run: PyMySQL's local_infile is never
 *       enabled);</li>
 *   <li>the unified transaction: an ORM insert and a raw insert in one transaction, a database snapshot and a
 *       clone from it. Java: one {@code transaction} (snapshot and clone queued after COMMIT). Python: its
 *       {@code session()} for the two inserts, then snapshot and clone after it (MatrixOne refuses CREATE SNAPSHOT
 *       inside the transaction, and the Python SDK cannot defer it); every transaction makes its own snapshot and
 *       clone, dropped after the round;</li>
 *   <li>reading a large result: Java {@code stream} in a 96 MB heap, Python {@code execute} (its only way: the
 *       result is materialised).</li>
 * </ul>
 */
final class PythonPeer implements AutoCloseable {
    static final String TX_DB = "bench_src";

    private final Process process;
    private final BufferedReader in;
    private final Writer out;
    final String version;

    private PythonPeer(Process process, BufferedReader in, Writer out, String version) {
        this.process = process;
        this.in = in;
        this.out = out;
        this.version = version;
    }

    /** The Python interpreter of the benchmark's virtualenv ({@code bench.python}), or null. */
    static String python() {
        String p = System.getProperty("bench.python", "");
        return p.isEmpty() || !Files.isExecutable(Path.of(p)) ? null : p;
    }

    static PythonPeer start(String python, Target t) throws IOException {
        Path script = RunBenchmarks.repoRoot().resolve("matrixone-benchmarks/python/mo_peer.py");
        Path log = Files.createTempFile("matrixone-bench-python-", ".log");
        Process p = new ProcessBuilder(python, script.toString(), t.host, Integer.toString(t.port), t.user, t.password,
                Target.DB, TX_DB).redirectError(log.toFile()).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready = in.readLine();
        if (ready == null || !ready.startsWith("ready")) {
            p.destroyForcibly();
            throw new IllegalStateException("the Python worker did not start (" + ready + "): " + Files.readString(log));
        }
        return new PythonPeer(p, in, new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
                ready.substring(5).trim());
    }

    /**
     * The Python side of a pair: {@code workload} run back to back for {@code millis} per round, or once per round
     * after its untimed reset ({@code millis} 0).
     */
    Side side(String workload, long millis, String arg) {
        return side(workload, 0, millis, arg);
    }

    /**
     * The same, run untimed for {@code warmupMillis} first in each round, as the Java side's JMH warm-up iteration
     * is: both sides then work for the same time per round.
     */
    Side side(String workload, long warmupMillis, long millis, String arg) {
        return new Side() {
            @Override
            public String label() {
                return "Python SDK";
            }

            @Override
            public Sample round(boolean warmup) throws IOException {
                out.write("round " + workload + " " + millis + " " + arg + " " + warmupMillis + "\n");
                out.flush();
                String line = in.readLine();
                if (line == null || !line.startsWith("ok ")) {
                    throw new IllegalStateException("Python " + workload + ": " + line);
                }
                String[] f = line.split(" ");
                return Sample.counted(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]));
            }

            @Override
            public String detail() {
                return "mo_peer.py " + workload + (millis > 0 ? " for " + millis + " ms" : ", one shot");
            }

            @Override
            public String toString() {
                return "Python SDK (" + detail() + ")";
            }
        };
    }

    @Override
    public void close() {
        try {
            out.write("quit\n");
            out.flush();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException | InterruptedException e) {
            process.destroy();
        }
    }

    /** The tables and databases both sides use; the read's table is {@link StreamingBenchmark#createTable}'s. */
    static void prepare(Target t, long readRows) {
        Users.create(t);
        StreamingBenchmark.createTable(t, readRows);
        cleanUp(t);
        String users = " (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL UNIQUE)";
        String bulk = " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL UNIQUE)";
        t.admin("CREATE TABLE bench_batch_java" + users, "CREATE TABLE bench_batch_py" + users,
                "CREATE TABLE bench_bulk_java" + bulk, "CREATE TABLE bench_bulk_py" + bulk,
                "CREATE DATABASE " + TX_DB,
                "CREATE TABLE " + TX_DB + "." + TransactionBenchmark.TABLE + " (id BIGINT PRIMARY KEY, "
                        + "name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)",
                "CREATE TABLE " + TX_DB + ".bench_py_users (id BIGINT PRIMARY KEY AUTO_INCREMENT, "
                        + "name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
    }

    static void cleanUp(Target t) {
        try {
            t.dropSnapshotsAndClones("bench\\_snap\\_%"); // the Python pairs run on MatrixOne and the emulator only
        } catch (SQLException e) {
            throw new IllegalStateException("dropping the pairs' snapshots and clones on " + t + ": " + e.getMessage(), e);
        }
        t.admin("DROP DATABASE IF EXISTS " + TX_DB, "DROP TABLE IF EXISTS bench_batch_java",
                "DROP TABLE IF EXISTS bench_batch_py", "DROP TABLE IF EXISTS bench_bulk_java",
                "DROP TABLE IF EXISTS bench_bulk_py");
    }
}
