package io.matrixone.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs two sides in short alternating rounds: warm-up rounds (discarded), then {@code rounds} rounds in which
 * each side runs once, A first in even rounds and B first in odd ones (A B, B A, A B ...: ABBA order), so that
 * neither side always follows the other (caches, GC debt, a burst on the machine). A Java side's round is one
 * short JMH run ({@link JmhSide}). A round's ratio compares two measurements a few seconds apart; drift in the
 * machine's load over minutes cancels out of it. The per-round ratios are summarised by their median and a 95%
 * interval ({@link PairResult}, {@link Stats#medianInterval}).
 */
public final class RoundRunner {
    private final Consumer<String> log;

    public RoundRunner(Consumer<String> log) {
        this.log = log;
    }

    public PairResult run(String id, String what, Side a, Side b, double target, int warmupRounds, int rounds)
            throws Exception {
        log.accept(String.format(Locale.ROOT, "%s: %s vs %s, %d warm-up + %d rounds", id, a, b, warmupRounds, rounds));
        for (int i = 0; i < warmupRounds; i++) {
            measure(a, true);
            measure(b, true);
        }
        List<Sample> as = new ArrayList<>(rounds);
        List<Sample> bs = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            Sample sa;
            Sample sb;
            if (i % 2 == 0) {
                sa = measure(a, false);
                sb = measure(b, false);
            } else {
                sb = measure(b, false);
                sa = measure(a, false);
            }
            as.add(sa);
            bs.add(sb);
            log.accept(String.format(Locale.ROOT, "  round %2d: %,12.1f vs %,12.1f /s  ratio %.3f  cpu %.3f  alloc %.3f", i,
                    sa.throughput(), sb.throughput(), sa.throughput() / sb.throughput(),
                    sa.cpuPerItem() / sb.cpuPerItem(), sa.allocPerItem() / sb.allocPerItem()));
        }
        PairResult r = new PairResult(id, what, a.label(), b.label(), a.detail(), b.detail(), target, as, bs);
        Stats.Interval t = r.throughputRatio();
        log.accept(String.format(Locale.ROOT, "  => throughput ratio %.3f [%.3f, %.3f], cpu %.3f, alloc %.3f", t.median(),
                t.low(), t.high(), r.cpuRatio().median(), r.allocRatio().median()));
        return r;
    }

    private static Sample measure(Side side, boolean warmup) throws Exception {
        try {
            return side.round(warmup);
        } catch (Exception e) {
            throw new IllegalStateException(side.label() + " failed: " + e, e);
        }
    }
}
