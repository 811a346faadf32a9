package io.matrixone.core.tx;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterCommitStageTest {
    private final AtomicBoolean commitRequested = new AtomicBoolean();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final AfterCommitStage<String> stage = new AfterCommitStage<>(result, commitRequested::get);

    @Test
    void nothingThrowsBeforeCommit_derivedStagesWaitForTheStep() {
        AtomicReference<String> seen = new AtomicReference<>();
        AfterCommitStage<Integer> length = (AfterCommitStage<Integer>) stage.thenApply(String::length);
        stage.thenAccept(seen::set);
        assertThat(seen).hasNullValue();
        result.complete("snap");
        assertThat(seen).hasValue("snap");
        assertThat(length.afterCommit().join()).isEqualTo(4);
    }

    @Test
    void waitingInsideTheBodyFailsInsteadOfHanging() {
        assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> stage.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("completes after COMMIT");
        // composed into another stage: the CompletableFuture machinery waits through toCompletableFuture()
        assertThatThrownBy(() -> CompletableFuture.completedFuture(1).thenCompose(x -> stage).join())
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CompletableFuture.allOf(stage.thenApply(s -> s).toCompletableFuture()).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void behavesAsAPlainStageOnceCommitWasRequested() {
        commitRequested.set(true);
        CompletableFuture<Integer> length = stage.thenApply(String::length).toCompletableFuture();
        result.complete("snap");
        assertThat(length.join()).isEqualTo(4);
        assertThat(CompletableFuture.completedFuture(1).thenCompose(x -> stage).join()).isEqualTo("snap");
    }

    @Test
    void twoStepsCombineOnTheirOutcomes() {
        CompletableFuture<String> other = new CompletableFuture<>();
        AfterCommitStage<String> second = new AfterCommitStage<>(other, commitRequested::get);
        AfterCommitStage<String> both = (AfterCommitStage<String>) stage.thenCombine(second, (a, b) -> a + b);
        result.complete("a");
        other.complete("b");
        assertThat(both.afterCommit().join()).isEqualTo("ab");
    }
}
