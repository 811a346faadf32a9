package io.matrixone.emulator.protocol;

/** A packet that does not follow the MySQL protocol. */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
