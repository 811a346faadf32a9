package io.matrixone.benchmarks.harness;

/**
 * One side of a pair (the SDK, or what it is compared with) as the round runner sees it: measure one round.
 * {@link #local} measures a body in this JVM; a side in another process (the Python SDK) measures itself.
 */
public interface Side {

    String label();

    /** Runs one round within the budget and says what it did. */
    Sample round(Budget budget) throws Exception;

    /** A body measured in this process; {@code reset} runs untimed before every shot (not in timed rounds). */
    static Side local(String label, Op body, Op reset) {
        return new Side() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Sample round(Budget budget) throws Exception {
                if (budget.isShot()) {
                    if (reset != null) {
                        reset.run();
                    }
                    Meter m = Meter.start();
                    long items = body.run();
                    return m.stop(items);
                }
                long deadline = System.nanoTime() + budget.millis() * 1_000_000L;
                long items = 0;
                Meter m = Meter.start();
                do {
                    items += body.run();
                } while (System.nanoTime() < deadline);
                return m.stop(items);
            }
        };
    }

    static Side local(String label, Op body) {
        return local(label, body, null);
    }

    /**
     * A side that runs one invocation per round (after the untimed reset) and also records the peak heap growth
     * while it runs (see {@link HeapPeak}); for streaming, where memory is part of the result.
     */
    static Side localWithPeak(String label, Op body, Op reset) {
        return new Side() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Sample round(Budget budget) throws Exception {
                if (reset != null) {
                    reset.run();
                }
                try (HeapPeak peak = new HeapPeak()) {
                    Meter m = Meter.start();
                    Sample s = m.stop(body.run());
                    return new Sample(s.items(), s.wallNanos(), s.cpuNanos(), s.allocBytes(), peak.growth());
                }
            }
        };
    }
}
