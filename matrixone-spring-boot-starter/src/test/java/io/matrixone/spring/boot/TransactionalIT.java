package io.matrixone.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code @Transactional} semantics through TransactionTemplate: JdbcTemplate and the SDK in one transaction. */
@ExtendWith(EmulatorExtension.class)
class TransactionalIT {

    record Parts(MatrixOneClient client, MatrixOneTransactionManager tm, JdbcTemplate jdbc, TransactionTemplate tx) {
        static Parts of(ApplicationContext ctx) {
            MatrixOneTransactionManager tm = (MatrixOneTransactionManager) ctx.getBean(PlatformTransactionManager.class);
            return new Parts(ctx.getBean(MatrixOneClient.class), tm, new JdbcTemplate(ctx.getBean(DataSource.class)),
                    new TransactionTemplate(tm));
        }

        long count(String table) {
            return client.query("SELECT COUNT(*) FROM " + table).scalarLong();
        }
    }

    @Test
    void jdbcTemplateAndTheSdkShareOneTransactionAndTheSnapshotIsTakenAtCommit(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            String table = Contexts.unique("tx_users");
            String snapshot = Contexts.unique("snap");
            p.client().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
            mo.statements().clear();
            long seen = p.tx().execute(status -> {
                p.jdbc().update("INSERT INTO " + table + " VALUES (1, 'jdbc')");
                p.client().execute("INSERT INTO " + table + " VALUES (2, 'sdk')");
                p.tm().currentTransaction().snapshots().create(SnapshotSpec.database(snapshot, mo.database()));
                assertThat(p.client().snapshots().exists(snapshot)).isFalse(); // queued, not taken yet
                assertThat(p.client().poolStats().active()).isEqualTo(1); // one connection for all of it
                return p.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            });
            assertThat(seen).isEqualTo(2);
            assertThat(p.count(table)).isEqualTo(2);
            assertThat(p.client().snapshots().exists(snapshot)).isTrue();
            List<String> sqls = mo.statements().sqls();
            int commit = sqls.indexOf("COMMIT");
            int create = indexContaining(sqls, "CREATE SNAPSHOT `" + snapshot + "`");
            assertThat(commit).isNotNegative();
            assertThat(create).isGreaterThan(commit);
            assertThat(p.client().poolStats().active()).isZero();
        });
    }

    @Test
    void rollbackUndoesBothWritersAndTakesNoSnapshot(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            String table = Contexts.unique("tx_rb");
            String snapshot = Contexts.unique("snap");
            p.client().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            assertThatThrownBy(() -> p.tx().executeWithoutResult(status -> {
                p.jdbc().update("INSERT INTO " + table + " VALUES (1)");
                p.client().execute("INSERT INTO " + table + " VALUES (2)");
                p.tm().currentTransaction().snapshots().create(SnapshotSpec.database(snapshot, mo.database()));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(p.count(table)).isZero();
            assertThat(p.client().snapshots().exists(snapshot)).isFalse();
            assertThat(mo.statements().containsSql("CREATE SNAPSHOT `" + snapshot)).isFalse();
            assertThat(p.client().poolStats().active()).isZero();
        });
    }

    @Test
    void aDuplicateKeyInsideRollsBackWithTheSdksException(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            String table = Contexts.unique("tx_dup");
            p.client().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            assertThatThrownBy(() -> p.tx().executeWithoutResult(status -> {
                p.jdbc().update("INSERT INTO " + table + " VALUES (1)");
                p.client().execute("INSERT INTO " + table + " VALUES (1)");
            })).isInstanceOf(io.matrixone.core.error.DuplicateKeyException.class);
            assertThat(p.count(table)).isZero();
        });
    }

    @Test
    void nestedFailsLoudlyWithOrWithoutAnOuterTransaction(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            TransactionTemplate nested = new TransactionTemplate(p.tm());
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            assertThatThrownBy(() -> nested.executeWithoutResult(s -> { }))
                    .isInstanceOf(NestedTransactionNotSupportedException.class)
                    .hasMessageContaining("savepoint");
            assertThatThrownBy(() -> p.tx().executeWithoutResult(s -> nested.executeWithoutResult(n -> { })))
                    .isInstanceOf(NestedTransactionNotSupportedException.class);
            assertThat(p.client().poolStats().active()).isZero();
        });
    }

    @Test
    void anIsolationLevelIsRefusedBeforeAnythingIsSent(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            TransactionTemplate serializable = new TransactionTemplate(p.tm());
            serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
            mo.statements().clear();
            assertThatThrownBy(() -> serializable.executeWithoutResult(s -> { }))
                    .isInstanceOf(InvalidIsolationLevelException.class);
            assertThat(mo.statements().containsSql("BEGIN")).isFalse();
        });
    }

    @Test
    void requiresNewCommitsOnItsOwnWhileTheOuterRollsBack(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            String table = Contexts.unique("tx_new");
            p.client().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            TransactionTemplate requiresNew = new TransactionTemplate(p.tm());
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            assertThatThrownBy(() -> p.tx().executeWithoutResult(outer -> {
                p.jdbc().update("INSERT INTO " + table + " VALUES (1)");
                Transaction outerTx = p.tm().currentTransaction();
                requiresNew.executeWithoutResult(inner -> {
                    assertThat(p.tm().currentTransaction()).isNotSameAs(outerTx);
                    // a second connection: the outer transaction's uncommitted row is not visible here
                    assertThat(p.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).isZero();
                    p.client().execute("INSERT INTO " + table + " VALUES (2)");
                });
                assertThat(p.tm().currentTransaction()).isSameAs(outerTx);
                assertThat(p.count(table)).isEqualTo(2); // the outer one again: its own row and the committed one
                throw new IllegalStateException("outer fails");
            })).hasMessage("outer fails");
            assertThat(p.client().query("SELECT id FROM " + table).list(r -> r.getInt("id"))).containsExactly(2);
            assertThat(p.client().poolStats().active()).isZero();
        });
    }

    @Test
    void aFailedAfterCommitStepIsReportedAfterSpringsAfterCommitCallbacks(Emulator mo) {
        Contexts.on(mo).run(ctx -> {
            Parts p = Parts.of(ctx);
            String table = Contexts.unique("tx_step");
            String snapshot = Contexts.unique("snap");
            p.client().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            p.client().snapshots().create(SnapshotSpec.database(snapshot, mo.database())); // the step will collide
            List<String> callbacks = new ArrayList<>();
            assertThatThrownBy(() -> p.tx().executeWithoutResult(status -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        callbacks.add("afterCommit");
                    }
                });
                p.jdbc().update("INSERT INTO " + table + " VALUES (1)");
                p.tm().currentTransaction().snapshots().create(SnapshotSpec.database(snapshot, mo.database()));
            })).isInstanceOf(AfterCommitStepException.class);
            assertThat(callbacks).containsExactly("afterCommit");
            assertThat(p.count(table)).isEqualTo(1); // committed
            assertThat(p.client().poolStats().active()).isZero();
        });
    }

    @Test
    void currentTransactionOutsideOneIsAnError(Emulator mo) {
        Contexts.on(mo).run(ctx -> assertThatThrownBy(() -> Parts.of(ctx).tm().currentTransaction())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Transactional"));
    }

    private static int indexContaining(List<String> sqls, String part) {
        for (int i = 0; i < sqls.size(); i++) {
            if (sqls.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
