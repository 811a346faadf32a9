package io.matrixone.async;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static io.matrixone.core.event.StatementEvent.Scope.AFTER_COMMIT;
import static io.matrixone.core.event.StatementEvent.Scope.TRANSACTION;
import static org.assertj.core.api.Assertions.assertThat;

/** The same listener API as the sync client, called by the async client's statement runner. */
@ExtendWith(EmulatorExtension.class)
class StatementListenerIT {

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

        List<String> lines() {
            synchronized (events) {
                return events.stream().map(e -> e.phase() + " " + e.sql()).toList();
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A client whose server version is known, so no {@code SELECT version()} shows up later, and a fresh table. */
    private static String table(AsyncMatrixOneClient client, String prefix) {
        await(client.serverVersion());
        String t = unique(prefix);
        await(client.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100))"));
        return t;
    }

    @Test
    void aQueryIsReportedBeforeAndAfterWithItsRowsAndParameterCountButNotItsValues(Emulator mo) {
        Recorder recorder = new Recorder();
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.listener(recorder));
        try (var closing = Closing.of(client)) {
            await(client.serverVersion());
            recorder.events.clear();
            await(client.query("SELECT ? AS a UNION ALL SELECT 'two'", "one-secret-value"));

            assertThat(recorder.lines()).containsExactly("BEFORE SELECT ? AS a UNION ALL SELECT '***'",
                    "SUCCEEDED SELECT ? AS a UNION ALL SELECT '***'");
            StatementEvent after = recorder.events.get(1);
            assertThat(after.parameterCount()).isEqualTo(1);
            assertThat(after.rowCount()).isEqualTo(2);
            assertThat(after.duration()).isPositive();
            assertThat(after.client()).isEqualTo(StatementEvent.Client.ASYNC);
            assertThat(after.inTransaction()).isFalse();
            assertThat(recorder.events.toString()).doesNotContain("one-secret-value");
        }
    }

    @Test
    void aFailedStatementCarriesTheClassifiedExceptionTheCallerGets(Emulator mo) {
        Recorder recorder = new Recorder();
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.listener(recorder));
        try (var closing = Closing.of(client)) {
            await(client.serverVersion());
            recorder.events.clear();
            Throwable thrown = failure(client.query("SELECT * FROM no_such_table_for_listeners"));

            assertThat(thrown).isInstanceOf(UnknownTableException.class);
            assertThat(recorder.lines()).containsExactly("BEFORE SELECT * FROM no_such_table_for_listeners",
                    "FAILED SELECT * FROM no_such_table_for_listeners");
            assertThat(recorder.events.get(1).error()).isSameAs((MatrixOneException) thrown);
        }
    }

    @Test
    void aTransactionIsReportedFromBeginToCommitWithItsStepsAfterCommit(Emulator mo) {
        Recorder recorder = new Recorder();
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.listener(recorder));
        try (var closing = Closing.of(client)) {
            String t = table(client, "alisten_tx");
            String snapshot = unique("alisten_snap");
            recorder.events.clear();
            await(client.inTransaction(tx -> tx.execute("INSERT INTO " + t + " (name) VALUES (?)", "ann")
                    .thenCompose(r -> {
                        tx.afterCommit("CREATE SNAPSHOT " + snapshot + " FOR TABLE " + mo.database() + " " + t);
                        return tx.query("SELECT COUNT(*) FROM " + t);
                    })));
            try {
                assertThat(recorder.lines()).containsExactly(
                        "BEFORE BEGIN", "SUCCEEDED BEGIN",
                        "BEFORE INSERT INTO " + t + " (name) VALUES (?)", "SUCCEEDED INSERT INTO " + t + " (name) VALUES (?)",
                        "BEFORE SELECT COUNT(*) FROM " + t, "SUCCEEDED SELECT COUNT(*) FROM " + t,
                        "BEFORE COMMIT", "SUCCEEDED COMMIT",
                        "BEFORE CREATE SNAPSHOT " + snapshot + " FOR TABLE " + mo.database() + " " + t,
                        "SUCCEEDED CREATE SNAPSHOT " + snapshot + " FOR TABLE " + mo.database() + " " + t);
                assertThat(recorder.events.stream().map(StatementEvent::scope)).containsExactly(
                        TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION, TRANSACTION,
                        TRANSACTION, AFTER_COMMIT, AFTER_COMMIT);
                assertThat(recorder.events.get(3).rowCount()).isEqualTo(1);
            } finally {
                await(client.snapshots().dropIfExists(snapshot));
            }
        }
    }

    @Test
    void aPasswordLiteralNeverAppearsInAnyEvent(Emulator mo) {
        String secret = "Async-listener-s3cret";
        Recorder recorder = new Recorder();
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.listener(recorder));
        try (var closing = Closing.of(client)) {
            String user = unique("alisten_user");
            await(client.accounts().createUser(UserSpec.of(user, secret)));
            await(client.accounts().dropUser(user));
            AtomicReference<CompletionStage<Void>> step = new AtomicReference<>();
            await(client.inTransaction(tx -> {
                step.set(tx.accounts().createUser(UserSpec.of(user, secret))); // runs after COMMIT
                return CompletableFuture.completedFuture(null);
            }));
            await(step.get());
            await(client.accounts().dropUser(user));

            assertThat(recorder.lines()).anyMatch(l -> l.startsWith("SUCCEEDED CREATE USER") && l.contains("'***'"));
            synchronized (recorder.events) {
                for (StatementEvent e : recorder.events) {
                    assertThat(e.toString()).doesNotContain(secret);
                }
            }
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
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.listener(broken).listener(recorder));
        try (var closing = Closing.of(client)) {
            String t = table(client, "alisten_broken");
            recorder.events.clear();
            await(client.execute("INSERT INTO " + t + " (name) VALUES (?)", "a"));
            long n = await(client.transaction(tx -> tx.query("SELECT COUNT(*) FROM " + t)
                    .thenApply(r -> r.scalarLong())));
            assertThat(failure(client.query("SELECT * FROM no_such_table_for_listeners")))
                    .isInstanceOf(UnknownTableException.class);

            assertThat(n).isEqualTo(1);
            assertThat(recorder.events).filteredOn(e -> e.phase() == Phase.BEFORE).hasSize(5);
            assertThat(recorder.events).filteredOn(e -> e.phase() != Phase.BEFORE).hasSize(5);
            synchronized (appender.list) {
                assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                        .satisfies(e -> assertThat(e.getFormattedMessage()).contains(broken.getClass().getName()));
            }
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }
}
