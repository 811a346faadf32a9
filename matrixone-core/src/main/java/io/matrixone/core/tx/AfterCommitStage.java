package io.matrixone.core.tx;

import io.matrixone.core.internal.InternalApi;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The stage of an async after-commit step, and of everything derived from it with this stage's own methods
 * ({@code thenApply}, {@code thenCompose}, {@code whenComplete} ...): they complete after COMMIT and the steps.
 *
 * <p>COMMIT happens once the transaction body's stage completed, so a body must not wait for this stage: it would
 * wait forever. Two things follow. A body may <em>return</em> such a stage (directly or derived with this
 * stage's methods): the transaction then commits first and completes with its value, so values made after
 * commit leave the body without a side channel. But a wait that would hold the body open, composing it into
 * another stage ({@code other.thenCompose(x -> thisStage)}, {@code CompletableFuture.allOf(..)}, {@code join()}),
 * goes through {@link #toCompletableFuture()}, and before commit was requested that returns a future already
 * failed with {@link IllegalStateException}: an error, not a hang. Nothing here throws; failures arrive as
 * failed stages, as the {@code CompletionStage} contract expects.
 */
public final class AfterCommitStage<T> implements CompletionStage<T> {
    static final String WAIT_IN_BODY = "this after-commit step completes after COMMIT; waiting for it inside the "
            + "transaction would never end. Return it from the transaction body (the transaction then completes "
            + "with its value), or use it once client.transaction(..) or tx.commit() completed";

    private final CompletableFuture<T> result;
    private final BooleanSupplier commitRequested;

    @InternalApi
    public AfterCommitStage(CompletableFuture<T> result, BooleanSupplier commitRequested) {
        this.result = result;
        this.commitRequested = commitRequested;
    }

    private <U> AfterCommitStage<U> defer(CompletableFuture<U> derived) {
        return new AfterCommitStage<>(derived, commitRequested);
    }

    /**
     * The future to wait on: this stage's own once the transaction was asked to commit, before that a future
     * failed with {@link IllegalStateException} (the wait would never end).
     */
    @Override
    public CompletableFuture<T> toCompletableFuture() {
        if (!commitRequested.getAsBoolean()) {
            return CompletableFuture.failedFuture(new IllegalStateException(WAIT_IN_BODY));
        }
        return result;
    }

    /** Another after-commit stage is combined with its own outcome, not with its guarded future. */
    @SuppressWarnings("unchecked")
    private static <V> CompletionStage<V> inner(CompletionStage<V> other) {
        return other instanceof AfterCommitStage<?> s ? (CompletionStage<V>) s.result : other;
    }

    /** The step's outcome, for the transaction that commits first and then completes with it. */
    public CompletableFuture<T> afterCommit() {
        return result;
    }

    @Override
    public <U> CompletionStage<U> thenApply(Function<? super T, ? extends U> fn) {
        return defer(result.thenApply(fn));
    }

    @Override
    public <U> CompletionStage<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return defer(result.thenApplyAsync(fn));
    }

    @Override
    public <U> CompletionStage<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return defer(result.thenApplyAsync(fn, executor));
    }

    @Override
    public CompletionStage<Void> thenAccept(Consumer<? super T> action) {
        return defer(result.thenAccept(action));
    }

    @Override
    public CompletionStage<Void> thenAcceptAsync(Consumer<? super T> action) {
        return defer(result.thenAcceptAsync(action));
    }

    @Override
    public CompletionStage<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return defer(result.thenAcceptAsync(action, executor));
    }

    @Override
    public CompletionStage<Void> thenRun(Runnable action) {
        return defer(result.thenRun(action));
    }

    @Override
    public CompletionStage<Void> thenRunAsync(Runnable action) {
        return defer(result.thenRunAsync(action));
    }

    @Override
    public CompletionStage<Void> thenRunAsync(Runnable action, Executor executor) {
        return defer(result.thenRunAsync(action, executor));
    }

    @Override
    public <U, V> CompletionStage<V> thenCombine(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return defer(result.thenCombine(inner(other), fn));
    }

    @Override
    public <U, V> CompletionStage<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return defer(result.thenCombineAsync(inner(other), fn));
    }

    @Override
    public <U, V> CompletionStage<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn, Executor executor) {
        return defer(result.thenCombineAsync(inner(other), fn, executor));
    }

    @Override
    public <U> CompletionStage<Void> thenAcceptBoth(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return defer(result.thenAcceptBoth(inner(other), action));
    }

    @Override
    public <U> CompletionStage<Void> thenAcceptBothAsync(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return defer(result.thenAcceptBothAsync(inner(other), action));
    }

    @Override
    public <U> CompletionStage<Void> thenAcceptBothAsync(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action, Executor executor) {
        return defer(result.thenAcceptBothAsync(inner(other), action, executor));
    }

    @Override
    public CompletionStage<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return defer(result.runAfterBoth(inner(other), action));
    }

    @Override
    public CompletionStage<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
        return defer(result.runAfterBothAsync(inner(other), action));
    }

    @Override
    public CompletionStage<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return defer(result.runAfterBothAsync(inner(other), action, executor));
    }

    @Override
    public <U> CompletionStage<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return defer(result.applyToEither(inner(other), fn));
    }

    @Override
    public <U> CompletionStage<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return defer(result.applyToEitherAsync(inner(other), fn));
    }

    @Override
    public <U> CompletionStage<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn, Executor executor) {
        return defer(result.applyToEitherAsync(inner(other), fn, executor));
    }

    @Override
    public CompletionStage<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return defer(result.acceptEither(inner(other), action));
    }

    @Override
    public CompletionStage<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return defer(result.acceptEitherAsync(inner(other), action));
    }

    @Override
    public CompletionStage<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action, Executor executor) {
        return defer(result.acceptEitherAsync(inner(other), action, executor));
    }

    @Override
    public CompletionStage<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return defer(result.runAfterEither(inner(other), action));
    }

    @Override
    public CompletionStage<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
        return defer(result.runAfterEitherAsync(inner(other), action));
    }

    @Override
    public CompletionStage<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return defer(result.runAfterEitherAsync(inner(other), action, executor));
    }

    @Override
    public <U> CompletionStage<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return defer(result.thenCompose(fn));
    }

    @Override
    public <U> CompletionStage<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return defer(result.thenComposeAsync(fn));
    }

    @Override
    public <U> CompletionStage<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn, Executor executor) {
        return defer(result.thenComposeAsync(fn, executor));
    }

    @Override
    public <U> CompletionStage<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return defer(result.handle(fn));
    }

    @Override
    public <U> CompletionStage<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return defer(result.handleAsync(fn));
    }

    @Override
    public <U> CompletionStage<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
        return defer(result.handleAsync(fn, executor));
    }

    @Override
    public CompletionStage<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return defer(result.whenComplete(action));
    }

    @Override
    public CompletionStage<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return defer(result.whenCompleteAsync(action));
    }

    @Override
    public CompletionStage<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action, Executor executor) {
        return defer(result.whenCompleteAsync(action, executor));
    }

    @Override
    public CompletionStage<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return defer(result.exceptionally(fn));
    }

    @Override
    public String toString() {
        return "AfterCommitStage[" + (result.isDone() ? "done" : "pending") + "]";
    }
}
