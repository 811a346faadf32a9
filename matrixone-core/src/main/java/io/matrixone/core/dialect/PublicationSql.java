package io.matrixone.core.dialect;

import io.matrixone.core.version.ServerVersion;

/** Placeholder, completed in the next step. */
public final class PublicationSql {
    private final ServerVersion version;

    PublicationSql(ServerVersion version) {
        this.version = version;
    }
}
