package io.matrixone.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs every example, in order, and prints what each did and verified, then {@code N passed, M failed} on a
 * line of its own. Exits with status 1 if any example failed.
 *
 * <p>With {@code MATRIXONE_URL} or {@code MATRIXONE_HOST} set (plus {@code MATRIXONE_PORT},
 * {@code MATRIXONE_USER}, {@code MATRIXONE_PASSWORD} ...) it runs against that MatrixOne; otherwise it starts the
 * embedded emulator on a free port and always stops it at the end. Every example works in databases and
 * snapshots of its own, named {@code ex_<run id>_...}, and removes them, so it can run against a shared server
 * and run again.
 */
public final class RunExamples {
    private RunExamples() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int failed = run(Examples.all(), System.getenv(), out);
        out.flush();
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * Runs {@code examples} against the server the environment names (or the emulator) and prints the report.
     *
     * @return how many failed (a server that cannot be reached counts as all of them)
     */
    public static int run(List<Example> examples, Map<String, String> env, PrintStream out) {
        ExampleServer server;
        try {
            server = ExampleServer.start(env);
        } catch (RuntimeException e) {
            out.println("Could not reach a server: " + e.getMessage());
            out.println("0 passed, " + examples.size() + " failed");
            return examples.size();
        }
        try (server) {
            out.println("Running " + examples.size() + " examples on " + server.describe());
            return run(examples, server, out);
        }
    }

    /** Runs {@code examples} on {@code server}, printing each one's lines and the summary. */
    public static int run(List<Example> examples, ExampleServer server, PrintStream out) {
        int passed = 0;
        int failed = 0;
        for (Example example : examples) {
            out.println();
            out.println("[" + example.name() + "] " + example.description());
            long start = System.nanoTime();
            Throwable failure = runOne(example, server, out);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (failure == null) {
                passed++;
                out.println("[" + example.name() + "] passed in " + millis + " ms");
            } else {
                failed++;
                out.println("[" + example.name() + "] FAILED \u2718 " + describe(failure));
                if (!(failure instanceof ExampleFailure)) {
                    failure.printStackTrace(out); // not a failed check: a bug, show where
                }
            }
        }
        out.println();
        out.println(passed + " passed, " + failed + " failed");
        return failed;
    }

    /** Runs one example and closes its context; the failure, or null. */
    static Throwable runOne(Example example, ExampleServer server, PrintStream out) {
        Throwable failure = null;
        ExampleContext ctx;
        try {
            ctx = server.context(example, out);
        } catch (RuntimeException e) {
            return e;
        }
        try {
            example.run(ctx);
        } catch (Throwable t) {
            failure = t;
        }
        try {
            ctx.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    private static String describe(Throwable failure) {
        String text = failure instanceof ExampleFailure ? failure.getMessage() : failure.toString();
        for (Throwable s : failure.getSuppressed()) {
            text += " (and: " + s.getMessage() + ")";
        }
        return text;
    }
}
