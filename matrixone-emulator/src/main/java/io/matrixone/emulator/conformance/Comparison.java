package io.matrixone.emulator.conformance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether an answer matches the {@code .result} file, with mo-tester's rules: an error matches its message
 * text, an OK matches an empty expectation, a result set matches the expected table (labels case-insensitively,
 * unless {@code @metacmp(false)}; rows in any order unless {@code @sortkey}; {@code @ignore} columns skipped;
 * numbers equal within rounding). Run-dependent values are masked first ({@link Masking}).
 */
public final class Comparison {
    /** mo-tester's column and row separators in result files written since 2024. */
    static final String COLUMN_SEPARATOR = "  ¦  ";
    static final String ROW_SEPARATOR = "  \uD834\uDD00\n";
    private static final String FULL_HEADER = "➤ ";
    /** Labels holding one of these are expressions; mo-tester does not compare them. */
    private static final String SPECIAL = "+-*/%&><()!='\"";

    /** The verdict on one answer. */
    public record Verdict(boolean match, String reason) {
        static final Verdict MATCH = new Verdict(true, "");

        static Verdict differ(String reason) {
            return new Verdict(false, reason);
        }
    }

    private Comparison() {
    }

    public static Verdict compare(Step step, String expected, Outcome actual) {
        if (expected == null) {
            return Verdict.differ("statement not found in the result file");
        }
        if (actual instanceof Outcome.Lost lost) {
            return Verdict.differ("no answer: " + lost.reason());
        }
        if (!step.regexes().isEmpty()) {
            return regexes(step, actual);
        }
        if (actual instanceof Outcome.Failure f) {
            return error(step, expected, f);
        }
        if (actual instanceof Outcome.Ok) {
            return expected.isEmpty() ? Verdict.MATCH : Verdict.differ("got OK, expected:\n" + expected);
        }
        Outcome.Rows rows = (Outcome.Rows) actual;
        if (expected.isEmpty()) {
            return Verdict.differ("got a result set, expected OK");
        }
        return table(step, expected, rows);
    }

    private static Verdict regexes(Step step, Outcome actual) {
        String text;
        if (actual instanceof Outcome.Failure f) {
            text = f.message();
        } else if (actual instanceof Outcome.Rows r) {
            text = render(r);
        } else {
            return Verdict.differ("got OK, expected an answer matching " + step.regexes());
        }
        for (Step.Regex r : step.regexes()) {
            boolean found;
            try {
                found = Pattern.compile(r.pattern()).matcher(text).find();
            } catch (PatternSyntaxException e) {
                return Verdict.differ("bad @regex pattern " + r.pattern());
            }
            if (found != r.include()) {
                return Verdict.differ("@regex(" + r.pattern() + ", " + r.include() + ") failed on: " + text);
            }
        }
        return Verdict.MATCH;
    }

    private static Verdict error(Step step, String expected, Outcome.Failure f) {
        String want = Masking.mask(expected.trim());
        String got = Masking.mask(f.message().trim());
        boolean ok;
        if (step.errorPattern()) {
            try {
                ok = f.message().trim().matches(expected.trim());
            } catch (PatternSyntaxException e) {
                ok = false;
            }
        } else {
            ok = want.equals(got);
        }
        return ok ? Verdict.MATCH : Verdict.differ("got error " + f.code() + ": " + f.message() + "\nexpected:\n" + expected);
    }

    /** The expected table: labels and rows of cell texts. */
    record Table(List<String> labels, List<List<String>> rows) {
    }

    static Table parseTable(String text) {
        boolean modern = text.contains(ROW_SEPARATOR) || text.contains(COLUMN_SEPARATOR);
        List<String> lines;
        if (modern) {
            lines = List.of(text.split(Pattern.quote(ROW_SEPARATOR), -1));
        } else {
            lines = List.of(legacy(text).split("\n", -1));
        }
        String header = lines.get(0);
        boolean fullMeta = header.startsWith(FULL_HEADER);
        if (fullMeta) {
            header = header.substring(FULL_HEADER.length());
        }
        List<String> labels = new ArrayList<>();
        for (String col : header.split(Pattern.quote(COLUMN_SEPARATOR), -1)) {
            int bracket = col.lastIndexOf('[');
            labels.add(fullMeta && bracket > 0 && col.endsWith("]") ? col.substring(0, bracket) : col);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] values = lines.get(i).split(Pattern.quote(COLUMN_SEPARATOR), -1);
            List<String> row = new ArrayList<>();
            // a legacy row may have more pieces than columns: a value holding four spaces was split too (the
            // answer is split the same way), so nothing is cut off
            int width = modern ? labels.size() : Math.max(labels.size(), values.length);
            for (int j = 0; j < width; j++) {
                row.add(j < values.length ? values[j] : "");
            }
            rows.add(row);
        }
        return new Table(labels, rows);
    }

    /** Result files before 2024 separate columns with a tab or four spaces. */
    private static String legacy(String text) {
        return text.replace("    ", COLUMN_SEPARATOR).replace("\t", COLUMN_SEPARATOR);
    }

    private static Verdict table(Step step, String expectedText, Outcome.Rows actual) {
        Table want = parseTable(expectedText);
        boolean modern = expectedText.contains(ROW_SEPARATOR) || expectedText.contains(COLUMN_SEPARATOR);
        List<List<String>> got = new ArrayList<>();
        for (List<String> r : actual.rows()) {
            List<String> cells = new ArrayList<>();
            for (String v : r) {
                String s = v == null ? "null" : v;
                cells.add(modern ? s : s.replace("\n", "\\n"));
            }
            if (!modern) {
                // the expectation was split on tabs and four spaces, so a value holding them is split the same way
                List<String> split = new ArrayList<>();
                for (String cell : cells) {
                    split.addAll(List.of(legacy(cell).split(Pattern.quote(COLUMN_SEPARATOR), -1)));
                }
                cells = split;
            }
            got.add(cells);
        }
        if (step.compareMeta()) {
            for (int i = 0; i < want.labels().size(); i++) {
                String w = want.labels().get(i);
                if (SPECIAL.chars().anyMatch(c -> w.indexOf(c) >= 0)) {
                    continue;
                }
                String g = i < actual.labels().size() ? actual.labels().get(i) : null;
                if (!w.equalsIgnoreCase(g)) {
                    return Verdict.differ("column " + i + " is labelled " + g + ", expected " + w + "\n" + describe(want, actual));
                }
            }
        }
        if (want.rows().size() != got.size()) {
            return Verdict.differ(got.size() + " rows, expected " + want.rows().size() + "\n" + describe(want, actual));
        }
        List<List<String>> w = order(want.rows(), step);
        List<List<String>> g = order(got, step);
        for (int i = 0; i < w.size(); i++) {
            if (!rowEquals(w.get(i), g.get(i), step.ignoredColumns())) {
                return Verdict.differ("row " + i + " is " + g.get(i) + ", expected " + w.get(i) + "\n" + describe(want, actual));
            }
        }
        return Verdict.MATCH;
    }

    private static boolean rowEquals(List<String> want, List<String> got, List<Integer> ignored) {
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            if (!ignored.contains(i) && !cellEquals(want.get(i), got.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean cellEquals(String want, String got) {
        String w = Masking.mask(want);
        String g = Masking.mask(got);
        if (w.equals(g)) {
            return true;
        }
        if (w.equalsIgnoreCase("null") || g.equalsIgnoreCase("null")) {
            return w.equalsIgnoreCase(g);
        }
        return numericallyEqual(w, g);
    }

    /** mo-tester's tolerance: equal numbers, or equal once rounded to the shorter scale. */
    static boolean numericallyEqual(String a, String b) {
        BigDecimal x;
        BigDecimal y;
        try {
            x = new BigDecimal(a.trim());
            y = new BigDecimal(b.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (x.compareTo(y) == 0) {
            return true;
        }
        if (x.signum() == 0 || y.signum() == 0) {
            return false;
        }
        int scale = Math.min(x.stripTrailingZeros().scale(), y.stripTrailingZeros().scale());
        return x.setScale(scale, RoundingMode.HALF_UP).compareTo(y.setScale(scale, RoundingMode.HALF_UP)) == 0;
    }

    /** Rows sorted by their text (ignored columns blanked), or kept in order within equal @sortkey runs. */
    private static List<List<String>> order(List<List<String>> rows, Step step) {
        Comparator<List<String>> byText = Comparator.comparing(r -> key(r, step.ignoredColumns()));
        if (step.sortKeys().isEmpty()) {
            return rows.stream().sorted(byText).toList();
        }
        List<List<String>> out = new ArrayList<>();
        List<List<String>> run = new ArrayList<>();
        String runKey = null;
        for (List<String> r : rows) {
            String k = sortKey(r, step.sortKeys());
            if (runKey != null && !runKey.equals(k)) {
                run.sort(byText);
                out.addAll(run);
                run.clear();
            }
            runKey = k;
            run.add(r);
        }
        run.sort(byText);
        out.addAll(run);
        return out;
    }

    private static String key(List<String> row, List<Integer> ignored) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            b.append(ignored.contains(i) ? "" : Masking.mask(row.get(i))).append('\u0001');
        }
        return b.toString();
    }

    private static String sortKey(List<String> row, List<Integer> keys) {
        StringBuilder b = new StringBuilder();
        for (int k : keys) {
            b.append(k < row.size() ? Masking.mask(row.get(k)) : "").append('\u0001');
        }
        return b.toString();
    }

    /** The answer in the modern result-file layout (header, then rows). */
    static String render(Outcome.Rows r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(COLUMN_SEPARATOR, r.labels()));
        for (List<String> row : r.rows()) {
            lines.add(String.join(COLUMN_SEPARATOR, row.stream().map(v -> v == null ? "null" : v).toList()));
        }
        return String.join(ROW_SEPARATOR, lines);
    }

    private static String describe(Table want, Outcome.Rows actual) {
        StringBuilder b = new StringBuilder("expected:\n").append(String.join(" | ", want.labels()));
        want.rows().stream().limit(20).forEach(r -> b.append('\n').append(String.join(" | ", r)));
        b.append("\ngot:\n").append(String.join(" | ", actual.labels()));
        actual.rows().stream().limit(20).forEach(r -> b.append('\n')
                .append(String.join(" | ", r.stream().map(v -> v == null ? "null" : v).toList())));
        return b.toString();
    }
}
