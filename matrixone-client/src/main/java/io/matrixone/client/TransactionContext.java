package io.matrixone.client;

import io.matrixone.core.version.ServerVersion;

import java.sql.Connection;

/** What an {@link OrmBinding} may use of a transaction. */
public interface TransactionContext {

    /**
     * The transaction's own JDBC connection, guarded: {@code commit()}, {@code rollback()},
     * {@code setAutoCommit(..)}, savepoints and {@code close()} fail or do nothing, because the transaction
     * owns them.
     */
    Connection connection();

    /** The version of the server the transaction runs on. */
    ServerVersion serverVersion();
}
