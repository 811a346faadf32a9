package io.matrixone.emulator.conformance;

import io.matrixone.emulator.backend.BackendConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conformance runner: replays MatrixOne's own SQL test transcripts ({@code test/distributed/cases} of a
 * MatrixOne checkout) against the emulator or a real server and writes the scores to {@code docs/fidelity.md}.
 * Nothing of MatrixOne's is copied: the transcripts are read from the checkout given with {@code --cases}.
 *
 * <pre>
 * bin/fidelity --cases /path/to/matrixone/test/distributed/cases [--dirs snapshot,git4data/clone]
 *              [--url matrixone://root:111@127.0.0.1:6001] [--version 4.2.0] [--out docs/fidelity.md]
 * </pre>
 */
public final class FidelityMain {
    private static final Logger LOG = LoggerFactory.getLogger(FidelityMain.class);
    /** The directories issue 12 names: snapshots and restore, clone, PITR, publications, accounts, mo_ctl. */
    static final List<String> DEFAULT_DIRS = List.of("snapshot", "snapshot/cluster", "git4data/clone", "pitr",
            "publication_subscription", "tenant", "function/mo_ctl");

    private FidelityMain() {
    }

    /** The parsed command line. */
    /**
     * @param skipContaining transcripts whose text matches are not run (on a shared server: no cluster or sys
     *                       restores that would wipe other people's data)
     */
    record Options(Path cases, List<String> dirs, String url, String version, Path out, String section,
                   Path mismatches, Pattern files, Pattern skipContaining, int timeoutSeconds, boolean compareMeta) {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        List<FileResult> results = new ArrayList<>();
        Target target = o.url() != null ? Target.url(o.url()) : Target.emulator(o.version());
        int restarts = 0;
        try {
            for (String dir : o.dirs()) {
                for (Path file : transcripts(o.cases().resolve(dir), o.files())) {
                    String name = o.cases().relativize(file).toString();
                    if (o.skipContaining() != null && o.skipContaining().matcher(Files.readString(file)).find()) {
                        System.out.printf("%-70s skipped (--skip-files-with)%n", name);
                        continue;
                    }
                    Transcript t = TranscriptParser.parse(file);
                    if (!o.compareMeta()) {
                        t = withoutMeta(t);
                    }
                    long started = System.nanoTime();
                    FileResult r = new Replayer(target, o.timeoutSeconds() * 1000).replay(dir, name, t);
                    results.add(r);
                    System.out.printf("%-70s feature %s  all %s  (%d s)%n", name, Report.ratio(r.matched(true), r.count(true)),
                            Report.ratio(r.matched(false), r.count(false)), (System.nanoTime() - started) / 1_000_000_000L);
                    if (o.url() == null && !answers(target)) {
                        // the emulator's MariaDB died (it segfaults now and then): a fresh emulator for the next file
                        LOG.warn("the emulator stopped answering during {}; starting a new one", name);
                        target.close();
                        target = Target.emulator(o.version());
                        restarts++;
                    }
                }
            }
            List<String> context = new java.util.ArrayList<>(List.of("Server: " + target.description() + ".",
                    "Transcripts: `" + o.cases() + "`, directories " + String.join(", ", o.dirs()) + "."));
            if (o.files() != null) {
                context.add("Only files matching `" + o.files().pattern() + "`.");
            }
            if (o.skipContaining() != null) {
                context.add("Files containing `" + o.skipContaining().pattern() + "` not run.");
            }
            if (restarts > 0) {
                context.add("The emulator stopped answering " + restarts + " time(s) (its MariaDB crashed); the runner started a "
                        + "new one and went on with the next file.");
            }
            context.addAll(List.of(
                    "Column labels compared: " + (o.compareMeta() ? "yes" : "no (like MatrixOne's CI, `-n`)") + "."));
            String heading = o.url() != null ? "Real server" : "Emulator (MatrixOne " + o.version() + ")";
            Report report = new Report(o.section(), heading, context, results);
            report.writeInto(o.out());
            report.writeMismatches(o.mismatches());
            Report.Tally t = report.total();
            System.out.printf("%nMatrixOne-feature statements: %s; all statements: %s%nwritten to %s, mismatches in %s%n",
                    Report.ratio(t.featureMatched(), t.feature()), Report.ratio(t.allMatched(), t.all()), o.out(),
                    o.mismatches());
        } finally {
            target.close();
        }
    }

    /** Whether the server still takes a login and a query. */
    private static boolean answers(Target target) {
        try (BackendConnection c = BackendConnection.open(target.host(), target.port(), target.user(), target.password(), null,
                10_000)) {
            c.execute("select 1");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Transcript withoutMeta(Transcript t) {
        List<Step> steps = t.steps().stream().map(s -> new Step(s.sql(), s.line(), s.session(), s.user(), s.password(),
                s.skipped(), s.ignoredColumns(), s.sortKeys(), s.errorPattern(), s.regexes(), false, s.sleepSeconds())).toList();
        return new Transcript(t.file(), t.name(), steps, t.skipped());
    }

    /** The {@code .sql} and {@code .test} files directly in {@code dir} (or {@code dir} itself if it is a file), sorted. */
    static List<Path> transcripts(Path dir, Pattern filter) throws IOException {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            LOG.warn("no such case directory: {}", dir);
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".test"))
                    .filter(p -> filter == null || filter.matcher(p.getFileName().toString()).find())
                    .sorted().toList();
        }
    }

    static Options parse(String[] args) {
        Path cases = null;
        List<String> dirs = DEFAULT_DIRS;
        String url = System.getenv("MATRIXONE_URL");
        String version = "4.2.0";
        Path out = Paths.get("docs", "fidelity.md");
        String section = null;
        Path mismatches = null;
        Pattern files = null;
        Pattern skip = null;
        int timeout = 120;
        boolean meta = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--cases" -> cases = Paths.get(value(args, ++i, a));
                case "--dirs" -> dirs = List.of(value(args, ++i, a).split(","));
                case "--url" -> url = value(args, ++i, a);
                case "--emulator" -> url = null;
                case "--version" -> version = value(args, ++i, a);
                case "--out" -> out = Paths.get(value(args, ++i, a));
                case "--section" -> section = value(args, ++i, a);
                case "--mismatches" -> mismatches = Paths.get(value(args, ++i, a));
                case "--files" -> files = Pattern.compile(value(args, ++i, a));
                case "--skip-files-with" -> skip = Pattern.compile(value(args, ++i, a), Pattern.CASE_INSENSITIVE);
                case "--timeout" -> timeout = Integer.parseInt(value(args, ++i, a));
                case "--no-meta" -> meta = false;
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        if (cases == null) {
            throw new IllegalArgumentException("--cases <MatrixOne checkout>/test/distributed/cases is required");
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (section == null) {
            section = url == null ? "emulator" : "real-server";
        }
        if (mismatches == null) {
            mismatches = Paths.get("target", "fidelity", section + "-mismatches.txt");
        }
        return new Options(cases, dirs, url, version, out, section, mismatches, files, skip, timeout, meta);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: bin/fidelity --cases <matrixone>/test/distributed/cases [--dirs d1,d2] [--files regex]\n"
                + "       [--url matrixone://user:pw@host:port | --emulator] [--version 4.2.0] [--out docs/fidelity.md]\n"
                + "       [--section name] [--mismatches file] [--timeout seconds] [--no-meta] [--skip-files-with regex]\n"
                + "Without --url (or MATRIXONE_URL) the runner starts an emulator of --version itself.");
    }
}
