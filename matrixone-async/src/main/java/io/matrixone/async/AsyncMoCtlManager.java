package io.matrixone.async;

import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.MoCtlService;

import java.util.concurrent.CompletionStage;

/**
 * MatrixOne's {@code mo_ctl} control function (account sys, role moadmin only). It is allowed inside a
 * transaction but is not transactional: a flush or checkpoint is not undone by ROLLBACK.
 */
public interface AsyncMoCtlManager {

    /** Flushes a table's in-memory data to storage ({@code mo_ctl('dn', 'flush', 'db.table')}). */
    CompletionStage<MoCtlResult> flush(String database, String table);

    CompletionStage<MoCtlResult> flushTable(long tableId);

    /** {@code mo_ctl('dn', 'checkpoint', '')}. */
    CompletionStage<MoCtlResult> checkpoint();

    /** {@code mo_ctl('dn', 'globalcheckpoint', '')}. */
    CompletionStage<MoCtlResult> globalCheckpoint();

    /** Any supported command; the command is checked against MatrixOne's list before anything is sent. */
    CompletionStage<MoCtlResult> call(MoCtlService service, String command, String parameter);
}
