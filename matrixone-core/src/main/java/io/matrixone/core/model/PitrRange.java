package io.matrixone.core.model;

import java.util.Objects;

/**
 * How far back a PITR reaches: {@code RANGE n 'unit'} with {@code n} in 1..100 (the server answers "invalid
 * pitr value" otherwise, mo_sql.md §5.1).
 */
public record PitrRange(int value, PitrUnit unit) {
    public static final int MIN = 1;
    public static final int MAX = 100;

    public PitrRange {
        Objects.requireNonNull(unit, "unit");
        Models.require(value >= MIN && value <= MAX, "PITR range must be " + MIN + ".." + MAX + ", was " + value);
    }

    public static PitrRange of(int value, PitrUnit unit) {
        return new PitrRange(value, unit);
    }

    public static PitrRange hours(int n) {
        return new PitrRange(n, PitrUnit.HOURS);
    }

    public static PitrRange days(int n) {
        return new PitrRange(n, PitrUnit.DAYS);
    }

    public static PitrRange months(int n) {
        return new PitrRange(n, PitrUnit.MONTHS);
    }

    public static PitrRange years(int n) {
        return new PitrRange(n, PitrUnit.YEARS);
    }
}
