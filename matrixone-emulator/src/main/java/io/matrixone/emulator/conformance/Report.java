package io.matrixone.emulator.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the scores: a Markdown section (totals per case directory and per feature, then one row per file) into a
 * document, replacing the section of the same name and keeping everything else, and a plain-text list of every
 * statement that did not match, for whoever fixes the server.
 */
public final class Report {
    private final String section;
    private final String heading;
    private final List<String> context;
    private final List<FileResult> files;

    /**
     * @param section the section's name in the document ({@code emulator}, {@code real-server}, ...)
     * @param heading its Markdown heading
     * @param context lines printed under the heading (server, cases, command)
     */
    public Report(String section, String heading, List<String> context, List<FileResult> files) {
        this.section = section;
        this.heading = heading;
        this.context = List.copyOf(context);
        this.files = List.copyOf(files);
    }

    /** Counts of one slice: statements run and matched, MatrixOne-feature ones and all. */
    record Tally(long files, long feature, long featureMatched, long all, long allMatched, long notRun) {
        Tally plus(FileResult f) {
            return new Tally(files + 1, feature + f.count(true), featureMatched + f.matched(true), all + f.count(false),
                    allMatched + f.matched(false), notRun + f.notRun());
        }

        static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);
    }

    Map<String, Tally> byGroup() {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (FileResult f : files) {
            out.merge(f.group(), Tally.ZERO.plus(f), (a, b) -> new Tally(a.files() + b.files(), a.feature() + b.feature(),
                    a.featureMatched() + b.featureMatched(), a.all() + b.all(), a.allMatched() + b.allMatched(),
                    a.notRun() + b.notRun()));
        }
        return out;
    }

    Tally total() {
        Tally t = Tally.ZERO;
        for (FileResult f : files) {
            t = t.plus(f);
        }
        return t;
    }

    /** {feature: {run, matched}}. */
    Map<String, long[]> byFeature() {
        Map<String, long[]> out = new LinkedHashMap<>();
        FeatureClassifier.FEATURES.forEach(f -> out.put(f, new long[2]));
        for (FileResult f : files) {
            for (FileResult.StatementResult s : f.statements()) {
                if (s.ran() && s.feature().isPresent()) {
                    long[] c = out.get(s.feature().get());
                    c[0]++;
                    c[1] += s.matched() ? 1 : 0;
                }
            }
        }
        return out;
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(begin()).append('\n');
        b.append("## ").append(heading).append("\n\n");
        context.forEach(l -> b.append(l).append("  \n"));
        b.append("Run on ").append(LocalDate.now()).append(".\n\n");
        b.append("| case directory | files | MatrixOne-feature statements matching | all statements matching | not run (`@bvt:issue`) |\n");
        b.append("|---|---:|---:|---:|---:|\n");
        byGroup().forEach((g, t) -> b.append(row(g, t)));
        b.append(row("**total**", total()));
        b.append("\n| feature | statements | matching |\n|---|---:|---:|\n");
        byFeature().forEach((f, c) -> {
            if (c[0] > 0) {
                b.append("| ").append(f).append(" | ").append(c[0]).append(" | ").append(ratio(c[1], c[0])).append(" |\n");
            }
        });
        b.append("\n<details><summary>Per file</summary>\n\n");
        b.append("| file | MatrixOne-feature statements matching | all statements matching | note |\n|---|---:|---:|---|\n");
        for (FileResult f : files) {
            b.append("| ").append(f.name()).append(" | ").append(ratio(f.matched(true), f.count(true))).append(" | ")
                    .append(ratio(f.matched(false), f.count(false))).append(" | ").append(f.note()).append(" |\n");
        }
        b.append("\n</details>\n");
        b.append(end()).append('\n');
        return b.toString();
    }

    private static String row(String name, Tally t) {
        return "| " + name + " | " + t.files() + " | " + ratio(t.featureMatched(), t.feature()) + " | "
                + ratio(t.allMatched(), t.all()) + " | " + t.notRun() + " |\n";
    }

    static String ratio(long matched, long total) {
        if (total == 0) {
            return "0 / 0";
        }
        return String.format(Locale.ROOT, "%d / %d (%.1f%%)", matched, total, 100.0 * matched / total);
    }

    private String begin() {
        return "<!-- begin " + section + " (written by bin/fidelity; edits inside are overwritten) -->";
    }

    private String end() {
        return "<!-- end " + section + " -->";
    }

    /** Replaces this report's section in {@code doc} (created if missing), keeping the rest of the document. */
    public void writeInto(Path doc) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Emulator fidelity\n\n";
        String begin = "<!-- begin " + section + " ";
        int from = text.indexOf(begin);
        int to = text.indexOf(end());
        String updated;
        if (from >= 0 && to > from) {
            updated = text.substring(0, from) + markdown() + text.substring(to + end().length()).replaceFirst("^\n", "");
        } else {
            updated = text + (text.endsWith("\n\n") ? "" : "\n") + markdown();
        }
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    /** Every statement that did not match, with the reason. */
    public void writeMismatches(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (FileResult f : files) {
            for (FileResult.StatementResult s : f.statements()) {
                if (s.ran() && !s.matched()) {
                    b.append("=== ").append(f.name()).append(':').append(s.line()).append(" [")
                            .append(s.feature().orElse("-")).append("]\n").append(s.sql()).append('\n')
                            .append(s.verdict().reason()).append("\n\n");
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }
}
