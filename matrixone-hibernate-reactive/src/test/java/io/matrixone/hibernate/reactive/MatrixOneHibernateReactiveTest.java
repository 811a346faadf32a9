package io.matrixone.hibernate.reactive;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.vertx.core.Vertx;

import org.hibernate.cfg.JdbcSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.matrixone.hibernate.reactive.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offline: building a factory opens no connection (port 1 has no server) and sets Hibernate up for MatrixOne. */
class MatrixOneHibernateReactiveTest {
    private Vertx vertx;
    private AsyncMatrixOneClient client;

    @BeforeEach
    void client() {
        vertx = Vertx.vertx();
        client = AsyncMatrixOneClient.create(ClientOptions.builder().host("127.0.0.1").port(1).user("root")
                .password("111").build(), vertx);
    }

    @AfterEach
    void close() {
        await(client.close());
        await(vertx.close().toCompletionStage());
    }

    @Test
    void settingsTurnMetadataAccessOffAndNameTheMySqlVersionMatrixOneAnnounces() {
        assertThat(MatrixOneHibernateReactive.settings())
                .containsEntry(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false")
                .containsEntry(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "MySQL")
                .containsEntry(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, "8.0.30");
    }

    @Test
    void buildsWithoutAServerOnTheMySqlDialect() {
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, vertx, User.class);
        try {
            Dialect dialect = orm.hibernateFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect();
            assertThat(dialect).isInstanceOf(MySQLDialect.class);
            assertThat(dialect.getVersion().getMajor()).isEqualTo(8);
            assertThat(orm.stage()).isSameAs(orm.stage());
            assertThat(orm.mutiny()).isSameAs(orm.mutiny());
            assertThat(orm.openingSessions()).isZero();
        } finally {
            await(orm.closeAsync());
        }
        assertThat(orm.stageSessionFactory().isOpen()).isFalse();
        await(orm.closeAsync()); // idempotent
    }

    @Test
    void aFactoryWithoutVertxCreatesAndClosesItsOwn() {
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.builder().client(client).entities(User.class)
                .poolSize(2).build();
        await(orm.closeAsync());
        assertThat(orm.mutinySessionFactory().isOpen()).isFalse();
    }

    @Test
    void aClientIsRequired() {
        assertThatThrownBy(() -> MatrixOneHibernateReactive.builder().entities(User.class).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client is required");
        assertThatThrownBy(() -> MatrixOneHibernateReactive.builder().poolSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolSize");
    }

    @Test
    void aSessionKeyWithoutABoundTransactionIsRefusedClearly() {
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, vertx, User.class);
        try {
            // Hibernate Reactive asks for the tenant's pool before it builds a stage: the refusal is thrown
            assertThatThrownBy(() -> orm.stageSessionFactory().openSession("someone-else"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no MatrixOne transaction is bound to session key 'someone-else'");
        } finally {
            await(orm.closeAsync());
        }
    }
}
