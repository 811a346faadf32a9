package io.matrixone.client;

import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.MoCtlService;

/**
 * MatrixOne's {@code mo_ctl} control function (account sys, role moadmin only). It is allowed inside a
 * transaction but is not transactional: a flush or checkpoint is not undone by ROLLBACK.
 */
public interface MoCtlManager {

    /** Flushes a table's in-memory data to storage ({@code mo_ctl('dn', 'flush', 'db.table')}). */
    MoCtlResult flush(String database, String table);

    MoCtlResult flushTable(long tableId);

    /** {@code mo_ctl('dn', 'checkpoint', '')}. */
    MoCtlResult checkpoint();

    /** {@code mo_ctl('dn', 'globalcheckpoint', '')}. */
    MoCtlResult globalCheckpoint();

    /** Any supported command; the command is checked against MatrixOne's list before anything is sent. */
    MoCtlResult call(MoCtlService service, String command, String parameter);
}
