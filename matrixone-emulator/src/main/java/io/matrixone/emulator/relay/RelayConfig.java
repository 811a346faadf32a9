package io.matrixone.emulator.relay;

import io.matrixone.emulator.Faults;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.engine.QueryHandler;

import java.util.Objects;

/**
 * What a relay needs: where MariaDB is, the MatrixOne version to announce, who decides about statements,
 * and where statements are logged and faults come from.
 */
public record RelayConfig(String backendHost, int backendPort, String targetVersion, QueryHandler handler,
                          StatementLog statementLog, Faults faults) {
    public RelayConfig {
        Objects.requireNonNull(backendHost, "backendHost");
        Objects.requireNonNull(targetVersion, "targetVersion");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(statementLog, "statementLog");
        Objects.requireNonNull(faults, "faults");
    }
}
