/**
 * The MatrixOne SDK's non-blocking client, on the Vert.x MySQL client: {@link io.matrixone.async.AsyncMatrixOneClient}
 * and its transactions. {@code io.matrixone.async.internal} is exported to the SDK's Hibernate Reactive module only.
 */
module io.matrixone.async {
    requires transitive io.matrixone.core;
    requires transitive io.vertx.core;
    requires transitive io.vertx.client.sql;
    requires io.vertx.client.sql.mysql;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires org.slf4j;

    exports io.matrixone.async;
    exports io.matrixone.async.internal to io.matrixone.hibernate.reactive;
}
