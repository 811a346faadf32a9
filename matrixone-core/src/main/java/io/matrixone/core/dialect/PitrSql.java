package io.matrixone.core.dialect;

import io.matrixone.core.version.ServerVersion;

/** Placeholder, completed in the next step. */
public final class PitrSql {
    private final ServerVersion version;

    PitrSql(ServerVersion version) {
        this.version = version;
    }
}
