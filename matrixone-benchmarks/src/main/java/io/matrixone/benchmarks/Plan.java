package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.JmhSide;

/**
 * How much a run measures: the full run (for {@code docs/benchmarks.md}) or the quick one ({@code bench.quick=true},
 * a few minutes, before a commit). Every size can be overridden with a system property of the same name
 * ({@code -Dbench.rounds=30}, {@code -Dbench.bulkRows=1000000} ...).
 *
 * @param rounds        measured rounds per pair of timed benchmarks (each round: one JMH run per side)
 * @param shotRounds    measured rounds per pair of single-shot benchmarks (bulk, streaming, the Python shots)
 * @param warmupRounds  rounds run first and discarded
 * @param warmupMillis  a timed round's JMH warm-up iteration
 * @param iterationMillis a timed round's JMH measured iteration
 */
record Plan(boolean quick, int rounds, int shotRounds, int warmupRounds, long warmupMillis, long iterationMillis,
            long bulkRows, long streamRows, long pythonRows, long realRows, long growthMaxRows, int growthSnapshots) {

    static Plan fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new Plan(quick,
                Integer.getInteger("bench.rounds", quick ? 6 : 12),
                Integer.getInteger("bench.shotRounds", quick ? 4 : 8),
                Integer.getInteger("bench.warmupRounds", quick ? 1 : 2),
                Long.getLong("bench.warmupMillis", quick ? 200 : 250),
                Long.getLong("bench.iterationMillis", quick ? 500 : 500),
                Long.getLong("bench.bulkRows", quick ? 20_000 : 250_000),
                Long.getLong("bench.streamRows", quick ? 200_000 : 1_000_000),
                Long.getLong("bench.pythonRows", quick ? 10_000 : 100_000),
                Long.getLong("bench.realRows", quick ? 10_000 : 100_000),
                Long.getLong("bench.growthMaxRows", quick ? 100_000 : 10_000_000),
                Integer.getInteger("bench.growthSnapshots", quick ? 100 : 10_000));
    }

    JmhSide.Settings timed() {
        return JmhSide.Settings.timed(warmupMillis, iterationMillis);
    }

    /** One shot per round in the shared warm JVM (the discarded warm-up rounds warmed it). */
    JmhSide.Settings shot() {
        return JmhSide.Settings.shots(0, 1);
    }

    /** Shots in a fresh fork: two warm-up shots, two measured. */
    JmhSide.Settings forkedShots() {
        return JmhSide.Settings.shots(quick ? 1 : 2, 2);
    }
}
