package io.matrixone.async.internal;

import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.TransactionConflictException;
import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class StagesTest {

    @Test
    void serverErrorsAreClassifiedByNumberWithThePlainMessage() {
        RuntimeException e = Stages.translate(new MySQLException(
                "internal error: unclassified statement appears in uncommitted transaction", 20101, "HY000"), "CREATE SNAPSHOT s");
        assertThat(e).isInstanceOf(NotAllowedInTransactionException.class);
        assertThat(((MatrixOneException) e).serverMessage()).isEqualTo(
                "internal error: unclassified statement appears in uncommitted transaction");
        assertThat(((MatrixOneException) e).errorCode()).isEqualTo(20101);
    }

    @Test
    void conflictsAreRetryableButCommitUnknownIsNot() {
        assertThat(((MatrixOneException) Stages.translate(new MySQLException("conflict", 20619, "HY000"), null))
                .isRetryable()).isTrue();
        assertThat(Stages.translate(new MySQLException("conflict", 20619, "HY000"), null))
                .isInstanceOf(TransactionConflictException.class);
        assertThat(((MatrixOneException) Stages.translate(new MySQLException("unknown", 20638, "HY000"), null))
                .isRetryable()).isFalse();
    }

    @Test
    void aBatchFailureIsItsFirstRowsServerError() {
        MySQLBatchException batch = new MySQLBatchException();
        batch.reportError(3, new MySQLException("Duplicate entry 'x'", 1062, "23000"));
        batch.reportError(1, new MySQLException("Duplicate entry 'y'", 1062, "23000"));
        RuntimeException e = Stages.translate(new CompletionException(batch), "INSERT");
        assertThat(e).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("'y'");
    }

    @Test
    void aClosedConnectionIsConnectionLost() {
        assertThat(Stages.translate(ClosedConnectionException.INSTANCE, "SELECT 1")).isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void callersOwnExceptionsPassUnchanged() {
        IllegalStateException mine = new IllegalStateException("mine");
        assertThat(Stages.translate(new CompletionException(mine), null)).isSameAs(mine);
    }

    @Test
    void literalsAreRedactedInTheExceptionSql() {
        RuntimeException e = Stages.translate(new MySQLException("denied", 1045, "28000"),
                "CREATE USER u IDENTIFIED BY 'secret'");
        assertThat(e.getMessage()).doesNotContain("secret");
    }

    @Test
    void toStageTranslatesFailures() {
        Throwable e = Stages.toStage(Future.failedFuture(new MySQLException("dup", 1062, "23000")))
                .handle((v, err) -> err).toCompletableFuture().join();
        assertThat(Stages.unwrap(e)).isInstanceOf(DuplicateKeyException.class);
    }
}
