package io.matrixone.core.model;

/** Password rules shared by the specs. Not API. */
final class Secrets {
    static final String MASK = "****";

    private Secrets() {
    }

    static void checkPassword(String password, String what) {
        if (password == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (password.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain NUL");
        }
    }
}
