package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.Sample;
import io.matrixone.benchmarks.harness.Stats;

import java.util.List;
import java.util.Map;

/** Renders a run as markdown. */
final class Report {
    private Report() {
    }

    static String render(Results r, Plan plan) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        for (Map.Entry<String, List<PairResult>> e : r.pairs.entrySet()) {
            md.append("## ").append(e.getKey()).append("\n\n| pair | A | B | A/s | B/s | ratio | cpu | alloc |\n|---|---|---|---|---|---|---|---|\n");
            for (PairResult p : e.getValue()) {
                Stats.Interval t = p.throughputRatio();
                md.append(RunBenchmarks.fmt("| %s | %s | %s | %.1f | %.1f | %.3f [%.3f, %.3f] | %.3f | %.3f |%n", p.id(),
                        p.labelA(), p.labelB(), p.medianA(Sample::throughput), p.medianB(Sample::throughput),
                        t.median(), t.low(), t.high(), p.cpuRatio().median(), p.allocRatio().median()));
            }
            md.append('\n');
        }
        r.growth.forEach((k, v) -> {
            md.append("## growth ").append(k).append("\n\n");
            for (Growth.Step s : v) {
                md.append(RunBenchmarks.fmt("- %s %d: %.3f s, cpu/item %.0f ns, alloc/item %.0f B%n", s.series(), s.size(),
                        s.seconds(), s.sample().cpuPerItem(), s.sample().allocPerItem()));
            }
        });
        md.append("\n").append(r.info).append("\n").append(r.rtt).append('\n');
        return md.toString();
    }
}
