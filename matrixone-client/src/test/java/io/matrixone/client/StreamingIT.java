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
            AtomicLong firstRowAt = new AtomicLong();
            long start = System.nanoTime();
            long n = client.stream(BIG, List.of(), row -> {
                long i = count.incrementAndGet();
                if (i == 1) {
                    firstRowAt.set(System.nanoTime() - start);
                }
                assertThat(row.getLong(0)).isEqualTo(i);
                if (i % 40_000 == 0) {
                    maxUsed.accumulateAndGet(usedAfterGc(rt) - baseline, Math::max);
                }
            });
            long total = System.nanoTime() - start;
            assertThat(n).isEqualTo(ROWS);
            assertThat(count.get()).isEqualTo(ROWS);
            assertThat(maxUsed.get()).as("heap growth while streaming").isLessThan(64L << 20);
            // rows arrive while the server is still sending: the first long before the last (on the emulator; a
            // real server spends part of the time sorting before it sends the first row)
            if (!mo.isReal()) {
                assertThat(firstRowAt.get()).isLessThan(total / 4);
            }
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

    @Test
    void closingEarlyDoesNotReadTheRest(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            long start = System.nanoTime();
            long full = client.stream(BIG, List.of(), row -> { });
            Duration fullTime = Duration.ofNanos(System.nanoTime() - start);
            assertThat(full).isEqualTo(ROWS);

            long t0 = System.nanoTime();
            try (Stream<Row> rows = client.streamRows(BIG)) {
                assertThat(rows.limit(10).count()).isEqualTo(10);
            }
            Duration early = Duration.ofNanos(System.nanoTime() - t0);
            boolean transferDominates = !mo.isReal(); // a real server's own work (the sort) is in both times
            if (transferDominates) {
                assertThat(early).isLessThan(fullTime.dividedBy(3));
            }
            assertThat(client.poolStats().active()).isZero();
            assertThat(client.query("SELECT 1").scalarLong()).isEqualTo(1); // the pool recovered

            RuntimeException stop = new RuntimeException("enough");
            long t1 = System.nanoTime();
            assertThatThrownBy(() -> client.stream(BIG, List.of(), row -> {
                if (row.getLong(0) == 5) {
                    throw stop;
                }
            })).isSameAs(stop);
            if (transferDominates) {
                assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(fullTime.dividedBy(3));
            }
            assertThat(client.poolStats().active()).isZero();
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
