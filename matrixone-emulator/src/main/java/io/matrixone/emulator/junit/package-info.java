/**
 * JUnit 5 support: {@link io.matrixone.emulator.junit.EmulatorExtension} starts an emulator per test class (or hands
 * out a real MatrixOne in the third tier), {@link io.matrixone.emulator.junit.EmulatorOnly} marks tests of the
 * emulator itself.
 */
package io.matrixone.emulator.junit;
