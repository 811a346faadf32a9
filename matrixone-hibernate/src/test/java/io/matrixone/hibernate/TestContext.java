package io.matrixone.hibernate;

import io.matrixone.client.TransactionContext;
import io.matrixone.core.version.ServerVersion;

import java.sql.Connection;

/** A transaction context over any connection, to drive a binding the way a transaction does. */
record TestContext(Connection connection, ServerVersion serverVersion) implements TransactionContext {
    TestContext(Connection connection) {
        this(connection, ServerVersion.of(4, 2, 0));
    }
}
