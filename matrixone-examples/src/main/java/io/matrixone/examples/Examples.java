package io.matrixone.examples;

import io.matrixone.examples.async.AsyncBatchOperations;
import io.matrixone.examples.async.AsyncConcurrentOperations;
import io.matrixone.examples.async.AsyncHybridSearch;
import io.matrixone.examples.async.AsyncManagerTour;
import io.matrixone.examples.async.AsyncQuickStart;
import io.matrixone.examples.async.AsyncRollbackOnError;
import io.matrixone.examples.async.AsyncUnifiedTransaction;
import io.matrixone.examples.sync.BackupWithVerification;
import io.matrixone.examples.sync.BatchInsertThenSnapshot;
import io.matrixone.examples.sync.DataMigration;
import io.matrixone.examples.sync.DevEnvironmentClone;
import io.matrixone.examples.sync.ErrorHandling;
import io.matrixone.examples.sync.FulltextSearch;
import io.matrixone.examples.sync.MoCtlAndVersion;
import io.matrixone.examples.sync.PoolAndEvents;
import io.matrixone.examples.sync.QuickStart;
import io.matrixone.examples.sync.RollbackOnError;
import io.matrixone.examples.sync.SemanticSearch;
import io.matrixone.examples.sync.SnapshotsAndTimeTravel;
import io.matrixone.examples.sync.UnifiedTransaction;

import java.util.List;

/**
 * Every example, in the order {@link RunExamples} runs them: the sync ones ({@code io.matrixone.examples.sync}),
 * then the async ones ({@code io.matrixone.examples.async}). Adding one is one line here.
 */
public final class Examples {
    private Examples() {
    }

    public static List<Example> all() {
        return List.of(
                new QuickStart(),
                new UnifiedTransaction(),
                new RollbackOnError(),
                new BatchInsertThenSnapshot(),
                new PoolAndEvents(),
                new DataMigration(),
                new BackupWithVerification(),
                new DevEnvironmentClone(),
                new SnapshotsAndTimeTravel(),
                new ErrorHandling(),
                new MoCtlAndVersion(),
                new SemanticSearch(),
                new FulltextSearch(),
                new AsyncQuickStart(),
                new AsyncUnifiedTransaction(),
                new AsyncRollbackOnError(),
                new AsyncConcurrentOperations(),
                new AsyncBatchOperations(),
                new AsyncManagerTour(),
                new AsyncHybridSearch());
    }
}
