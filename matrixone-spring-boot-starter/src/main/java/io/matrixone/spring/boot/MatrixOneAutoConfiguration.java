package io.matrixone.spring.boot;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.event.StatementListener;
import io.matrixone.spring.boot.hibernate.SpringTransactionCoordinatorBuilder;
import io.matrixone.spring.boot.observability.AsyncPoolGauges;
import io.matrixone.spring.boot.observability.MatrixOneMetrics;
import io.matrixone.spring.boot.observability.MatrixOneTracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.opentelemetry.api.OpenTelemetry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionManager;

/**
 * The MatrixOne clients for a Spring Boot application, from the {@code matrixone.*} properties
 * ({@link MatrixOneProperties}):
 * <ul>
 *   <li>a {@link MatrixOneClient}, and an {@link AsyncMatrixOneClient} when matrixone-async is on the class path;</li>
 *   <li>the client's pool as the application's {@link DataSource}, so JdbcTemplate, JPA and Flyway share it;</li>
 *   <li>a {@link MatrixOneTransactionManager}: {@code @Transactional} methods run as unified MatrixOne
 *       transactions (JPA gets the matching Hibernate transaction strategy);</li>
 *   <li>health indicators ({@code matrixOne}, {@code matrixOneAsync}), Micrometer meters and OpenTelemetry spans
 *       when those libraries are present, and a graceful shutdown.</li>
 * </ul>
 * Ordered before Boot's DataSource, JPA and transaction auto-configurations, which then back off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass(MatrixOneClient.class)
@ConditionalOnBooleanProperty(name = "matrixone.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MatrixOneProperties.class)
public class MatrixOneAutoConfiguration {

    /** Makes a statement listener that needs the client's final options (where it connects). */
    @FunctionalInterface
    public interface ListenerFactory {
        /** A listener for a client with {@code options}, or {@code null} for none. */
        StatementListener create(ClientOptions options);
    }

    /** The options from the properties, the customizers and the listener beans. */
    static ClientOptions options(MatrixOneProperties properties, ObjectProvider<MatrixOneOptionsCustomizer> customizers,
                                 ObjectProvider<StatementListener> listeners, ObjectProvider<ListenerFactory> factories) {
        ClientOptions.Builder b = properties.toBuilder();
        customizers.orderedStream().forEach(c -> c.customize(b));
        listeners.orderedStream().forEach(b::listener);
        ClientOptions partial = b.build();
        factories.orderedStream().map(f -> f.create(partial)).filter(l -> l != null).forEach(b::listener);
        return b.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MatrixOneClient matrixOneClient(MatrixOneProperties properties,
                                           ObjectProvider<MatrixOneOptionsCustomizer> customizers,
                                           ObjectProvider<StatementListener> listeners,
                                           ObjectProvider<ListenerFactory> factories) {
        return MatrixOneClient.create(options(properties, customizers, listeners, factories));
    }

    /** The client's pool: one pool for the SDK and everything that takes a DataSource. */
    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    public DataSource dataSource(MatrixOneClient client) {
        return client.dataSource();
    }

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    public MatrixOneTransactionManager transactionManager(MatrixOneClient client) {
        return new MatrixOneTransactionManager(client);
    }

    @Bean
    public MatrixOneShutdown matrixOneShutdown(MatrixOneProperties properties, MatrixOneClient client,
                                               ObjectProvider<AsyncIdle> async) {
        AsyncIdle asyncIdle = async.getIfAvailable(() -> () -> true);
        BooleanSupplier idle = () -> client.poolStats().active() == 0 && asyncIdle.getAsBoolean();
        return new MatrixOneShutdown(idle, properties.getShutdown().getTimeout());
    }

    /** Whether the async client has nothing running; a type of its own so the sync-only path never loads it. */
    @FunctionalInterface
    interface AsyncIdle extends BooleanSupplier {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AsyncMatrixOneClient.class)
    @ConditionalOnBooleanProperty(name = "matrixone.async.enabled", matchIfMissing = true)
    static class AsyncClientConfiguration {

        /** Closed by {@link #matrixOneAsyncClientCloser}, which waits for the close to complete. */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        AsyncMatrixOneClient asyncMatrixOneClient(MatrixOneProperties properties,
                                                  ObjectProvider<MatrixOneOptionsCustomizer> customizers,
                                                  ObjectProvider<StatementListener> listeners,
                                                  ObjectProvider<ListenerFactory> factories) {
            return AsyncMatrixOneClient.create(options(properties, customizers, listeners, factories));
        }

        @Bean
        DisposableBean matrixOneAsyncClientCloser(AsyncMatrixOneClient client) {
            return () -> client.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        @Bean
        AsyncIdle matrixOneAsyncIdle(AsyncMatrixOneClient client) {
            return () -> client.poolStats().transactionConnectionsInUse() == 0 && client.poolStats().statementsInFlight() == 0;
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        static class AsyncHealthConfiguration {
            @Bean
            @ConditionalOnEnabledHealthIndicator("matrixone")
            @ConditionalOnMissingBean(name = "matrixOneAsyncHealthIndicator")
            AsyncMatrixOneHealthIndicator matrixOneAsyncHealthIndicator(AsyncMatrixOneClient client,
                                                                        MatrixOneProperties properties) {
                Duration timeout = properties.getConnectTimeout() != null ? properties.getConnectTimeout()
                        : ClientOptions.DEFAULT_CONNECT_TIMEOUT;
                return new AsyncMatrixOneHealthIndicator(client, timeout);
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterRegistry.class)
        @ConditionalOnBooleanProperty(name = "matrixone.metrics.enabled", matchIfMissing = true)
        static class AsyncMetricsConfiguration {
            @Bean
            MeterBinder matrixOneAsyncPoolMetrics(AsyncMatrixOneClient client) {
                return AsyncPoolGauges.of(client);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnEnabledHealthIndicator("matrixone")
        @ConditionalOnMissingBean(name = "matrixOneHealthIndicator")
        MatrixOneHealthIndicator matrixOneHealthIndicator(MatrixOneClient client) {
            return new MatrixOneHealthIndicator(client);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "matrixone.metrics.enabled", matchIfMissing = true)
    static class MetricsConfiguration {

        /** Statement timers and after-commit counters, from the statement listeners of both clients. */
        @Bean
        MatrixOneMetrics matrixOneMetrics(ObjectProvider<MeterRegistry> registry) {
            return new MatrixOneMetrics(registry::getIfAvailable);
        }

        @Bean
        MeterBinder matrixOnePoolMetrics(MatrixOneClient client) {
            return MatrixOneMetrics.poolGauges(client);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenTelemetry.class)
    @ConditionalOnBooleanProperty(name = "matrixone.tracing.enabled", matchIfMissing = true)
    static class TracingConfiguration {

        /** A span per statement when the application has an OpenTelemetry bean. */
        @Bean
        ListenerFactory matrixOneTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
            return options -> {
                OpenTelemetry otel = openTelemetry.getIfAvailable();
                return otel == null ? null : new MatrixOneTracing(otel, options);
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer",
            "org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder"})
    static class HibernateConfiguration {

        /**
         * JPA sessions opened inside a MatrixOne transaction see it as theirs (flush before queries, writes), when
         * the application's transaction manager is this starter's. The dialect is MySQL's (MatrixOne speaks MySQL
         * 8.0) unless the application names one, and Hibernate does not read JDBC metadata to choose it: Connector/J
         * answers that by querying {@code INFORMATION_SCHEMA.KEYWORDS.RESERVED}, a MySQL-only column (missing behind
         * the emulator, where startup then fails).
         */
        @Bean
        HibernatePropertiesCustomizer matrixOneHibernateTransactions(ObjectProvider<TransactionManager> managers) {
            return properties -> {
                if (!properties.containsKey("hibernate.dialect")) {
                    properties.put("hibernate.dialect", "org.hibernate.dialect.MySQLDialect");
                    properties.putIfAbsent("hibernate.boot.allow_jdbc_metadata_access", "false");
                }
                if (managers.getIfUnique() instanceof MatrixOneTransactionManager transactions) {
                    properties.put("hibernate.transaction.coordinator_class",
                            new SpringTransactionCoordinatorBuilder(transactions::currentTransactionOrNull));
                }
            };
        }
    }
}
