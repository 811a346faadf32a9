/**
 * {@link io.matrixone.core.retry.RetryPolicy}: how often and how long a transaction body is run again after a
 * conflict MatrixOne says is worth retrying; never after "commit status unknown".
 */
package io.matrixone.core.retry;
