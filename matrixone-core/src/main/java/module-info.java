/**
 * The MatrixOne SDK's core: options, the MatrixOne dialect (every statement the SDK builds, as an
 * {@link io.matrixone.core.dialect.Operation} either client runs), models, results, the manager interfaces and the
 * exception hierarchy. No I/O.
 *
 * <p>The {@code io.matrixone.core.internal} packages are shared by the SDK's own modules only: exported to them and
 * to nobody else.
 */
module io.matrixone.core {
    requires java.sql;
    requires org.slf4j;

    exports io.matrixone.core.bulk;
    exports io.matrixone.core.config;
    exports io.matrixone.core.dialect;
    exports io.matrixone.core.error;
    exports io.matrixone.core.event;
    exports io.matrixone.core.manager;
    exports io.matrixone.core.model;
    exports io.matrixone.core.result;
    exports io.matrixone.core.retry;
    exports io.matrixone.core.search;
    exports io.matrixone.core.tx;
    exports io.matrixone.core.version;

    exports io.matrixone.core.internal.error to io.matrixone.client, io.matrixone.async;
    exports io.matrixone.core.internal.event to io.matrixone.client, io.matrixone.async;
    exports io.matrixone.core.internal.sql to io.matrixone.client, io.matrixone.async;
    exports io.matrixone.core.internal.tx to io.matrixone.client, io.matrixone.async;
}
