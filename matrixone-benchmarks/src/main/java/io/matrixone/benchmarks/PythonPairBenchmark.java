package io.matrixone.benchmarks;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.result.Row;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java side of the Java SDK vs Python SDK pairs ({@link PythonPeer} runs the Python side, outside JMH), on the
 * seeds' workloads against the emulator or a real MatrixOne: connect + point query, a batch of 1,000 users, a bulk
 * load, the unified transaction (ORM insert + raw insert + snapshot + clone) and reading a large result. The
 * tables are made by {@link PythonPeer#prepare}. Default options as a user would have them (pool defaults, TLS
 * off as on the Python side, no version pinned).
 */
@OutputTimeUnit(TimeUnit.SECONDS)
public class PythonPairBenchmark {
    private static final AtomicLong IDS = new AtomicLong();
    /** Rows per statement in the bulk load, on both sides ({@code mo_peer.py} {@code bulk}: chunks of 10,000). */
    static final int BULK_BATCH = 10_000;

    static ClientOptions options(Target t, String database) {
        return ClientOptions.builder().host(t.host).port(t.port).user(t.user).password(t.password).database(database)
                .tlsMode(TlsMode.DISABLED).build();
    }

    @State(Scope.Benchmark)
    public static class Main {
        ClientOptions options;
        MatrixOneClient client;

        @Setup
        public void open() {
            options = options(Target.fromProperty(), Target.DB);
            client = MatrixOneClient.create(options);
        }

        @TearDown
        public void close() {
            client.close();
        }
    }

    /**
     * The batch's table, emptied before every iteration (untimed; the Python side empties its own before its warm-up
     * and its measured run): on MatrixOne an INSERT's key check costs more as the table's unflushed tail grows, so
     * both sides start each round from the same state.
     */
    @State(Scope.Benchmark)
    public static class Batch extends Main {
        @Setup(Level.Iteration)
        public void empty() {
            client.execute("TRUNCATE TABLE bench_batch_java");
        }
    }

    @State(Scope.Benchmark)
    public static class Bulk extends Main {
        @Param("1000000")
        public long rows;

        @Setup(Level.Iteration)
        public void empty() {
            client.execute("TRUNCATE TABLE bench_bulk_java");
        }
    }

    /**
     * The unified transaction's client and ORM; every transaction makes its own snapshot and clone, dropped after
     * each iteration (untimed), so the pair runs as a timed workload with many transactions per round.
     */
    @State(Scope.Benchmark)
    public static class Unified {
        MatrixOneClient client;
        MatrixOneSessionFactory orm;
        final List<Long> made = new ArrayList<>();

        @Setup
        public void open() {
            client = MatrixOneClient.create(options(Target.fromProperty(), PythonPeer.TX_DB));
            orm = MatrixOneHibernate.sessionFactory(client, BenchUser.class);
        }

        @TearDown(Level.Iteration)
        public void dropMade() {
            for (long id : made) {
                client.snapshots().dropIfExists("bench_snap_java_" + id);
                client.execute("DROP DATABASE IF EXISTS bench_clone_java_" + id);
            }
            made.clear();
        }

        @TearDown
        public void close() {
            dropMade();
            orm.close();
            client.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Read extends Main {
        @Param("1000000")
        public long rows;
    }

    /** A new client, one query by primary key, closed. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public void connectPoint(Main s, Users.Ids ids, Blackhole bh) {
        try (MatrixOneClient c = MatrixOneClient.create(s.options)) {
            Row row = c.query(Users.POINT_SQL, ids.next()).rows().get(0);
            bh.consume(row.getLong(0));
            bh.consume(row.getString(1));
            bh.consume(row.getString(2));
        }
    }

    /** 1,000 users in one {@code executeBatch} (Python: {@code batch_insert}). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(1000)
    public void batch1000(Batch s) {
        long base = IDS.incrementAndGet() * 1000;
        List<List<?>> rows = new ArrayList<>(1000);
        for (long k = base; k < base + 1000; k++) {
            // "jv-" as long as the Python side's "py-": the same bytes for the server to store and check
            rows.add(List.of("jv-" + k, "jv-" + k + "@example.com"));
        }
        s.client.executeBatch("INSERT INTO bench_batch_java (name, email) VALUES (?, ?)", rows);
    }

    /**
     * {@code bulkInsert} of {@code rows} rows in one transaction (AUTO on MatrixOne: staged, LOAD DATA into a
     * temporary table and one INSERT ... SELECT), in LOAD DATA statements of {@value #BULK_BATCH} rows as the Python
     * side's chunks.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public long bulk(Bulk s) {
        return s.client.bulkInsert(BulkInsert.into(Target.DB, "bench_bulk_java").columns("id", "name", "email")
                .rows(Rows.of(s.rows)).batchSize(BULK_BATCH)).rows();
    }

    /**
     * One unified transaction: ORM persist, raw insert, database snapshot and a clone from it (both queued, run
     * after COMMIT).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public Object unifiedTx(Unified s) {
        long id = IDS.incrementAndGet();
        s.made.add(id);
        String snapshot = "bench_snap_java_" + id;
        return s.client.transaction(tx -> {
            tx.orm(s.orm).persist(new BenchUser(id, "orm-" + id, "orm-" + id + "@example.com"));
            tx.execute("INSERT INTO " + TransactionBenchmark.TABLE + " (id, name, email) VALUES (?, ?, ?)", -id,
                    "raw-" + id, "raw-" + id + "@example.com");
            tx.snapshots().create(SnapshotSpec.database(snapshot, PythonPeer.TX_DB));
            tx.clones().database(CloneSpec.database("bench_clone_java_" + id, PythonPeer.TX_DB).fromSnapshot(snapshot));
            return null;
        });
    }

    /** Reading {@code rows} rows with {@code stream} (Python: {@code execute}, its only way). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public long read(Read s) {
        long[] sum = new long[1];
        long n = s.client.stream("SELECT id, name FROM " + StreamingBenchmark.table(s.rows), List.of(),
                row -> sum[0] += row.getLong(0) + row.getString(1).length());
        if (n != s.rows || sum[0] == 0) {
            throw new IllegalStateException("read " + n);
        }
        return n;
    }
}
