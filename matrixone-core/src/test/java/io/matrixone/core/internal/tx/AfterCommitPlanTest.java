package io.matrixone.core.internal.tx;

import io.matrixone.core.tx.AfterCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class AfterCommitPlanTest {
    private final List<String> sent = new ArrayList<>();
    private final AfterCommitPlan queue = new AfterCommitPlan();

    private Function<Statement, Result> runnerFailingOn(String failing) {
        return s -> {
            sent.add(s.sql());
            if (s.sql().equals(failing)) {
                throw new MatrixOneException("boom", 20101, "HY000", s.redactedSql(), null);
            }
            return Result.update(0, List.of());
        };
    }

    private static Operation<String> snapshot(String name) {
        Statement create = Statement.afterCommit("CREATE SNAPSHOT " + name + " FOR DATABASE d")
                .withUndo(Statement.of("DROP SNAPSHOT IF EXISTS " + name)).creatingSnapshot(name);
        return Operation.of(create, r -> name);
    }

    @Test
    void handleIsPendingUntilRunAndGetExplainsInsteadOfWaiting() {
        AfterCommit<String> h = queue.addForHandle(snapshot("s1"));
        assertThat(h.isPending()).isTrue();
        assertThatThrownBy(h::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("after COMMIT");
        queue.runAllBlocking(runnerFailingOn(null));
        assertThat(h.get()).isEqualTo("s1");
        assertThat(h.isDone()).isTrue();
        assertThat(h.toCompletableFuture().join()).isEqualTo("s1");
    }

    @Test
    void runsStepsInOrder() {
        queue.addForHandle(snapshot("a"));
        queue.addForHandle(Operation.of(Statement.afterCommit("CREATE PITR p FOR DATABASE d RANGE 1 'd'"), r -> 1));
        queue.runAllBlocking(runnerFailingOn(null));
        assertThat(sent).containsExactly("CREATE SNAPSHOT a FOR DATABASE d", "CREATE PITR p FOR DATABASE d RANGE 1 'd'");
    }

    @Test
    void cancelledStepsSayTheTransactionRolledBack() {
        AfterCommit<String> h = queue.addForHandle(snapshot("s1"));
        queue.cancelAll(TransactionState.cancelReason(null));
        assertThat(h.isCancelled()).isTrue();
        assertThatThrownBy(h::get).isInstanceOf(CancellationException.class)
                .hasMessage("not run: the transaction rolled back");
        assertThatThrownBy(() -> h.toCompletableFuture().join()).isInstanceOf(CancellationException.class);
    }

    @Test
    void failedStepUndoesEarlierStepsInReverseAndCancelsLaterOnes() {
        AfterCommit<String> a = queue.addForHandle(snapshot("a"));
        AfterCommit<Result> raw = queue.addForHandle(Operation.of(Statement.afterCommit("CREATE PUBLICATION p DATABASE d"), r -> r));
        AfterCommit<String> b = queue.addForHandle(snapshot("b"));
        AfterCommit<String> c = queue.addForHandle(snapshot("c"));
        assertThat(queue.createsSnapshot("b")).isTrue();

        AfterCommitStepException e = catchStep(() -> queue.runAllBlocking(runnerFailingOn("CREATE SNAPSHOT b FOR DATABASE d")));

        assertThat(sent).containsExactly("CREATE SNAPSHOT a FOR DATABASE d", "CREATE PUBLICATION p DATABASE d",
                "CREATE SNAPSHOT b FOR DATABASE d", "DROP SNAPSHOT IF EXISTS a");
        assertThat(e.failedStep()).isEqualTo(3);
        assertThat(e.stepCount()).isEqualTo(4);
        assertThat(e.undone()).containsExactly("CREATE SNAPSHOT a FOR DATABASE d");
        assertThat(e.notUndone()).containsExactly("CREATE PUBLICATION p DATABASE d");
        assertThat(e.getMessage()).contains("the transaction was committed").contains("step 3 of 4");
        assertThat(e.getCause()).isInstanceOf(MatrixOneException.class).hasMessageContaining("boom");

        assertThatThrownBy(a::get).isSameAs(e);          // undone: its value no longer holds
        assertThat(raw.get()).isNotNull();                // ran and stays in effect
        assertThatThrownBy(b::get).isSameAs(e);
        assertThatThrownBy(c::get).isInstanceOf(CancellationException.class).hasMessageContaining("step 3 of 4 failed");
    }

    @Test
    void failingUndoIsReportedAsNotUndone() {
        queue.addForHandle(snapshot("a"));
        queue.addForHandle(snapshot("b"));
        List<String> log = new ArrayList<>();
        AfterCommitStepException e = catchStep(() -> queue.runAllBlocking(s -> {
            log.add(s.sql());
            if (s.sql().startsWith("CREATE SNAPSHOT b") || s.sql().startsWith("DROP")) {
                throw new MatrixOneException("nope", 20101, "HY000", null, null);
            }
            return Result.empty();
        }));
        assertThat(e.undone()).isEmpty();
        assertThat(e.notUndone()).containsExactly("CREATE SNAPSHOT a FOR DATABASE d");
        assertThat(e.getSuppressed()).hasSize(1);
    }

    @Test
    void nonDatabaseFailureOfAStepIsWrapped() {
        queue.addForHandle(Operation.of(Statement.afterCommit("CREATE SNAPSHOT x FOR DATABASE d"), r -> {
            throw new IllegalStateException("mapper");
        }));
        AfterCommitStepException e = catchStep(() -> queue.runAllBlocking(runnerFailingOn(null)));
        assertThat(e.getCause()).isInstanceOf(MatrixOneException.class);
        assertThat(e.getCause().getCause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stageViewIsReadOnly() {
        AfterCommit<String> h = queue.addForHandle(snapshot("s"));
        h.toCompletableFuture().complete("forged");
        assertThat(h.isPending()).isTrue();
        queue.cancelAll("x");
        assertThatThrownBy(() -> h.toCompletionStage().toCompletableFuture().join())
                .isInstanceOfAny(CancellationException.class, CompletionException.class);
    }

    private static AfterCommitStepException catchStep(Runnable r) {
        try {
            r.run();
        } catch (AfterCommitStepException e) {
            return e;
        }
        throw new AssertionError("expected AfterCommitStepException");
    }
}
