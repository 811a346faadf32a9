package io.matrixone.core.event;

import io.matrixone.core.internal.event.StatementListeners;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementEventTest {

    @Test
    void beforeEventCarriesTheRedactedSqlAndOnlyTheParameterCount() {
        StatementEvent e = StatementEvent.before(7, "CREATE USER u IDENTIFIED BY 'secret'", 0,
                StatementEvent.Client.SYNC, StatementEvent.Scope.AUTOCOMMIT);
        assertThat(e.sql()).isEqualTo("CREATE USER u IDENTIFIED BY '***'");
        assertThat(e.toString()).doesNotContain("secret");
        assertThat(e.phase()).isEqualTo(StatementEvent.Phase.BEFORE);
        assertThat(e.duration()).isNull();
        assertThat(e.rowCount()).isEqualTo(-1);
        assertThat(e.error()).isNull();
        assertThat(e.isSuccess()).isFalse();
    }

    @Test
    void outcomesKeepTheStatementAndAddDurationRowsOrError() {
        StatementEvent before = StatementEvent.before(7, "INSERT INTO t VALUES (?, 'x')", 1,
                StatementEvent.Client.ASYNC, StatementEvent.Scope.TRANSACTION);
        StatementEvent ok = before.succeeded(Duration.ofMillis(3), 1);
        assertThat(ok).extracting(StatementEvent::id, StatementEvent::sql, StatementEvent::parameterCount, StatementEvent::client,
                StatementEvent::scope, StatementEvent::phase, StatementEvent::duration, StatementEvent::rowCount)
                .containsExactly(7L, "INSERT INTO t VALUES (?, '***')", 1, StatementEvent.Client.ASYNC, StatementEvent.Scope.TRANSACTION,
                        StatementEvent.Phase.SUCCEEDED, Duration.ofMillis(3), 1L);
        assertThat(ok.isSuccess()).isTrue();

        MatrixOneException dup = ErrorClassifier.classify(1062, "23000", "Duplicate entry", before.sql(), null);
        StatementEvent failed = before.failed(Duration.ofMillis(2), dup);
        assertThat(failed.phase()).isEqualTo(StatementEvent.Phase.FAILED);
        assertThat(failed.error()).isInstanceOf(DuplicateKeyException.class);
        assertThat(failed.rowCount()).isEqualTo(-1);
        assertThat(failed.id()).isEqualTo(7);
    }

    @Test
    void refusesPartsThatDoNotFitThePhase() {
        StatementEvent before = StatementEvent.before(7, "SELECT 1", 0, StatementEvent.Client.SYNC, StatementEvent.Scope.AUTOCOMMIT);
        MatrixOneException error = new MatrixOneException("boom");
        assertThatThrownBy(() -> before.succeeded(Duration.ZERO, 0).succeeded(Duration.ZERO, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new StatementEvent(1, "SELECT 1", 0, StatementEvent.Client.SYNC, StatementEvent.Scope.AUTOCOMMIT,
                StatementEvent.Phase.BEFORE, Duration.ZERO, -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatementEvent(1, "SELECT 1", 0, StatementEvent.Client.SYNC, StatementEvent.Scope.AUTOCOMMIT,
                StatementEvent.Phase.SUCCEEDED, Duration.ZERO, 1, error)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatementEvent(1, "SELECT 1", 0, StatementEvent.Client.SYNC, StatementEvent.Scope.AUTOCOMMIT,
                StatementEvent.Phase.FAILED, Duration.ZERO, 1, error)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatementEvent(1, "SELECT 1", -1, StatementEvent.Client.SYNC, StatementEvent.Scope.AUTOCOMMIT,
                StatementEvent.Phase.BEFORE, null, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenersAreCalledInOrderBeforeAndAfter() {
        List<String> calls = new java.util.ArrayList<>();
        StatementListeners listeners = new StatementListeners(List.of(named("a", calls), named("b", calls)),
                StatementEvent.Client.SYNC);
        StatementEvent before = listeners.before("SELECT 'x'", 0, StatementEvent.Scope.AUTOCOMMIT);
        listeners.succeeded(before, 1_000, 1);
        StatementEvent next = listeners.before("SELECT 2", 0, StatementEvent.Scope.AUTOCOMMIT);
        listeners.succeeded(next, 1_000, 1);
        assertThat(next.id()).as("statements are numbered per client").isGreaterThan(before.id());
        assertThat(calls).containsExactly("a before SELECT '***'", "b before SELECT '***'",
                "a SUCCEEDED SELECT '***'", "b SUCCEEDED SELECT '***'",
                "a before SELECT 2", "b before SELECT 2", "a SUCCEEDED SELECT 2", "b SUCCEEDED SELECT 2");
    }

    @Test
    void noListenersMeansNoEvent() {
        StatementListeners none = new StatementListeners(List.of(), StatementEvent.Client.SYNC);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.before("SELECT 1", 0, StatementEvent.Scope.AUTOCOMMIT)).isNull();
        none.succeeded(null, 1, 1); // nothing to report, nothing thrown
        none.failed(null, 1, new IllegalStateException());
    }

    @Test
    void aThrowingListenerNeitherPropagatesNorStopsTheOthers() {
        List<String> calls = new java.util.ArrayList<>();
        StatementListener throwing = new StatementListener() {
            @Override
            public void beforeStatement(StatementEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void afterStatement(StatementEvent event) {
                throw new AssertionError("listener bug");
            }
        };
        StatementListeners listeners = new StatementListeners(List.of(throwing, named("b", calls)),
                StatementEvent.Client.ASYNC);
        for (int i = 0; i < 3; i++) {
            listeners.failed(listeners.before("SELECT 1", 0, StatementEvent.Scope.TRANSACTION), 10, new MatrixOneException("boom"));
        }
        assertThat(calls).hasSize(6).contains("b before SELECT 1", "b FAILED SELECT 1");
    }

    @Test
    void aClientSideFailureIsWrappedForTheEventOnly() {
        List<StatementEvent> seen = new java.util.ArrayList<>();
        StatementListeners listeners = new StatementListeners(List.of(seen::add), StatementEvent.Client.SYNC);
        IllegalArgumentException bug = new IllegalArgumentException("parameter 1 has unsupported type");
        listeners.failed(listeners.before("SELECT ?", 1, StatementEvent.Scope.AUTOCOMMIT), 5, bug);
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.error()).hasCause(bug).hasMessageContaining("unsupported type");
            assertThat(e.error().errorCode()).isZero();
            assertThat(e.error().sql()).isEqualTo("SELECT ?");
        });
    }

    @Test
    void rowCountIsRowsForAQueryAffectedRowsForAnUpdateAndUnknownForACountlessBatch() {
        assertThat(StatementListeners.rowCount(Result.builder(List.of("a")).addRow(1).addRow(2).build())).isEqualTo(2);
        assertThat(StatementListeners.rowCount(Result.update(5, List.of()))).isEqualTo(5);
        assertThat(StatementListeners.rowCount(new long[] {1, 2})).isEqualTo(3);
        assertThat(StatementListeners.rowCount(new long[] {1, -2} /* SUCCESS_NO_INFO */)).isEqualTo(-1);
    }

    private static StatementListener named(String name, List<String> calls) {
        return new StatementListener() {
            @Override
            public void beforeStatement(StatementEvent event) {
                calls.add(name + " before " + event.sql());
            }

            @Override
            public void afterStatement(StatementEvent event) {
                calls.add(name + " " + event.phase() + " " + event.sql());
            }
        };
    }
}
