/**
 * Not API. The transaction rules, once, without I/O: what a transaction does with each statement or operation
 * ({@code TransactionRules}: run now, queue after commit, refuse; {@code SqlKind} classifies raw SQL), its state
 * ({@code TransactionState}), the after-commit plan with its undo ({@code AfterCommitPlan}, run blocking or composed
 * as stages), the joined-handle rules ({@code JoinedHandle}) and what a failed COMMIT means
 * ({@code CommitFailures}). Both clients call them.
 */
package io.matrixone.core.internal.tx;
