package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.Budget;
import io.matrixone.benchmarks.harness.Op;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Sample;
import io.matrixone.benchmarks.harness.Side;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.result.Row;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java SDK against MatrixOne's Python SDK ({@code matrixone-python-sdk} 0.1.16 from PyPI), on the seeds'
 * workloads, against the same server in one run, in alternating rounds: the Python side is a worker process
 * ({@code matrixone-benchmarks/python/mo_peer.py}) that measures itself (wall time, its own CPU time, peak resident
 * set growth) and the Java side runs here. Both with TLS off and SQL logging off.
 * <ul>
 *   <li>connect + point query: a new client, one query by primary key, closed;</li>
 *   <li>a batch of 1,000 users: Java {@code executeBatch}, Python {@code batch_insert};</li>
 *   <li>bulk load of {@code rows} rows in one transaction: Java {@code bulkInsert} (AUTO: multi-row INSERT on
 *       MatrixOne), Python {@code session.batch_insert} in chunks of 10,000 (its LOAD DATA LOCAL cannot run:
 *       PyMySQL's local_infile is never enabled);</li>
 *   <li>the unified transaction: an ORM insert and a raw insert in one transaction, a database snapshot and a
 *       clone from it. Java: one {@code transaction} (snapshot and clone queued after COMMIT). Python: its
 *       {@code session()} for the two inserts, then snapshot and clone after it (MatrixOne refuses CREATE SNAPSHOT
 *       inside the transaction, and the Python SDK cannot defer it);</li>
 *   <li>reading a {@code rows}-row result: Java {@code stream}, Python {@code execute} (its only way: the result
 *       is materialised).</li>
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

    Side side(String workload, String arg) {
        return new Side() {
            @Override
            public String label() {
                return "Python SDK";
            }

            @Override
            public Sample round(Budget budget) throws IOException {
                out.write("round " + workload + " " + budget.millis() + " " + arg + "\n");
                out.flush();
                String line = in.readLine();
                if (line == null || !line.startsWith("ok ")) {
                    throw new IllegalStateException("Python " + workload + ": " + line);
                }
                String[] f = line.split(" ");
                return new Sample(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), -1,
                        Long.parseLong(f[4]));
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

    // ---------------------------------------------------------------------------------------------------------

    static List<PairResult> run(Target t, Plan plan, RoundRunner runner, String python) throws Exception {
        long rows = plan.pythonBulkRows();
        Users.create(t);
        Streaming.createTable(t, plan.streamRows());
        t.admin("DROP TABLE IF EXISTS bench_batch_java", "DROP TABLE IF EXISTS bench_batch_py",
                "CREATE TABLE bench_batch_java (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(64) NOT NULL, "
                        + "email VARCHAR(128) NOT NULL UNIQUE)",
                "CREATE TABLE bench_batch_py (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(64) NOT NULL, "
                        + "email VARCHAR(128) NOT NULL UNIQUE)",
                "DROP TABLE IF EXISTS bench_bulk_java", "DROP TABLE IF EXISTS bench_bulk_py",
                "CREATE TABLE bench_bulk_java (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                        + "email VARCHAR(128) NOT NULL UNIQUE)",
                "CREATE TABLE bench_bulk_py (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                        + "email VARCHAR(128) NOT NULL UNIQUE)",
                "DROP DATABASE IF EXISTS bench_clone_java", "DROP DATABASE IF EXISTS bench_clone_py",
                "DROP DATABASE IF EXISTS " + TX_DB, "CREATE DATABASE " + TX_DB,
                "CREATE TABLE " + TX_DB + "." + Tx.TABLE + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                        + "email VARCHAR(128) NOT NULL)",
                "CREATE TABLE " + TX_DB + ".bench_py_users (id BIGINT PRIMARY KEY AUTO_INCREMENT, "
                        + "name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
        dropSnapshots(t);

        ClientOptions options = ClientOptions.builder().host(t.host).port(t.port).user(t.user).password(t.password)
                .database(Target.DB).tlsMode(TlsMode.DISABLED).build();
        ClientOptions txOptions = options.toBuilder().database(TX_DB).build();
        List<PairResult> out = new ArrayList<>();
        AtomicLong ids = new AtomicLong();
        try (PythonPeer py = start(python, t);
             MatrixOneClient main = MatrixOneClient.create(options);
             MatrixOneClient txClient = MatrixOneClient.create(txOptions);
             MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(txClient, BenchUser.class)) {
            String server = t.kind;
            Users.Ids userIds = new Users.Ids();
            PointQuery.Sink sink = new PointQuery.Sink();

            Side connect = Side.local("Java SDK", () -> {
                try (MatrixOneClient c = MatrixOneClient.create(options)) {
                    Row row = c.query(Users.POINT_SQL, userIds.next()).rows().get(0);
                    sink.take(row.getLong(0), row.getString(1), row.getString(2));
                }
                return 1;
            });
            out.add(runner.run("py-connect@" + server, "Connect + point query", connect,
                    py.side("connect_point", "-"), plan.timed(), plan.timedRounds()));

            Side batch = Side.local("Java SDK", () -> {
                long base = ids.incrementAndGet() * 1000;
                List<List<?>> rowsOf = new ArrayList<>(1000);
                for (long k = base; k < base + 1000; k++) {
                    rowsOf.add(List.of("java-" + k, "java-" + k + "@example.com"));
                }
                main.executeBatch("INSERT INTO bench_batch_java (name, email) VALUES (?, ?)", rowsOf);
                return 1000;
            });
            out.add(runner.run("py-batch@" + server, "Batch of 1,000 users", batch, py.side("batch_1000", "-"),
                    plan.timed(), plan.timedRounds()));

            Op emptyJava = () -> {
                main.execute("TRUNCATE TABLE bench_bulk_java");
                return 0;
            };
            Side bulk = Side.local("Java SDK", () -> main.bulkInsert(BulkInsert.into(Target.DB, "bench_bulk_java")
                    .columns("id", "name", "email").rows(Rows.of(rows))).rows(), emptyJava);
            out.add(runner.run("py-bulk@" + server, "Bulk load of " + rows + " rows", bulk,
                    py.side("bulk", Long.toString(rows)), Budget.shot(1), plan.pythonShotRounds()));

            Op txReset = () -> {
                main.snapshots().dropIfExists("bench_snap_java");
                main.execute("DROP DATABASE IF EXISTS bench_clone_java");
                return 0;
            };
            Side unified = Side.local("Java SDK", () -> {
                long id = ids.incrementAndGet();
                txClient.transaction(tx -> {
                    tx.orm(orm).persist(new BenchUser(id, "orm-" + id, "orm-" + id + "@example.com"));
                    tx.execute("INSERT INTO " + Tx.TABLE + " (id, name, email) VALUES (?, ?, ?)", -id, "raw-" + id,
                            "raw-" + id + "@example.com");
                    tx.snapshots().create(SnapshotSpec.database("bench_snap_java", TX_DB));
                    tx.clones().database(CloneSpec.database("bench_clone_java", TX_DB).fromSnapshot("bench_snap_java"));
                    return null;
                });
                return 1;
            }, txReset);
            try {
                out.add(runner.run("py-unified@" + server, "Unified transaction: ORM + raw insert + snapshot + clone",
                        unified, py.side("unified_tx", "-"), Budget.shot(2), plan.shotRounds()));
            } finally {
                txReset.run();
                t.admin("DROP DATABASE IF EXISTS bench_clone_py");
                dropSnapshots(t);
            }

            String table = Streaming.table(plan.streamRows());
            long streamRows = plan.streamRows();
            Side stream = Side.localWithPeak("Java SDK", () -> {
                AtomicLong sum = new AtomicLong();
                long n = main.stream("SELECT id, name FROM " + table, List.of(),
                        row -> sum.addAndGet(row.getLong(0) + row.getString(1).length()));
                if (n != streamRows) {
                    throw new IllegalStateException("read " + n);
                }
                return n;
            }, null);
            out.add(runner.run("py-stream@" + server, "Read " + streamRows + " rows", stream,
                    py.side("stream", table), Budget.shot(1), plan.pythonShotRounds()));
        } finally {
            t.admin("DROP DATABASE IF EXISTS bench_clone_java", "DROP DATABASE IF EXISTS bench_clone_py",
                    "DROP TABLE IF EXISTS bench_bulk_java", "DROP TABLE IF EXISTS bench_bulk_py");
            dropSnapshots(t);
        }
        return out;
    }

    private static void dropSnapshots(Target t) {
        for (String s : List.of("bench_snap_java", "bench_snap_py")) {
            try {
                t.admin("DROP SNAPSHOT IF EXISTS " + s);
            } catch (RuntimeException e) {
                System.err.println(e.getMessage());
            }
        }
    }
}
