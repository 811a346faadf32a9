package io.matrixone.emulator.relay;

import io.matrixone.emulator.Faults;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.engine.QueryHandler;

import java.util.Objects;

/**
 * What a relay needs: where MariaDB is, the MatrixOne version to announce, who decides about statements,
 * how forwarded SQL is adapted to the MariaDB version, and where statements are logged and faults come from.
 */
public record RelayConfig(String backendHost, int backendPort, String targetVersion, QueryHandler handler,
                          MariaDbCompat compat, StatementLog statementLog, Faults faults) {
    public RelayConfig {
        Objects.requireNonNull(backendHost, "backendHost");
        Objects.requireNonNull(targetVersion, "targetVersion");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(compat, "compat");
        Objects.requireNonNull(statementLog, "statementLog");
        Objects.requireNonNull(faults, "faults");
    }
}
