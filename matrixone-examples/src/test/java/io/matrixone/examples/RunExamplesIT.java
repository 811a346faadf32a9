package io.matrixone.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runner end to end, and how it reports failing and untidy examples. */
@ExtendWith(EmulatorExtension.class)
class RunExamplesIT {

    private static String[] lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toArray(String[]::new);
    }

    @Test
    void runsEveryExampleOnItsOwnEmulatorAndEndsWithTheSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int failed = RunExamples.run(Examples.all(), Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = lines(bytes);
        assertThat(failed).as(String.join("\n", lines)).isZero();
        assertThat(lines[0]).startsWith("Running " + Examples.all().size() + " examples on embedded MatrixOne emulator");
        assertThat(lines[lines.length - 1]).isEqualTo(Examples.all().size() + " passed, 0 failed");
        assertThat(Arrays.stream(lines).filter(l -> l.endsWith("\u2714"))).hasSizeGreaterThan(40);
    }

    @Test
    void aFailingExampleIsReportedAndWhatItCreatedIsRemoved(Emulator emulator) {
        Example failing = new Example() {
            public String name() {
                return "failing";
            }

            public String description() {
                return "creates a snapshot and a database, registers their removal, then fails a check";
            }

            public void run(ExampleContext ctx) {
                var client = ctx.client();
                String snapshot = ctx.snapshotName("s");
                String other = ctx.databaseName("other");
                ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
                ctx.onCleanup(() -> client.execute("DROP DATABASE IF EXISTS " + other));
                client.execute("CREATE DATABASE " + other);
                client.snapshots().create(SnapshotSpec.database(snapshot, ctx.database()));
                ctx.check(false, "this check does not hold");
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExampleServer server = ExampleServer.on(emulator)) {
            int failed = RunExamples.run(List.of(failing), server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String[] lines = lines(bytes);
            assertThat(failed).isEqualTo(1);
            assertThat(lines).contains("[failing] FAILED \u2718 this check does not hold");
            assertThat(lines[lines.length - 1]).isEqualTo("0 passed, 1 failed");
            assertThat(server.admin().snapshots().list()).noneMatch(s -> s.name().startsWith("ex_")
                    && s.name().contains("_failing_"));
            assertThat(server.admin().query("SHOW DATABASES").stream().map(r -> r.getString(0)))
                    .noneMatch(n -> n.startsWith("ex_") && n.contains("_failing"));
        }
    }

    @Test
    void anExampleThatLeavesASnapshotOrAConnectionBehindFails(Emulator emulator) {
        Example untidy = new Example() {
            public String name() {
                return "untidy";
            }

            public String description() {
                return "forgets its snapshot and keeps a transaction open";
            }

            public void run(ExampleContext ctx) {
                var client = ctx.client();
                client.snapshots().create(SnapshotSpec.database(ctx.snapshotName("forgotten"), ctx.database()));
                client.begin(); // never closed
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExampleServer server = ExampleServer.on(emulator)) {
            int failed = RunExamples.run(List.of(untidy), server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(failed).isEqualTo(1);
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("1 connection(s) still borrowed", "snapshot ex_", "_untidy_forgotten left behind");
            assertThat(server.admin().snapshots().list()).noneMatch(s -> s.name().contains("_untidy_"));
            assertThat(server.admin().query("SHOW DATABASES").stream().map(r -> r.getString(0)))
                    .noneMatch(n -> n.contains("_untidy") && n.startsWith("ex_"));
        }
    }
}
