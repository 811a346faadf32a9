package io.matrixone.hibernate.reactive;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Test helpers: waiting for a stage from the JUnit thread only (never an event loop), and context executors. */
final class Waits {
    static final Duration WAIT = Duration.ofSeconds(60);

    private Waits() {
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(c);
        } catch (Exception e) {
            throw new AssertionError("stage did not complete within " + WAIT, e);
        }
    }

    /** The failure of a stage that must fail, without CompletionException wrappers. */
    static Throwable failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            return c;
        } catch (Exception e) {
            throw new AssertionError("stage did not complete within " + WAIT, e);
        }
        throw new AssertionError("the stage succeeded but was expected to fail");
    }

    /** Runs tasks on the Vert.x context the caller is on: to come back to a transaction's context (HR000069). */
    static Executor currentContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new AssertionError("not on a Vert.x context");
        }
        return task -> context.runOnContext(v -> task.run());
    }
}
