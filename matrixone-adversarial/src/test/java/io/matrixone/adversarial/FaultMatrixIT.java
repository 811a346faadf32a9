package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.adversarial.Stacks.Kind;
import io.matrixone.adversarial.Stacks.Scenario;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: the connection of a unified transaction dropped before and after each kind of statement it sends
 * (BEGIN, the raw INSERT, the ORM's flush, COMMIT, the snapshot and the clone queued after COMMIT), the session
 * killed from another session, and the server restarted mid-transaction, on the sync client, the async client,
 * Hibernate and Hibernate Reactive. Each case asserts the outcome contract:
 * <ul>
 *   <li>the exception's type: {@link ConnectionLostException} before COMMIT, {@link CommitStatusUnknownException}
 *       for COMMIT itself, {@link AfterCommitStepException} (naming the failed step) after it;</li>
 *   <li>what the server holds: the rows committed or not, each after-commit step's effect, and that what the
 *       exception says was undone (or not) is what the server shows;</li>
 *   <li>no leak: the client's pool back to zero, no transaction left open on the server;</li>
 *   <li>recovery: the same transaction then commits on the same client.</li>
 * </ul>
 * The emulator here is the suite's own, on the shared MariaDB, so that it can be restarted on the same port.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixIT {

    /** Where the connection breaks. */
    enum Fault {
        BEGIN_DROPPED_BEFORE("^BEGIN", true), BEGIN_DROPPED_AFTER("^BEGIN", false),
        DML_DROPPED_BEFORE("INSERT INTO raw_rows", true), DML_DROPPED_AFTER("INSERT INTO raw_rows", false),
        ORM_FLUSH_DROPPED_BEFORE("insert into orm_rows", true), ORM_FLUSH_DROPPED_AFTER("insert into orm_rows", false),
        COMMIT_DROPPED_BEFORE("^COMMIT", true), COMMIT_DROPPED_AFTER("^COMMIT", false),
        SNAPSHOT_STEP_DROPPED_BEFORE("^CREATE SNAPSHOT", true), SNAPSHOT_STEP_DROPPED_AFTER("^CREATE SNAPSHOT", false),
        CLONE_STEP_DROPPED_BEFORE("^CREATE DATABASE .* CLONE", true),
        CLONE_STEP_DROPPED_AFTER("^CREATE DATABASE .* CLONE", false),
        KILLED_FROM_ANOTHER_SESSION(null, false), SERVER_RESTARTED(null, false);

        final String regex;
        final boolean before;

        Fault(String regex, boolean before) {
            this.regex = regex;
            this.before = before;
        }

        boolean ormOnly() {
            return name().startsWith("ORM");
        }
    }

    /** The outcome the contract promises. {@code snapshot} null: it must agree with what the exception says. */
    private record Expected(Class<? extends Throwable> type, boolean committed, Boolean snapshot, boolean cloned,
                            int failedStep) {
    }

    private static Expected expected(Fault f) {
        return switch (f) {
            case BEGIN_DROPPED_BEFORE, BEGIN_DROPPED_AFTER, DML_DROPPED_BEFORE, DML_DROPPED_AFTER,
                 ORM_FLUSH_DROPPED_BEFORE, ORM_FLUSH_DROPPED_AFTER, KILLED_FROM_ANOTHER_SESSION, SERVER_RESTARTED ->
                    new Expected(ConnectionLostException.class, false, false, false, 0);
            // the COMMIT never ran, but the client cannot know: unknown, never retried, no step run
            case COMMIT_DROPPED_BEFORE -> new Expected(CommitStatusUnknownException.class, false, false, false, 0);
            case COMMIT_DROPPED_AFTER -> new Expected(CommitStatusUnknownException.class, true, false, false, 0);
            case SNAPSHOT_STEP_DROPPED_BEFORE -> new Expected(AfterCommitStepException.class, true, false, false, 1);
            // the snapshot was taken but its answer lost: the step is reported failed with a lost connection (unknown)
            case SNAPSHOT_STEP_DROPPED_AFTER -> new Expected(AfterCommitStepException.class, true, true, false, 1);
            case CLONE_STEP_DROPPED_BEFORE -> new Expected(AfterCommitStepException.class, true, null, false, 2);
            case CLONE_STEP_DROPPED_AFTER -> new Expected(AfterCommitStepException.class, true, null, true, 2);
        };
    }

    private MariaDbServer backend;
    private Emulator mo;
    private int port;
    private Stacks stacks;
    private final Figures figures = new Figures("fault-matrix");
    private final Map<Kind, Integer> cases = new EnumMap<>(Kind.class);

    @BeforeAll
    void start(MariaDbServer shared) {
        backend = shared;
        mo = Emulator.builder().backend(backend).build().start();
        port = mo.port();
        try (MatrixOneClient admin = MatrixOneClient.create(Servers.options(mo).maxPoolSize(1).build())) {
            Stacks.createSchema(admin);
        }
        stacks = new Stacks(Servers.options(mo).database(Stacks.DATABASE).maxPoolSize(4).build());
    }

    @AfterAll
    void stop() {
        figures.write();
        try {
            stacks.close();
        } finally {
            mo.close();
        }
    }

    @AfterEach
    void clearFaults() {
        mo.faults().clear();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (Fault f : Fault.values()) {
                if (!f.ormOnly() || k.orm) {
                    out.add(Arguments.of(k, f));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void aFaultEndsTheTransactionAsTheContractSays(Kind kind, Fault fault) throws Exception {
        figures.add("cases");
        cases.merge(kind, 1, Integer::sum);
        Scenario s = Scenario.of(Servers.unique("f"), Stacks.nextId(), fault.regex == null);
        if (fault.regex != null) {
            if (fault.before) {
                mo.faults().dropBefore(fault.regex);
            } else {
                mo.faults().dropAfter(fault.regex);
            }
        }
        CompletableFuture<Void> run = stacks.run(kind, s);
        if (fault == Fault.KILLED_FROM_ANOTHER_SESSION) {
            long session = s.atPause().get(Waits.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            kill(session);
            s.resume().complete(null);
        } else if (fault == Fault.SERVER_RESTARTED) {
            s.atPause().get(Waits.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            restart();
            s.resume().complete(null);
        }
        Throwable failure;
        try {
            Waits.await(run);
            failure = null;
        } catch (Waits.Hang hang) {
            figures.add("hangs");
            throw new AssertionError(kind + " " + fault + ": the transaction never completed", hang);
        } catch (RuntimeException e) {
            failure = Waits.unwrap(e);
        }
        mo.faults().clear();
        Expected want = expected(fault);
        assertThat(failure).as("the failure").isInstanceOf(want.type());
        figures.add("failures of the expected type");
        assertThat(count("raw_rows", s.tag())).as("raw row committed").isEqualTo(want.committed() ? 1 : 0);
        if (kind.orm) {
            assertThat(count("orm_rows", s.tag())).as("ORM row committed").isEqualTo(want.committed() ? 1 : 0);
        }
        boolean snapshot = snapshotExists(s.snapshot());
        boolean clone = databaseExists(s.cloneDatabase());
        assertThat(clone).as("the clone step's database").isEqualTo(want.cloned());
        if (failure instanceof AfterCommitStepException step) {
            assertThat(step.failedStep()).as("the failed step").isEqualTo(want.failedStep());
            assertThat(step.stepCount()).isEqualTo(2);
            assertThat(step.getCause()).as("the step's own failure").isInstanceOf(ConnectionLostException.class);
            assertThat(step.getMessage()).contains("the transaction was committed");
            if (want.snapshot() == null) { // the clone failed: the snapshot was undone, or the exception says it was not
                assertThat(snapshot ? step.notUndone() : step.undone()).as("what the exception says of step 1, with "
                        + "the snapshot " + (snapshot ? "still there" : "gone")).hasSize(1);
            }
        }
        if (want.snapshot() != null) {
            assertThat(snapshot).as("the snapshot step's snapshot").isEqualTo(want.snapshot());
        }
        assertThat(Stacks.eventually(() -> stacks.idle(kind), Duration.ofSeconds(10)))
                .as("the pool is back to zero: " + stacks.poolStats(kind)).isTrue();
        assertThat(Stacks.eventually(() -> Servers.openTransactions(mo) == 0, Duration.ofSeconds(10)))
                .as("no transaction left open on the server").isTrue();
        figures.add("cases with no leak");
        // the same client commits the same transaction now
        Scenario again = Scenario.of(Servers.unique("r"), Stacks.nextId(), false);
        Waits.await(stacks.run(kind, again));
        assertThat(count("raw_rows", again.tag())).as("a transaction after the fault commits").isEqualTo(1);
        assertThat(snapshotExists(again.snapshot()) && databaseExists(again.cloneDatabase())).isTrue();
        figures.add("recoveries");
        cleanUp(s);
        cleanUp(again);
    }

    /** KILL of the transaction's session, from another session of the same server (an operator's mysql client). */
    private void kill(long session) throws Exception {
        try (Connection c = DriverManager.getConnection(mo.jdbcUrl(), mo.user(), mo.password());
             Statement st = c.createStatement()) {
            st.execute("KILL " + session);
        }
    }

    /** Stops the emulator (every session closed) and starts it again on the same port and the same MariaDB. */
    private void restart() {
        mo.close();
        mo = Emulator.builder().port(port).backend(backend).build().start();
    }

    private long count(String table, String tag) {
        return Servers.backendLong(mo, "SELECT COUNT(*) FROM " + Stacks.DATABASE + "." + table + " WHERE tag = '" + tag
                + "'");
    }

    private boolean snapshotExists(String name) {
        return Servers.backendLong(mo, "SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = '" + name + "'") > 0;
    }

    private boolean databaseExists(String name) {
        return Servers.backendLong(mo, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name
                + "'") > 0;
    }

    /**
     * Drops what a scenario left. After a restart a sync connection used in the last half second is handed out
     * without a liveness check (HikariCP's bypass window) and fails once with ConnectionLostException; the pool then
     * discards it. That is the documented outcome of a lost connection, so the clean-up tries once more.
     */
    private void cleanUp(Scenario s) {
        for (int attempt = 1; ; attempt++) {
            try {
                stacks.sync.snapshots().dropIfExists(s.snapshot());
                stacks.sync.execute("DROP DATABASE IF EXISTS " + s.cloneDatabase());
                return;
            } catch (ConnectionLostException e) {
                if (attempt == 3) {
                    throw e;
                }
                figures.add("stale pooled connections after a restart");
            }
        }
    }
}
