package io.matrixone.core.error;

import java.util.List;

/**
 * The transaction COMMITTED, but one of the steps queued to run after the commit failed.
 *
 * <p>Steps are the statements MatrixOne refuses inside a transaction (snapshots, restores, PITR,
 * publications, accounts), which the SDK runs in order right after COMMIT. They are all-or-nothing among
 * themselves: when step {@code k} fails, the earlier steps that can be undone were undone (a created
 * snapshot dropped, a cloned database dropped). The committed data stays committed. The step's own
 * failure is the {@linkplain #getCause() cause}.
 */
public class AfterCommitStepException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    private final int failedStep;
    private final int stepCount;
    private final List<String> undone;
    private final List<String> notUndone;

    /**
     * @param failedStep 1-based number of the step that failed
     * @param stepCount  how many steps were queued
     * @param failedSql  the failed step's SQL, redacted
     * @param undone     redacted SQL of the earlier steps that were undone
     * @param notUndone  redacted SQL of the earlier steps that could not be undone (no undo, or the undo failed)
     * @param cause      the failure of step {@code failedStep}
     */
    public AfterCommitStepException(int failedStep, int stepCount, String failedSql, List<String> undone,
                                    List<String> notUndone, MatrixOneException cause) {
        super(message(failedStep, stepCount, undone, notUndone, cause),
                cause == null ? 0 : cause.errorCode(), cause == null ? null : cause.sqlState(), failedSql, cause);
        this.failedStep = failedStep;
        this.stepCount = stepCount;
        this.undone = List.copyOf(undone);
        this.notUndone = List.copyOf(notUndone);
    }

    private static String message(int k, int n, List<String> undone, List<String> notUndone, Throwable cause) {
        StringBuilder sb = new StringBuilder("the transaction was committed, but after-commit step ")
                .append(k).append(" of ").append(n).append(" failed");
        if (cause != null) {
            sb.append(" (").append(cause instanceof MatrixOneException m ? m.serverMessage() : cause.getMessage()).append(')');
        }
        if (k > 1) {
            sb.append("; steps 1..").append(k - 1).append(": ").append(undone.size()).append(" undone");
            if (!notUndone.isEmpty()) {
                sb.append(", ").append(notUndone.size()).append(" NOT undone ").append(notUndone);
            }
        }
        if (k < n) {
            sb.append("; steps ").append(k + 1).append("..").append(n).append(" were not run");
        }
        return sb.toString();
    }

    /** 1-based number of the step that failed. */
    public int failedStep() {
        return failedStep;
    }

    public int stepCount() {
        return stepCount;
    }

    /** Redacted SQL of the earlier steps that were undone, in the order they were undone. */
    public List<String> undone() {
        return undone;
    }

    /** Redacted SQL of earlier steps still in effect: they had no undo, or their undo failed. */
    public List<String> notUndone() {
        return notUndone;
    }
}
