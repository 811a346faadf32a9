package io.matrixone.core.dialect;

import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.TimePoint;
import io.matrixone.core.result.Result;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeTravelTest {

    @Test
    void writesEachTimePointInItsOwnBraces() {
        for (Dialect d : Versions.all()) {
            TimeTravel tt = d.timeTravel();
            assertThat(tt.table("db", "t", TimePoint.snapshot("sp"))).isEqualTo("`db`.`t`{SNAPSHOT = 'sp'}");
            assertThat(tt.table("db", "t", TimePoint.moTs(123))).isEqualTo("`db`.`t`{MO_TS = 123}");
            assertThat(tt.table("db", "t", TimePoint.asOf(LocalDateTime.of(2025, 1, 1, 0, 0))))
                    .isEqualTo("`db`.`t`{AS OF TIMESTAMP '2025-01-01 00:00:00'}");
            assertThat(tt.table(null, "t", TimePoint.utc(Instant.parse("2025-01-02T03:04:05Z"))))
                    .isEqualTo("`t`{TIMESTAMP = '2025-01-02 03:04:05'}");
        }
    }

    @Test
    void utcTimestampKeepsNanosecondsWithoutTrailingZeros() {
        assertThat(TimeTravel.hint(TimePoint.utc(Instant.parse("2025-07-19T05:51:09.380366Z"))))
                .isEqualTo("{TIMESTAMP = '2025-07-19 05:51:09.380366'}");
        assertThat(TimeTravel.hint(TimePoint.utc(Instant.parse("2025-07-19T05:51:09.000000001Z"))))
                .isEqualTo("{TIMESTAMP = '2025-07-19 05:51:09.000000001'}");
    }

    @Test
    void asOfDropsFractionsOfASecond() {
        assertThat(TimeTravel.hint(TimePoint.asOf(LocalDateTime.of(2025, 1, 1, 10, 20, 30, 999_000_000))))
                .isEqualTo("{AS OF TIMESTAMP '2025-01-01 10:20:30'}");
    }

    @Test
    void aSnapshotRoundTripsIntoMoTsExactly() {
        Snapshot s = new Snapshot("sp", SnapshotLevel.ACCOUNT, 1_752_904_271_493_962_123L, "sys", null, null, "user");
        assertThat(TimeTravel.hint(TimePoint.of(s))).isEqualTo("{MO_TS = 1752904271493962123}");
    }

    @Test
    void selectQuotesColumnsAndMarksTheSnapshotRead() {
        Operation<Result> op = D42.timeTravel().select("db", "t", TimePoint.snapshot("sp"), "id", "name");
        assertThat(op.firstStatement().sql()).isEqualTo("SELECT `id`, `name` FROM `db`.`t`{SNAPSHOT = 'sp'}");
        assertThat(op.txRule()).isEqualTo(TxRule.NOW);
        assertThat(op.firstStatement().readsSnapshot()).isEqualTo("sp");
        assertThat(D42.timeTravel().select("db", "t", TimePoint.moTs(9)).firstStatement().sql())
                .isEqualTo("SELECT * FROM `db`.`t`{MO_TS = 9}");
        assertThat(D42.timeTravel().select("db", "t", TimePoint.moTs(9)).firstStatement().readsSnapshot()).isNull();
    }

    @Test
    void countReturnsTheScalar() {
        Operation<Long> op = D42.timeTravel().count("snapshot_read", "test_snapshot_read", TimePoint.snapshot("snapshot_01"));
        assertThat(op.firstStatement().sql())
                .isEqualTo("SELECT COUNT(*) FROM `snapshot_read`.`test_snapshot_read`{SNAPSHOT = 'snapshot_01'}");
        long n = op.execute(new ScriptedRunner().answer(Result.builder(List.of("count(*)")).addRow(100L).build()));
        assertThat(n).isEqualTo(100L);
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> TimePoint.moTs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimePoint.snapshot("a'b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimePoint.utc(Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> D42.timeTravel().table("db", bad, TimePoint.moTs(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> D42.timeTravel().select("db", "t", TimePoint.moTs(1), bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
