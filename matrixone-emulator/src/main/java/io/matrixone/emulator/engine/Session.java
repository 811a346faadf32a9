package io.matrixone.emulator.engine;

import java.util.Objects;

/**
 * One client session as the statement engine sees it.
 *
 * @param id      the emulator's connection id
 * @param account the MatrixOne account from the login name ({@code sys} when the name has none)
 * @param user    the user part of the login name
 * @param role    the role part of the login name, or {@code null} when none was given
 * @param backend the session's own backend connection
 */
public record Session(long id, String account, String user, String role, Backend backend) {
    public Session {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(backend, "backend");
    }
}
