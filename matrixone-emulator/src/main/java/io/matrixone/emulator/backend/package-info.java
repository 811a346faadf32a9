/**
 * The MariaDB behind the emulator: a system {@code mariadbd} started privately, or an embedded one, and the
 * connections the emulator opens to it.
 */
package io.matrixone.emulator.backend;
