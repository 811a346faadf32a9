package io.matrixone.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.matrixone.core.version.ServerVersion;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.Timeouts;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.TransactionSettings;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.connections.internal.DataSourceConnectionProvider;
import org.hibernate.engine.jdbc.connections.internal.UserSuppliedConnectionProviderImpl;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Configuration and factory building, offline: no factory here may need a server. */
class MatrixOneHibernateTest {

    @Test
    void buildsAFactoryWithoutAnyConnectionUsingMySql8030() {
        try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(User.class)) {
            var dialect = orm.sessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            assertThat(dialect).isInstanceOf(MatrixOneDialect.class).isInstanceOf(MySQLDialect.class);
            assertThat(dialect.getVersion().isSame(DatabaseVersion.make(8, 0, 30))).isTrue();
        }
    }

    @Test
    void locksUseOnlyTheSyntaxMatrixOneParses() {
        MatrixOneDialect dialect = new MatrixOneDialect();
        assertThat(dialect.getForUpdateString("u1_0")).isEqualTo(" for update");
        assertThat(dialect.getWriteLockString("u1_0", Timeouts.NO_WAIT)).isEqualTo(" for update");
        assertThat(dialect.getWriteLockString("u1_0", Timeouts.SKIP_LOCKED)).isEqualTo(" for update");
        assertThat(dialect.getWriteLockString(Timeouts.NO_WAIT)).isEqualTo(" for update");
        assertThat(dialect.getReadLockString("u1_0", Timeouts.WAIT_FOREVER)).isEqualTo(" for share");
        assertThat(dialect.getForUpdateNowaitString("u1_0")).isEqualTo(" for update");
        assertThat(dialect.getForUpdateSkipLockedString("u1_0")).isEqualTo(" for update");
    }

    @Test
    void configureKeepsTheUsersSettingsButAlwaysInstallsTheMatrixOneStrategy() {
        Configuration cfg = new Configuration();
        cfg.setProperty(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, "8.0.36");
        cfg.setProperty(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY, "jdbc");

        MatrixOneHibernate.configure(cfg);

        assertThat(cfg.getProperties().get(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION)).isEqualTo("8.0.36");
        assertThat(cfg.getProperties().get(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME)).isEqualTo("MySQL");
        assertThat(cfg.getProperties().get(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY))
                .isInstanceOf(MatrixOneTransactionCoordinatorBuilder.class);
        assertThat(cfg.getProperties().get(JdbcSettings.ALLOW_METADATA_ON_BOOT)).isEqualTo("false");
        assertThat(cfg.getProperties()).doesNotContainKey(TransactionSettings.ALLOW_UPDATE_OUTSIDE_TRANSACTION);
    }

    @Test
    void everyFactoryGetsItsOwnStrategyInstance() {
        assertThat(MatrixOneHibernate.settings().get(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY))
                .isNotSameAs(MatrixOneHibernate.settings().get(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY));
    }

    @Test
    void bindsAFactoryTheUserBuiltWithConfigure() {
        Configuration cfg = MatrixOneHibernate.configure(new Configuration().addAnnotatedClass(User.class));
        try (SessionFactory factory = cfg.buildSessionFactory()) {
            assertThat(MatrixOneHibernate.binding(factory)).isNotNull();
        }
    }

    @Test
    void refusesAFactoryWithHibernatesOwnTransactions() {
        Configuration cfg = new Configuration().addAnnotatedClass(User.class)
                .setProperty(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, MatrixOneHibernate.DATABASE_PRODUCT)
                .setProperty(JdbcSettings.ALLOW_METADATA_ON_BOOT, false);
        try (SessionFactory factory = cfg.buildSessionFactory()) {
            assertThatThrownBy(() -> MatrixOneHibernate.binding(factory))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MatrixOneHibernate.configure");
        }
    }

    @Test
    void builderPropertiesOverrideDefaultsButNotTheStrategy() {
        try (MatrixOneSessionFactory orm = MatrixOneHibernate.builder().entities(User.class)
                .property(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY, "jdbc")
                .property("hibernate.jdbc.batch_size", 20)
                .build()) {
            SessionFactoryImplementor sf = orm.sessionFactory().unwrap(SessionFactoryImplementor.class);
            assertThat(sf.getSessionFactoryOptions().getJdbcBatchSize()).isEqualTo(20);
            assertThat(MatrixOneHibernate.binding(orm.sessionFactory())).isNotNull();
        }
    }

    @Test
    void readsTheMySqlVersionMatrixOneAnnounces() {
        assertThat(MatrixOneHibernate.mysqlVersionOf(ServerVersion.parse("8.0.30-MatrixOne-v4.2.0"))).isEqualTo("8.0.30");
        assertThat(MatrixOneHibernate.mysqlVersionOf(ServerVersion.parse("8.0.36-OmniFabric-v4.0.0-rc2")))
                .isEqualTo("8.0.36");
        assertThat(MatrixOneHibernate.mysqlVersionOf(ServerVersion.of(4, 2, 0))).isEqualTo("8.0.30");
        assertThat(MatrixOneHibernate.mysqlVersionOf(ServerVersion.DEV)).isEqualTo("8.0.30");
    }

    @Test
    void theDialectFollowsTheServersMySqlVersion() {
        try (MatrixOneSessionFactory orm = MatrixOneHibernate.builder()
                .server(ServerVersion.parse("8.0.36-MatrixOne-v4.2.0")).entities(User.class).build()) {
            var dialect = orm.sessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            assertThat(dialect.getVersion().isSame(DatabaseVersion.make(8, 0, 36))).isTrue();
        }
    }

    @Test
    void closeIsIdempotent() {
        MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(User.class);
        orm.close();
        orm.close();
        assertThat(orm.sessionFactory().isOpen()).isFalse();
    }
    @Test
    void aFactoryWithoutDataSourceUsesTheUserSuppliedProviderWithoutWarningHhh102003() {
        List<String> warnings = hibernateWarnings(() -> {
            try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(User.class)) {
                ConnectionProvider provider = orm.sessionFactory().unwrap(SessionFactoryImplementor.class)
                        .getServiceRegistry().requireService(ConnectionProvider.class);
                assertThat(provider).isInstanceOf(UserSuppliedConnectionProviderImpl.class);
            }
        });
        assertThat(warnings).noneMatch(w -> w.contains("102003"));
    }

    @Test
    void theWarningCheckWouldSeeHhh102003FromAFactoryThatLeftTheProviderToHibernate() {
        List<String> warnings = hibernateWarnings(() -> {
            Configuration cfg = MatrixOneHibernate.configure(new Configuration().addAnnotatedClass(User.class));
            cfg.buildSessionFactory().close();
        });
        assertThat(warnings).anyMatch(w -> w.contains("102003"));
    }

    @Test
    void aFactoryWithADataSourceKeepsHibernatesDataSourceProvider() {
        // never asked for a connection: the factory opens none at boot
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("no connection in an offline test");
                });
        try (MatrixOneSessionFactory orm = MatrixOneHibernate.builder().entities(User.class).dataSource(unreachable)
                .build()) {
            ConnectionProvider provider = orm.sessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getServiceRegistry().requireService(ConnectionProvider.class);
            assertThat(provider).isNotInstanceOf(UserSuppliedConnectionProviderImpl.class)
                    .isInstanceOf(DataSourceConnectionProvider.class);
        }
    }

    /** The WARN lines Hibernate logs (through SLF4J, see the surefire configuration) while {@code action} runs. */
    private static List<String> hibernateWarnings(Runnable action) {
        Logger hibernate = (Logger) LoggerFactory.getLogger("org.hibernate");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        hibernate.addAppender(appender);
        try {
            action.run();
        } finally {
            hibernate.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
