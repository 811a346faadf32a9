package io.matrixone.client;

import io.matrixone.core.bulk.BulkMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static io.matrixone.core.event.StatementEvent.Scope.AFTER_COMMIT;
import static io.matrixone.core.event.StatementEvent.Scope.TRANSACTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.UnknownTableException;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementEvent.Phase;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.internal.event.StatementListeners;
import io.matrixone.core.model.UserSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(EmulatorExtension.class)
class StatementListenerIT {

    /** Records every event; {@link #clear()} forgets the ones of client creation ({@code SELECT version()}). */
    static final class Recorder implements StatementListener {
        final List<StatementEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void beforeStatement(StatementEvent event) {
            events.add(event);
        }

        @Override
        public void afterStatement(StatementEvent event) {
            events.add(event);
        }

        void clear() {
            events.clear();
        }

        List<String> lines() {
            return events.stream().map(e -> e.phase() + " " + e.sql()).toList();
        }
    }

    @Test
    void aQueryIsReportedBeforeAndAfterWithItsRowsAndParameterCountButNotItsValues(Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            recorder.clear();
            client.query("SELECT ? AS a UNION ALL SELECT 'two'", "one-secret-value");

            assertThat(recorder.lines()).containsExactly("BEFORE SELECT ? AS a UNION ALL SELECT '***'",
                    "SUCCEEDED SELECT ? AS a UNION ALL SELECT '***'");
            StatementEvent before = recorder.events.get(0);
            StatementEvent after = recorder.events.get(1);
            assertThat(before.parameterCount()).isEqualTo(1);
            assertThat(before.duration()).isNull();
            assertThat(after.parameterCount()).isEqualTo(1);
            assertThat(after.rowCount()).isEqualTo(2);
            assertThat(after.duration()).isPositive();
            assertThat(after.client()).isEqualTo(StatementEvent.Client.SYNC);
            assertThat(after.inTransaction()).isFalse();
            assertThat(recorder.events.toString()).doesNotContain("one-secret-value");
        }
    }

    @ParameterizedTest
    @EnumSource(value = BulkMethod.class, names = {"LOAD_DATA", "INSERT"})
    void aBulkInsertIsReportedInsideItsTransactionWithTheRowsItLoadedButNotTheirValues(BulkMethod method, Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            String t = Clients.table(client, "listen_bulk");
            recorder.clear();
            client.bulkInsert(io.matrixone.core.bulk.BulkInsert.into(t).columns("id", "name").method(method)
                    .rows(List.of(List.of(1, "bulk-secret-a"), List.of(2, "bulk-secret-b"))));

            String verb = method == BulkMethod.LOAD_DATA ? "LOAD DATA LOCAL INFILE" : "INSERT INTO";
            List<String> lines = recorder.lines();
            assertThat(lines.get(0)).isEqualTo("BEFORE BEGIN");
            assertThat(lines).anyMatch(l -> l.startsWith("BEFORE " + verb))
                    .anyMatch(l -> l.startsWith("SUCCEEDED " + verb))
                    .endsWith("SUCCEEDED COMMIT");
            StatementEvent load = recorder.events.stream()
                    .filter(e -> e.phase() == StatementEvent.Phase.SUCCEEDED && e.sql().startsWith(verb))
                    .findFirst().orElseThrow();
            assertThat(load.inTransaction()).isTrue();
            assertThat(load.rowCount()).isEqualTo(2);
            assertThat(load.parameterCount()).isEqualTo(2);
            assertThat(recorder.events.toString()).doesNotContain("bulk-secret");
        }
    }

    @Test
    void anUpdateReportsItsAffectedRows(Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            String t = Clients.table(client, "listen_upd");
            client.execute("INSERT INTO " + t + " (name) VALUES (?), (?), (?)", "a", "b", "c");
            recorder.clear();
            client.execute("UPDATE " + t + " SET name = ? WHERE name <> ?", "z", "a");
            assertThat(recorder.events.get(1).rowCount()).isEqualTo(2);
            assertThat(recorder.events.get(1).parameterCount()).isEqualTo(2);
        }
    }

    @Test
    void aFailedStatementCarriesTheClassifiedExceptionTheCallerGets(Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            recorder.clear();
            MatrixOneException thrown = (MatrixOneException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> client.query("SELECT * FROM no_such_table_for_listeners"));

            assertThat(thrown).isInstanceOf(UnknownTableException.class);
            assertThat(recorder.lines()).containsExactly("BEFORE SELECT * FROM no_such_table_for_listeners",
                    "FAILED SELECT * FROM no_such_table_for_listeners");
            StatementEvent after = recorder.events.get(1);
            assertThat(after.error()).isSameAs(thrown);
            assertThat(after.rowCount()).isEqualTo(-1);
            assertThat(after.duration()).isNotNull();
        }
    }

    @Test
    void aTransactionIsReportedFromBeginToCommitWithItsStepsAfterCommit(Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            String t = Clients.table(client, "listen_tx");
            String snapshot = Clients.unique("listen_snap");
            recorder.clear();
            client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES (?)", "ann");
                tx.afterCommit("CREATE SNAPSHOT " + snapshot + " FOR TABLE " + mo.database() + " " + t);
                tx.query("SELECT COUNT(*) FROM " + t);
            });
            try {
                assertThat(recorder.lines()).containsExactly(
                        "BEFORE BEGIN", "SUCCEEDED BEGIN",
                        "BEFORE INSERT INTO " + t + " (name) VALUES (?)", "SUCCEEDED INSERT INTO " + t + " (name) VALUES (?)",
                        "BEFORE SELECT COUNT(*) FROM " + t, "SUCCEEDED SELECT COUNT(*) FROM " + t,
                        "BEFORE COMMIT", "SUCCEEDED COMMIT",
                        "BEFORE CREATE SNAPSHOT " + snapshot + " FOR TABLE " + mo.database() + " " + t,
                        "SUCCEEDED CREATE SNAPSHOT " + snapshot + " FOR TABLE " + mo.database() + " " + t);
                // BEGIN .. COMMIT inside the transaction; the step runs after it, in autocommit mode, and says so
                assertThat(recorder.events.stream().map(StatementEvent::scope)).containsExactly(
                        TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION,
                        TRANSACTION, AFTER_COMMIT, AFTER_COMMIT);
                assertThat(recorder.events.get(3).rowCount()).isEqualTo(1);
            } finally {
                client.snapshots().dropIfExists(snapshot);
            }
        }
    }

    @Test
    void aRolledBackTransactionEndsWithRollbackAndRunsNoStep(Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            String t = Clients.table(client, "listen_rb");
            recorder.clear();
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
                tx.afterCommit("CREATE SNAPSHOT never_taken_by_listener_it FOR TABLE " + mo.database() + " " + t);
                throw new IllegalStateException("body fails");
            })).hasMessageContaining("body fails");
            assertThat(recorder.lines()).containsExactly("BEFORE BEGIN", "SUCCEEDED BEGIN",
                    "BEFORE INSERT INTO " + t + " (name) VALUES ('***')", "SUCCEEDED INSERT INTO " + t + " (name) VALUES ('***')",
                    "BEFORE ROLLBACK", "SUCCEEDED ROLLBACK");
            assertThat(recorder.events).allMatch(StatementEvent::inTransaction);
        }
    }

    @Test
    void aPasswordLiteralNeverAppearsInAnyEvent(Emulator mo) {
        String secret = "Listener-s3cret-pw";
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            String user = Clients.unique("listen_user");
            client.accounts().createUser(UserSpec.of(user, secret));
            client.accounts().dropUser(user);
            client.transaction(tx -> {
                tx.accounts().createUser(UserSpec.of(user, secret));
                return null;
            });
            client.accounts().dropUser(user);

            assertThat(recorder.lines()).anyMatch(l -> l.startsWith("SUCCEEDED CREATE USER") && l.contains("'***'"));
            for (StatementEvent e : recorder.events) {
                assertThat(e.toString()).doesNotContain(secret);
                assertThat(e.sql()).doesNotContain(secret);
            }
        }
    }

    @Test
    void aStreamIsReportedOnceWhenItsLastRowWasRead(Emulator mo) {
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(recorder))) {
            String t = Clients.table(client, "listen_stream");
            client.execute("INSERT INTO " + t + " (name) VALUES ('a'), ('b'), ('c')");
            recorder.clear();
            long n = client.stream("SELECT name FROM " + t, List.of(), row -> { });
            assertThat(n).isEqualTo(3);
            assertThat(recorder.lines()).containsExactly("BEFORE SELECT name FROM " + t, "SUCCEEDED SELECT name FROM " + t);
            assertThat(recorder.events.get(1).rowCount()).isEqualTo(3);

            recorder.clear();
            try (var rows = client.streamRows("SELECT name FROM " + t)) {
                assertThat(rows.limit(1).count()).isEqualTo(1);
            }
            assertThat(recorder.lines()).containsExactly("BEFORE SELECT name FROM " + t, "SUCCEEDED SELECT name FROM " + t);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void aThrowingListenerBreaksNothingAndIsWarnedAboutOnce(Emulator mo) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(StatementListeners.class);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
        StatementListener broken = new StatementListener() {
            @Override
            public void beforeStatement(StatementEvent event) {
                throw new IllegalStateException("listener bug before");
            }

            @Override
            public void afterStatement(StatementEvent event) {
                throw new IllegalStateException("listener bug after");
            }
        };
        Recorder recorder = new Recorder();
        try (MatrixOneClient client = Clients.client(mo, o -> o.listener(broken).listener(recorder))) {
            recorder.clear();
            String t = Clients.table(client, "listen_broken");
            client.execute("INSERT INTO " + t + " (name) VALUES (?)", "a");
            long n = client.transaction(tx -> tx.query("SELECT COUNT(*) FROM " + t).scalarLong());
            assertThatThrownBy(() -> client.query("SELECT * FROM no_such_table_for_listeners"))
                    .isInstanceOf(UnknownTableException.class);

            assertThat(n).isEqualTo(1);
            assertThat(recorder.events).filteredOn(e -> e.phase() == Phase.BEFORE).hasSize(6);
            assertThat(recorder.events).filteredOn(e -> e.phase() != Phase.BEFORE).hasSize(6);
            assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains(broken.getClass().getName()));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }
}
