package io.matrixone.adversarial;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for stages from a test thread (never an event loop), with a bound: a stage that never completes is a hang. */
final class Waits {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A stage that did not complete in time. */
    static final class Hang extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Hang(Duration waited) {
            super("no completion within " + waited);
        }
    }

    private Waits() {
    }

    /** The stage's value; its failure is thrown unwrapped (a checked one wrapped in IllegalStateException). */
    static <T> T await(CompletionStage<T> stage) {
        return await(stage, WAIT);
    }

    static <T> T await(CompletionStage<T> stage, Duration wait) {
        try {
            return stage.toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = unwrap(e.getCause());
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (TimeoutException e) {
            throw new Hang(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (CancellationException e) {
            throw e;
        }
    }

    /** The failure of a stage that must fail. */
    static Throwable failure(CompletionStage<?> stage) {
        try {
            await(stage);
        } catch (RuntimeException | Error e) {
            return e;
        }
        throw new AssertionError("the stage succeeded but was expected to fail");
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
