package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.result.Row;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class StreamingIT {
    private static final int ROWS = 200_000;
    /** About 1 KB per row: materialising 200k rows would need well over 200 MB. */
    private static final String BIG = "SELECT seq, REPEAT('x', 1000) AS payload FROM " + Clients.numbers(ROWS)
            + " ORDER BY seq";

    @Test
    void streamsTwoHundredThousandRowsInBoundedMemory(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            Runtime rt = Runtime.getRuntime();
            long baseline = usedAfterGc(rt);
            AtomicLong count = new AtomicLong();
            AtomicLong maxUsed = new AtomicLong();
            long n = client.stream(BIG, List.of(), row -> {
                long i = count.incrementAndGet();
                assertThat(row.getLong(0)).isEqualTo(i);
                if (i % 40_000 == 0) {
                    maxUsed.accumulateAndGet(usedAfterGc(rt) - baseline, Math::max);
                }
            });
            assertThat(n).isEqualTo(ROWS);
            assertThat(count.get()).isEqualTo(ROWS);
            // the result is about 200 MB (1,000-byte payloads): a client that read it all before the first callback
            // would hold it, so a bound far below that shows rows are handed out as they arrive (no timing needed)
            assertThat(maxUsed.get()).as("heap growth while streaming").isLessThan(64L << 20);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void streamedRowsAreViewsValidDuringTheCallbackAndDetachedCopiesAreKept(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String sql = "SELECT seq, CONCAT('n', seq) AS name, CAST(seq AS DECIMAL(10, 2)) / 4 AS quarter, "
                    + "CAST(NULL AS SIGNED) AS nothing FROM " + Clients.numbers(100) + " ORDER BY seq";
            List<Row> detached = client.query(sql).rows();
            List<Row> kept = new java.util.ArrayList<>();
            List<Row> views = new java.util.ArrayList<>();
            long n = client.stream(sql, List.of(), row -> {
                Row same = detached.get((int) (row.getLong(0) - 1));
                // in place or converted, a view reads what the detached row holds
                assertThat(row.getLong("seq")).isEqualTo(same.getLong("seq"));
                assertThat(row.getString("name")).isEqualTo(same.getString("name"));
                assertThat(row.getBigDecimal("quarter")).isEqualByComparingTo(same.getBigDecimal("quarter"));
                assertThat(row.getString(2)).isEqualTo(same.getString(2));
                assertThat(row.getLong("nothing")).isNull();
                assertThat(row.values()).isEqualTo(same.values());
                assertThat(row).isEqualTo(same);
                kept.add(row.detach());
                views.add(row);
            });
            assertThat(n).isEqualTo(100);
            assertThat(kept).isEqualTo(detached);
            assertThatThrownBy(() -> views.get(0).getLong(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("detach");
            assertThatThrownBy(() -> views.get(99).getString(1)).as("the last row, after the stream ended")
                    .isInstanceOf(IllegalStateException.class);

            // the same inside a transaction
            List<Row> inTx = new java.util.ArrayList<>();
            client.transaction(tx -> tx.stream(sql, null, row -> inTx.add(row.detach())));
            assertThat(inTx).isEqualTo(detached);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void streamOfRowsIsLazyAndReleasesItsConnectionOnClose(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            long sum;
            try (Stream<Row> rows = client.streamRows("SELECT seq FROM " + Clients.numbers(1000) + " WHERE seq > ?", 500)) {
                assertThat(client.poolStats().active()).isEqualTo(1);
                sum = rows.mapToLong(r -> r.getLong(0)).sum();
            }
            assertThat(sum).isEqualTo((501 + 1000) * 500L / 2);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    /**
     * Stopping early must not read the rest of a large result: the SDK aborts the connection instead of draining it
     * (and returning it to the pool). Seen on the server: the session that ran the stream is gone, although the
     * pool would have kept a drained connection open.
     */
    @Test
    void closingEarlyAbortsTheConnectionInsteadOfReadingTheRest(Emulator mo) throws Exception {
        String withSession = "SELECT CONNECTION_ID() AS session, seq, REPEAT('x', 1000) AS payload FROM "
                + Clients.numbers(ROWS) + " ORDER BY seq";
        try (MatrixOneClient client = Clients.client(mo)) {
            long session;
            try (Stream<Row> rows = client.streamRows(withSession)) {
                List<Row> first = rows.limit(10).toList();
                assertThat(first).hasSize(10);
                session = first.get(0).getLong(0);
            }
            assertThat(client.poolStats().active()).isZero();
            assertGone(mo, session);
            assertThat(client.query("SELECT 1").scalarLong()).isEqualTo(1); // the pool recovered

            RuntimeException stop = new RuntimeException("enough");
            long[] streamed = new long[1];
            assertThatThrownBy(() -> client.stream(withSession, List.of(), row -> {
                streamed[0] = row.getLong(0);
                if (row.getLong(1) == 5) {
                    throw stop;
                }
            })).isSameAs(stop);
            assertThat(client.poolStats().active()).isZero();
            assertGone(mo, streamed[0]);
        }
    }

    /** The server-side session has ended (the abort closes it; a drained connection would stay in the pool). */
    private static void assertGone(Emulator mo, long session) throws Exception {
        if (mo.isReal()) {
            return; // a real MatrixOne's session ids are not MariaDB's; the pool checks above still hold
        }
        try (java.sql.Connection admin = Clients.backend(mo); java.sql.Statement st = admin.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (java.sql.ResultSet rs = st.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + session)) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("session %d still open: the rest of the result was read", session)
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void streamsInsideATransactionAndSeesItsWrites(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "txstream");
            long seen = client.transaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) SELECT CONCAT('n', seq) FROM " + Clients.numbers(5000));
                AtomicLong c = new AtomicLong();
                long n = tx.stream("SELECT name FROM " + t, null, row -> {
                    c.incrementAndGet();
                    if (c.get() == 1) {
                        assertThatThrownBy(() -> tx.query("SELECT 1")).isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("stream");
                    }
                });
                assertThat(n).isEqualTo(c.get());
                return n;
            });
            assertThat(seen).isEqualTo(5000);
        }
    }

    private static long usedAfterGc(Runtime rt) {
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
