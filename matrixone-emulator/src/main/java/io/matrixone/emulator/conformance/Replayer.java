package io.matrixone.emulator.conformance;

import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.engine.BackendException;
import io.matrixone.emulator.engine.BackendResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one transcript against a {@link Target} the way mo-tester does: the default connection (id 0) logs in
 * with the target's login, creates a database named after the file and uses it, and drops it at the end;
 * {@code @session} blocks get their own connections with their own logins, kept until the end of the file.
 * Statements in {@code @bvt:issue} blocks are not run (MatrixOne's CI runs with {@code -g}).
 */
public final class Replayer {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final int MAX_SLEEP_SECONDS = 5;

    private final Target target;
    private final int timeoutMillis;

    public Replayer(Target target, int timeoutMillis) {
        this.target = target;
        this.timeoutMillis = timeoutMillis;
    }

    public FileResult replay(String group, String name, Transcript transcript) throws IOException {
        if (transcript.skipped()) {
            return new FileResult(group, name, List.of(), "skipped by -- @skip:issue");
        }
        if (!Files.exists(transcript.resultFile())) {
            return new FileResult(group, name, List.of(), "no .result file");
        }
        List<String> expected = ResultFile.expectations(Files.readString(transcript.resultFile(), StandardCharsets.UTF_8),
                transcript.steps());
        List<FileResult.StatementResult> out = new ArrayList<>();
        String note = "";
        try (Sessions sessions = new Sessions(transcript.name())) {
            for (int k = 0; k < transcript.steps().size(); k++) {
                Step step = transcript.steps().get(k);
                Optional<String> feature = FeatureClassifier.feature(step.sql());
                if (step.skipped()) {
                    out.add(new FileResult.StatementResult(step.line(), step.sql(), feature, false, null));
                    continue;
                }
                if (expected.get(k) == null && note.isEmpty()) {
                    note = "result file out of step from line " + step.line();
                }
                sleep(step.sleepSeconds());
                Outcome outcome = sessions.run(step);
                Comparison.Verdict verdict = Comparison.compare(step, expected.get(k), outcome);
                out.add(new FileResult.StatementResult(step.line(), step.sql(), feature, true, verdict));
            }
        }
        return new FileResult(group, name, out, note);
    }

    private static void sleep(int seconds) {
        if (seconds <= 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(seconds, MAX_SLEEP_SECONDS) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connections of one file, by mo-tester connection id. */
    private final class Sessions implements AutoCloseable {
        private final String database;
        private final Map<Integer, BackendConnection> open = new HashMap<>();

        Sessions(String database) {
            this.database = database;
            // mo-tester sets up the default connection and the file's database before the first statement
            run(new Step("select 1", 0, 0, null, null, false, List.of(), List.of(), false, List.of(), true, 0));
        }

        Outcome run(Step step) {
            BackendConnection c = open.get(step.session());
            if (c == null) {
                try {
                    c = connect(step);
                } catch (BackendException e) {
                    return new Outcome.Failure(e.errorCode(), e.getMessage());
                } catch (IOException | UncheckedIOException e) {
                    return new Outcome.Lost("cannot connect: " + e.getMessage());
                }
                open.put(step.session(), c);
            }
            try {
                BackendResult r = c.execute(step.sql());
                return r.isResultSet() ? new Outcome.Rows(r.columns(), r.rows()) : new Outcome.Ok();
            } catch (BackendException e) {
                return new Outcome.Failure(e.errorCode(), e.getMessage());
            } catch (UncheckedIOException e) {
                LOG.warn("{}: no answer to the statement at line {} ({}); reconnecting", database, step.line(),
                        e.getCause().toString());
                c.abort();
                open.remove(step.session());
                return new Outcome.Lost(e.getCause().toString());
            }
        }

        private BackendConnection connect(Step step) throws IOException {
            String user = step.user() != null ? step.user() : target.user();
            String password = step.password() != null ? step.password() : target.password();
            BackendConnection c = BackendConnection.open(target.host(), target.port(), user, password, null, timeoutMillis);
            if (step.session() == 0) {
                // mo-tester: "create database if not exists <file name>" on the default connection, then use it
                c.execute("create database if not exists `" + database + "`");
                c.execute("use `" + database + "`");
            }
            return c;
        }

        @Override
        public void close() {
            BackendConnection main = open.remove(0);
            for (BackendConnection c : open.values()) {
                c.close();
            }
            try {
                if (main == null) {
                    main = BackendConnection.open(target.host(), target.port(), target.user(), target.password(), null,
                            timeoutMillis);
                }
                main.execute("drop database if exists `" + database + "`");
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: could not drop the file's database: {}", database, e.toString());
            } finally {
                if (main != null) {
                    main.close();
                }
            }
        }
    }
}
