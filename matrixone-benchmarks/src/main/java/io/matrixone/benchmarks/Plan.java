package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.Budget;

/**
 * How much a run measures: the full run (for {@code docs/benchmarks.md}) or the quick one (a few minutes, before a
 * commit). Sizes can be overridden with system properties ({@code bench.rows}, {@code bench.rounds} ...).
 */
record Plan(boolean quick, int timedRounds, long roundMillis, int timedWarmup, int shotRounds, int shotWarmup,
            long bulkRows, long streamRows, int pythonShotRounds, long pythonBulkRows) {

    static Plan fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new Plan(quick,
                Integer.getInteger("bench.rounds", quick ? 10 : 30),
                Long.getLong("bench.roundMillis", quick ? 200 : 400),
                Integer.getInteger("bench.warmup", quick ? 5 : 10),
                Integer.getInteger("bench.shotRounds", quick ? 6 : 12),
                quick ? 1 : 2,
                Long.getLong("bench.rows", quick ? 50_000 : 1_000_000),
                Long.getLong("bench.streamRows", quick ? 200_000 : 1_000_000),
                Integer.getInteger("bench.pythonRounds", quick ? 6 : 8),
                Long.getLong("bench.pythonRows", quick ? 50_000 : 1_000_000));
    }

    /**
     * The plan for a real MatrixOne: the same rounds, fewer rows where one round would take minutes there
     * ({@code bench.realRows}, {@code bench.realStreamRows}).
     */
    Plan forRealServer() {
        return new Plan(quick, timedRounds, roundMillis, timedWarmup, Math.max(6, shotRounds - 2), shotWarmup == 0 ? 0 : 1,
                Long.getLong("bench.realRows", quick ? 20_000 : 200_000),
                Long.getLong("bench.realStreamRows", quick ? 200_000 : 1_000_000), pythonShotRounds,
                Long.getLong("bench.realPythonRows", quick ? 20_000 : 200_000));
    }

    Budget timed() {
        return Budget.timed(roundMillis, timedWarmup);
    }

    Budget shot() {
        return Budget.shot(shotWarmup);
    }
}
