/**
 * Values of after-commit steps, the part of a unified transaction MatrixOne refuses to run inside one (snapshots,
 * restores, PITRs, publications, accounts): {@link io.matrixone.core.tx.AfterCommit} on the sync client,
 * {@link io.matrixone.core.tx.AfterCommitStage} on the async one. The transaction rules themselves are in
 * {@code io.matrixone.core.internal.tx}, shared by both clients.
 */
package io.matrixone.core.tx;
