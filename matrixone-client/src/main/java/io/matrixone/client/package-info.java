/**
 * The synchronous MatrixOne client and unified transactions.
 *
 * <p>{@link io.matrixone.client.MatrixOneClient} runs raw SQL (always with bound parameters), streams large
 * results in constant memory (MatrixOne has no cursor fetch) and runs MatrixOne operations built by the dialect.
 * {@link io.matrixone.client.Transaction} gives raw SQL, MatrixOne operations and an ORM session one connection
 * and one database transaction:
 * <ul>
 *   <li>it begins with an explicit {@code BEGIN}: only then does MatrixOne make CLONE and DATA BRANCH transactional;</li>
 *   <li>what MatrixOne refuses inside a transaction (snapshots, restore, PITR, publications, accounts) becomes an
 *       {@link io.matrixone.core.tx.AfterCommit after-commit step}: run in order right after COMMIT, never on rollback,
 *       undone together when one fails;</li>
 *   <li>{@code SET} is refused (it commits an open transaction on MatrixOne up to 4.2.0), and so are transaction
 *       control and savepoints (MatrixOne cannot roll back to one): a nested transaction joins the outer one;</li>
 *   <li>the lambda form retries the whole body on MatrixOne's conflict codes, never on 20638 "commit status unknown".</li>
 * </ul>
 * JDBC and HikariCP details live in {@code io.matrixone.client.internal}, which is not API.
 */
package io.matrixone.client;
