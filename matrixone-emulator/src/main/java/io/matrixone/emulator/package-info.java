/**
 * The MatrixOne emulator: {@link io.matrixone.emulator.Emulator} speaks MatrixOne's wire protocol in front of a
 * private MariaDB, answers MatrixOne's own statements as MatrixOne does, records every statement that reaches it
 * ({@link io.matrixone.emulator.StatementLog}) and injects faults ({@link io.matrixone.emulator.Faults}). It does not
 * depend on the SDK, on purpose: it is the SDK's test oracle.
 */
package io.matrixone.emulator;
