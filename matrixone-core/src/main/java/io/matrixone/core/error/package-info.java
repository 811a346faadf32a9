/**
 * The one unchecked exception root, {@link io.matrixone.core.error.MatrixOneException} (the server's error number,
 * SQLSTATE and redacted SQL), and its subclasses, one per situation a caller handles differently: exists / not
 * found, duplicate key, conflicts worth retrying, a commit whose outcome is unknown, statements a transaction refuses,
 * lost connections, access denied.
 */
package io.matrixone.core.error;
