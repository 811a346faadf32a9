package io.matrixone.async.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterCommitStageTest {

    @Test
    void attachingBeforeCommitWasRequestedFailsFast() {
        AtomicBoolean commitRequested = new AtomicBoolean();
        AfterCommitStage<String> stage = new AfterCommitStage<>(new CompletableFuture<>(), commitRequested::get);
        assertThatThrownBy(() -> stage.thenApply(s -> s)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("completes after COMMIT");
        assertThatThrownBy(stage::toCompletableFuture).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stage.whenComplete((v, e) -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CompletableFuture.completedFuture(1).thenCompose(x -> stage).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void behavesAsAPlainStageOnceCommitWasRequested() {
        AtomicBoolean commitRequested = new AtomicBoolean();
        CompletableFuture<String> result = new CompletableFuture<>();
        AfterCommitStage<String> stage = new AfterCommitStage<>(result, commitRequested::get);
        commitRequested.set(true);
        CompletableFuture<Integer> length = stage.thenApply(String::length).toCompletableFuture();
        result.complete("snap");
        assertThat(length.join()).isEqualTo(4);
    }
}
