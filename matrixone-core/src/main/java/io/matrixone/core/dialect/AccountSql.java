package io.matrixone.core.dialect;

import io.matrixone.core.version.ServerVersion;

/** Placeholder, completed in the next step. */
public final class AccountSql {
    private final ServerVersion version;

    AccountSql(ServerVersion version) {
        this.version = version;
    }
}
