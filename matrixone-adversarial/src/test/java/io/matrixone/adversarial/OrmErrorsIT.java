package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors raised through an ORM session are the SDK's: a duplicate key through Hibernate or Hibernate Reactive is a
 * {@link DuplicateKeyException} (with the ORM's exception as its cause), whether the session flushed on request, before
 * a raw statement or at COMMIT; and a raw statement issued while a Hibernate Reactive call of the same transaction is
 * still running fails with the SDK's {@link IllegalStateException} saying what to do, not Hibernate's
 * {@code AssertionFailure}, without being sent. Nothing is committed and no connection is left behind.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrmErrorsIT {
    private Emulator mo;
    private Stacks stacks;

    @BeforeAll
    void start(Emulator emulator) {
        mo = emulator;
        try (var admin = io.matrixone.client.MatrixOneClient.create(Servers.options(mo).maxPoolSize(1).build())) {
            Stacks.createSchema(admin);
        }
        stacks = new Stacks(Servers.options(mo).database(Stacks.DATABASE).maxPoolSize(4).build());
    }

    @AfterAll
    void stop() {
        stacks.close();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(Stacks.eventually(() -> stacks.idle(Stacks.Kind.SYNC) && stacks.idle(Stacks.Kind.ASYNC),
                Duration.ofSeconds(10))).as("pools back to zero").isTrue();
        assertThat(Stacks.eventually(() -> Servers.openTransactions(mo) == 0, Duration.ofSeconds(10)))
                .as("no transaction left open").isTrue();
    }

    private long rows(String tag) {
        return Servers.backendLong(mo, "SELECT COUNT(*) FROM " + Stacks.DATABASE + ".orm_rows WHERE tag = '" + tag + "'")
                + Servers.backendLong(mo, "SELECT COUNT(*) FROM " + Stacks.DATABASE + ".raw_rows WHERE tag = '" + tag
                + "'");
    }

    // ------------------------------------------------------------------ Hibernate

    @Test
    void aDuplicateKeyFlushedByHibernateIsADuplicateKeyException() {
        String tag = Servers.unique("dup");
        assertThatThrownBy(() -> stacks.sync.transaction(tx -> {
            Session session = tx.orm(stacks.hibernate());
            session.persist(new FaultRow(Stacks.nextId(), tag));
            session.persist(new FaultRow(Stacks.nextId(), tag));
            session.flush();
            return null;
        })).isInstanceOf(DuplicateKeyException.class).hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(rows(tag)).isZero();
    }

    @Test
    void aDuplicateKeyHibernateFlushesBeforeARawStatementOrAtCommitIsADuplicateKeyException() {
        String tag = Servers.unique("dup");
        assertThatThrownBy(() -> stacks.sync.transaction(tx -> {
            Session session = tx.orm(stacks.hibernate());
            session.persist(new FaultRow(Stacks.nextId(), tag));
            session.persist(new FaultRow(Stacks.nextId(), tag));
            return tx.execute("INSERT INTO raw_rows (tag) VALUES (?)", tag); // the SDK flushes the session first
        })).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> stacks.sync.transaction(tx -> {
            Session session = tx.orm(stacks.hibernate());
            session.persist(new FaultRow(Stacks.nextId(), tag));
            session.persist(new FaultRow(Stacks.nextId(), tag));
            return null; // flushed at COMMIT
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(rows(tag)).isZero();
    }

    // ------------------------------------------------------------------ Hibernate Reactive

    @Test
    void aDuplicateKeyFlushedByHibernateReactiveIsADuplicateKeyException() {
        String tag = Servers.unique("dup");
        Throwable e = Waits.failure(stacks.async.transaction(tx -> tx.orm(stacks.reactive().stage())
                .thenCompose(s -> s.persist(new FaultRow(Stacks.nextId(), tag))
                        .thenCompose(v -> s.persist(new FaultRow(Stacks.nextId(), tag)))
                        .thenCompose(v -> s.flush()))));
        assertThat(e).isInstanceOf(DuplicateKeyException.class);
        assertThat(e.getCause()).as("the ORM's exception is kept as the cause").isNotNull();
        assertThat(rows(tag)).isZero();
    }

    @Test
    void aDuplicateKeyHibernateReactiveFlushesBeforeARawStatementOrAtCommitIsADuplicateKeyException() {
        String tag = Servers.unique("dup");
        Throwable beforeRaw = Waits.failure(stacks.async.transaction(tx -> tx.orm(stacks.reactive().stage())
                .thenCompose(s -> s.persist(new FaultRow(Stacks.nextId(), tag))
                        .thenCompose(v -> s.persist(new FaultRow(Stacks.nextId(), tag))))
                .thenCompose(v -> tx.execute("INSERT INTO raw_rows (tag) VALUES (?)", tag))));
        assertThat(beforeRaw).isInstanceOf(DuplicateKeyException.class);
        Throwable atCommit = Waits.failure(stacks.async.transaction(tx -> tx.orm(stacks.reactive().stage())
                .thenCompose(s -> s.persist(new FaultRow(Stacks.nextId(), tag))
                        .thenCompose(v -> s.persist(new FaultRow(Stacks.nextId(), tag))))));
        assertThat(atCommit).isInstanceOf(DuplicateKeyException.class);
        assertThat(rows(tag)).isZero();
    }

    @Test
    void aRawStatementWhileAHibernateReactiveCallIsRunningIsRefusedWithTheSdksMessage() {
        String tag = Servers.unique("busy");
        String raw = "SELECT COUNT(*) AS " + tag + " FROM raw_rows";
        mo.statements().clear();
        Throwable e = Waits.failure(stacks.async.transaction(tx -> tx.orm(stacks.reactive().stage())
                .thenCompose(s -> {
                    CompletionStage<Void> orm = s.persist(new FaultRow(Stacks.nextId(), tag)).thenCompose(v -> s.flush());
                    CompletionStage<Result> concurrent = tx.query(raw); // not chained after the ORM call
                    return CompletableFuture.allOf(orm.toCompletableFuture(), concurrent.toCompletableFuture());
                })));
        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("while a Hibernate Reactive call of the same transaction was still running")
                .hasMessageContaining("chain the statement after the ORM call's stage");
        assertThat(e.getClass().getName()).isNotEqualTo("org.hibernate.AssertionFailure");
        assertThat(mo.statements().containsSql(raw)).as("the raw statement was not sent").isFalse();
        assertThat(rows(tag)).isZero();
    }
}
