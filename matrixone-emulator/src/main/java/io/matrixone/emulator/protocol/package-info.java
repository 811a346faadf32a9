/**
 * The MySQL client/server protocol as MatrixOne speaks it: packets, handshake, OK / ERR / EOF, column definitions
 * and rows.
 */
package io.matrixone.emulator.protocol;
