/**
 * Runnable examples of the SDK, each a small program against a MatrixOne (by default the embedded emulator):
 * {@code RunExamples} runs them all and reports each.
 */
package io.matrixone.examples;
