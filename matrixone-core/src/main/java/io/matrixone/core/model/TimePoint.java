package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A point in the past to read a table at: the {@code table_snapshot_opt} suffix of a table name
 * (mo_sql.md §2). The four forms mean different clocks; pick the one you have:
 * <ul>
 *   <li>{@link #snapshot(String)}: {@code {SNAPSHOT = 'sp'}}, the time of a named snapshot;</li>
 *   <li>{@link #moTs(long)}: {@code {MO_TS = n}}, nanoseconds since the epoch, exact, as stored in
 *       {@code mo_snapshots.ts}; not checked against GC by the server;</li>
 *   <li>{@link #asOf(LocalDateTime)}: {@code {AS OF TIMESTAMP '...'}}, a wall-clock time in the
 *       <em>server's</em> time zone, whole seconds;</li>
 *   <li>{@link #utc(Instant)}: {@code {TIMESTAMP = '...'}}, a UTC time with up to nanoseconds; must be within
 *       the GC window (one hour) or covered by a snapshot or PITR.</li>
 * </ul>
 */
public sealed interface TimePoint {

    /** {@code {SNAPSHOT = 'name'}}. */
    static TimePoint snapshot(String name) {
        return new Snapshot(name);
    }

    /** {@code {MO_TS = nanos}}. */
    static TimePoint moTs(long nanos) {
        return new MoTs(nanos);
    }

    /** The exact time of a snapshot, {@code {MO_TS = ts}}: needs no catalog lookup by name. */
    static TimePoint of(io.matrixone.core.model.Snapshot snapshot) {
        return new MoTs(snapshot.tsNanos());
    }

    /** {@code {AS OF TIMESTAMP 'yyyy-MM-dd HH:mm:ss'}} in the server's zone; fractions of a second are dropped. */
    static TimePoint asOf(LocalDateTime serverLocalTime) {
        return new AsOf(serverLocalTime);
    }

    /** {@code {TIMESTAMP = 'yyyy-MM-dd HH:mm:ss[.fffffffff]'}} in UTC. */
    static TimePoint utc(Instant instant) {
        return new Utc(instant);
    }

    /** A named snapshot. */
    record Snapshot(String name) implements TimePoint {
        public Snapshot {
            Models.name(name, NameKind.SNAPSHOT);
        }
    }

    /** Nanoseconds since the epoch, UTC. */
    record MoTs(long nanos) implements TimePoint {
        public MoTs {
            // the server answers "invalid timestamp value" for ts <= 0
            Models.require(nanos > 0, "MO_TS must be > 0, was " + nanos);
        }
    }

    /** A wall-clock time in the server's zone, whole seconds. */
    record AsOf(LocalDateTime time) implements TimePoint {
        public AsOf {
            Objects.requireNonNull(time, "time");
            time = time.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** A UTC instant. */
    record Utc(Instant instant) implements TimePoint {
        public Utc {
            Objects.requireNonNull(instant, "instant");
            Models.require(instant.getEpochSecond() > 0, "timestamp must be after the epoch");
        }
    }
}
