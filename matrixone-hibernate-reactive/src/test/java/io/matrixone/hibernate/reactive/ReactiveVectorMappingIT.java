package io.matrixone.hibernate.reactive;

import static io.matrixone.hibernate.reactive.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.Closing;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code float[]} / {@code double[]} entity attributes on {@code vecf32} / {@code vecf64} columns through Hibernate
 * Reactive in an async transaction: bound as MatrixOne's vector text in the prepared INSERT, read back as arrays.
 */
@ExtendWith(EmulatorExtension.class)
class ReactiveVectorMappingIT {

    @Test
    void vectorAttributesAreWrittenAndReadBack(Emulator mo) {
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(ReactiveTransactionIT.options(mo));
        try (var closing = Closing.of(client);
             MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, ReactiveVecDoc.class)) {
            await(client.execute("DROP TABLE IF EXISTS hr_vec_docs"));
            await(client.execute("CREATE TABLE hr_vec_docs (id BIGINT PRIMARY KEY, embedding vecf32(3), precise vecf64(2))"));
            try {
                await(client.inTransaction(tx -> tx.orm(orm.stage()).thenCompose(session -> session
                        .persist(new ReactiveVecDoc(1, new float[] {0.25f, -1f, 3f}, new double[] {0.1, 0.2})))));
                assertThat(await(client.query("SELECT embedding FROM hr_vec_docs WHERE id = 1")).one().getString(0))
                        .isEqualTo("[0.25, -1, 3]");
                mo.statementsIfRecorded().ifPresent(log -> assertThat(log.matching(e -> e.kind() == StatementLog.Kind.PREPARE))
                        .extracting(StatementLog.Entry::sql).anyMatch(s -> s.startsWith("insert into hr_vec_docs")));

                ReactiveVecDoc read = await(client.transaction(tx -> tx.orm(orm.stage())
                        .thenCompose(session -> session.find(ReactiveVecDoc.class, 1L))));
                assertThat(read.getEmbedding()).containsExactly(0.25f, -1f, 3f);
                assertThat(read.getPrecise()).containsExactly(0.1, 0.2);
            } finally {
                await(client.execute("DROP TABLE IF EXISTS hr_vec_docs"));
            }
        }
    }
}
