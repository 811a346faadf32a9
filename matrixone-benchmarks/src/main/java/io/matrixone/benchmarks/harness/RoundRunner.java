package io.matrixone.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs two sides in short alternating rounds: warm-up rounds (discarded), then {@code rounds} rounds in which
 * each side runs once, A first in even rounds and B first in odd ones, so that neither side always follows the
 * other (caches, GC debt, a burst on the machine). A round's ratio compares two measurements a second or so
 * apart; drift in the machine's load over minutes cancels out of it.
 */
public final class RoundRunner {
    private final Consumer<String> log;

    public RoundRunner(Consumer<String> log) {
        this.log = log;
    }

    public PairResult run(String id, String what, Side a, Side b, Budget budget, int rounds) throws Exception {
        log.accept(String.format(Locale.ROOT, "%s: %s vs %s, %d warm-up + %d rounds of %s", id, a.label(), b.label(),
                budget.warmupRounds(), rounds, budget.isShot() ? "one shot" : budget.millis() + " ms"));
        for (int i = 0; i < budget.warmupRounds(); i++) {
            a.round(budget);
            b.round(budget);
        }
        List<Sample> as = new ArrayList<>(rounds);
        List<Sample> bs = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            Sample sa;
            Sample sb;
            if (i % 2 == 0) {
                sa = measure(a, budget);
                sb = measure(b, budget);
            } else {
                sb = measure(b, budget);
                sa = measure(a, budget);
            }
            as.add(sa);
            bs.add(sb);
            log.accept(String.format(Locale.ROOT, "  round %2d: %,12.1f vs %,12.1f /s  ratio %.3f  cpu %.3f  alloc %.3f", i,
                    sa.throughput(), sb.throughput(), sa.throughput() / sb.throughput(),
                    sa.cpuPerItem() / sb.cpuPerItem(), sa.allocPerItem() / sb.allocPerItem()));
        }
        PairResult r = new PairResult(id, what, a.label(), b.label(), as, bs);
        Stats.Interval t = r.throughputRatio();
        log.accept(String.format(Locale.ROOT, "  => throughput ratio %.3f [%.3f, %.3f], cpu %.3f, alloc %.3f", t.median(),
                t.low(), t.high(), r.cpuRatio().median(), r.allocRatio().median()));
        return r;
    }

    private static Sample measure(Side side, Budget budget) throws Exception {
        try {
            return side.round(budget);
        } catch (Exception e) {
            throw new IllegalStateException(side.label() + " failed: " + e, e);
        }
    }
}
