package io.matrixone.examples;

/** A check of an example that did not hold. */
public final class ExampleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExampleFailure(String message) {
        super(message);
    }
}
