package io.matrixone.client;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The after-commit steps of one transaction, in the order queued, and the all-or-nothing rule among them: when
 * step k fails, the statements of the steps before it (and of step k itself) that carry an undo are undone in
 * reverse order, later steps are not run, and one {@link AfterCommitStepException} says what happened.
 * Not thread-safe: the owning transaction serialises access.
 */
final class AfterCommitQueue {
    private static final Logger log = LoggerFactory.getLogger(AfterCommitQueue.class);

    private final List<Step<?>> steps = new ArrayList<>(2);
    private final Set<String> snapshots = new HashSet<>(2);

    private static final class Step<T> {
        final Operation<T> operation;
        final AfterCommit<T> handle;
        final List<Statement> executed = new ArrayList<>(1);
        T value;

        Step(Operation<T> operation) {
            this.operation = operation;
            this.handle = new AfterCommit<>(operation.firstStatement().redactedSql());
        }

        String sql() {
            return operation.firstStatement().redactedSql();
        }

        boolean hasUndo() {
            for (Statement s : executed) {
                if (s.undo() != null) {
                    return true;
                }
            }
            return false;
        }
    }

    <T> AfterCommit<T> add(Operation<T> operation) {
        Step<T> step = new Step<>(operation);
        steps.add(step);
        String created = operation.firstStatement().createsSnapshot();
        if (created != null) {
            snapshots.add(created);
        }
        return step.handle;
    }

    /** Whether a queued step creates this snapshot: what reads it must then be queued behind it. */
    boolean createsSnapshot(String name) {
        return name != null && snapshots.contains(name);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The transaction did not commit: no step runs. */
    void cancelAll(String reason) {
        for (Step<?> step : steps) {
            step.handle.cancel(reason);
        }
        steps.clear();
    }

    /**
     * Runs every step on {@code runner} (the transaction's connection, now in autocommit mode). Throws one
     * {@link AfterCommitStepException} if a step fails, after undoing what can be undone.
     */
    void runAll(Function<Statement, Result> runner) {
        int n = steps.size();
        for (int k = 0; k < n; k++) {
            Step<?> step = steps.get(k);
            try {
                runStep(step, runner);
            } catch (RuntimeException e) {
                MatrixOneException cause = e instanceof MatrixOneException m ? m
                        : new MatrixOneException("after-commit step failed: " + e, e);
                throw compensate(k, cause, runner);
            }
        }
        for (Step<?> step : steps) {
            completeWithValue(step);
        }
        steps.clear();
    }

    private static <T> void runStep(Step<T> step, Function<Statement, Result> runner) {
        step.value = step.operation.execute(statement -> {
            Result r = runner.apply(statement);
            step.executed.add(statement);
            return r;
        });
    }

    private static <T> void completeWithValue(Step<T> step) {
        step.handle.complete(step.value);
    }

    private AfterCommitStepException compensate(int failed, MatrixOneException cause, Function<Statement, Result> runner) {
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        List<Throwable> undoFailures = new ArrayList<>();
        // the failed step's own completed statements first (a chain may have run part of its work)
        undo(steps.get(failed), runner, undoFailures);
        List<Step<?>> inEffect = new ArrayList<>();
        for (int i = failed - 1; i >= 0; i--) {
            Step<?> step = steps.get(i);
            if (step.hasUndo() && undo(step, runner, undoFailures)) {
                undone.add(step.sql());
            } else {
                notUndone.add(step.sql());
                inEffect.add(step);
            }
        }
        AfterCommitStepException error = new AfterCommitStepException(failed + 1, steps.size(),
                steps.get(failed).sql(), undone, notUndone, cause);
        undoFailures.forEach(error::addSuppressed);
        for (int i = 0; i < steps.size(); i++) {
            Step<?> step = steps.get(i);
            if (i < failed && inEffect.contains(step)) {
                completeWithValue(step); // it ran and stays in effect
            } else if (i <= failed) {
                step.handle.fail(error);
            } else {
                step.handle.cancel("not run: after-commit step " + (failed + 1) + " of " + steps.size() + " failed");
            }
        }
        steps.clear();
        return error;
    }

    /** Runs the undo statements of a step's executed statements in reverse order; false if one failed. */
    private static boolean undo(Step<?> step, Function<Statement, Result> runner, List<Throwable> failures) {
        boolean ok = true;
        for (int i = step.executed.size() - 1; i >= 0; i--) {
            Statement undo = step.executed.get(i).undo();
            if (undo == null) {
                continue;
            }
            try {
                runner.apply(undo);
            } catch (RuntimeException e) {
                ok = false;
                failures.add(e);
                log.warn("Undoing after-commit step '{}' failed: {}", step.sql(), e.getMessage());
            }
        }
        return ok;
    }
}
