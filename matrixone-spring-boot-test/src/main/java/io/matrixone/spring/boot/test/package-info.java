/**
 * A test slice for applications: {@code @AutoConfigureMatrixOneEmulator} starts a MatrixOne emulator for the test
 * context and points {@code matrixone.*} at it.
 */
package io.matrixone.spring.boot.test;
