package io.matrixone.core.error;

import io.matrixone.core.internal.InternalApi;

/**
 * Stands in for a driver exception whose message quoted the failed statement's literals (a parse error's
 * {@code near '... IDENTIFIED BY 'secret' ...'}): it keeps the original's class name and stack trace so the
 * failure stays traceable, but carries the masked message, so logging the whole cause chain leaks nothing.
 */
public final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalType;

    @InternalApi
    public RedactedCause(Throwable original, String maskedMessage) {
        super(original.getClass().getName() + ": " + maskedMessage, null, false, true);
        this.originalType = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** The class name of the driver exception this stands for. */
    public String originalType() {
        return originalType;
    }
}
