/**
 * The non-blocking client: {@link io.matrixone.async.AsyncMatrixOneClient} on the Vert.x MySQL client, the same
 * operations and managers as the sync client returning {@link java.util.concurrent.CompletionStage}s, and
 * {@link io.matrixone.async.AsyncTransaction}: raw SQL, MatrixOne operations and a Hibernate Reactive session on one
 * connection, one Vert.x context and one transaction. Nothing here blocks (a test scans the bytecode).
 */
package io.matrixone.async;
