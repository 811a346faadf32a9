package io.matrixone.core.dialect;

import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

/** Refuses, before any SQL is built, a statement family the server's version does not have. Not API. */
final class Gates {
    private Gates() {
    }

    static void require(ServerVersion version, Feature feature, String what) {
        if (!version.supports(feature)) {
            throw new UnsupportedOperationException(what + " needs MatrixOne " + feature.since().semantic()
                    + " or later; the server is " + version);
        }
    }
}
