/**
 * The server side: accepts clients, logs them in as MatrixOne would, and per statement either answers through the
 * engine or relays to MariaDB, rewriting what MatrixOne does differently.
 */
package io.matrixone.emulator.relay;
