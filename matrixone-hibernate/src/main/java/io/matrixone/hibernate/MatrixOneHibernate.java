package io.matrixone.hibernate;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.OrmBinding;
import io.matrixone.core.version.ServerVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.cfg.TransactionSettings;
import org.hibernate.engine.jdbc.connections.internal.UserSuppliedConnectionProviderImpl;

/**
 * Hibernate ORM in MatrixOne transactions: ORM writes, raw SQL and MatrixOne operations on one connection and in
 * one database transaction.
 *
 * <pre>{@code
 * try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, User.class)) {
 *     client.transaction(tx -> {
 *         Session session = tx.orm(orm);                  // bound to tx's connection
 *         session.persist(new User(1, "ann", "ann@example.com"));
 *         tx.execute("INSERT INTO audit(msg) VALUES (?)", "user 1 created");   // the SDK flushes the session first
 *         tx.afterCommit("CREATE SNAPSHOT s1 FOR DATABASE app");              // taken after COMMIT: contains both rows
 *         return null;
 *     });                                                 // COMMIT (or ROLLBACK on throw); the session is discarded
 * }
 * }</pre>
 *
 * <p>The rules:
 * <ul>
 *   <li><b>One owner.</b> The MatrixOne transaction begins, commits and rolls back. ORM code that calls
 *       {@code session.beginTransaction()}, {@code getTransaction().begin()/commit()/rollback()} or
 *       {@code inTransaction(..)} on the bound session fails with an {@link IllegalStateException} that says so;
 *       {@code rollback()} also marks the transaction rollback-only. {@code getTransaction().setRollbackOnly()} is
 *       honoured: the transaction fails before its next raw statement or its COMMIT, and rolls back.</li>
 *   <li><b>One session per transaction.</b> {@code tx.orm(..)} opens it; the SDK flushes it before each raw
 *       statement and before COMMIT and discards it when the transaction ends, committed or not. A session must
 *       not be kept: after a rollback its entities describe rows that do not exist. Inside
 *       {@code client.transaction(..)}, which may run the body again after a conflict, call {@code tx.orm(..)} in
 *       the body.</li>
 *   <li><b>Raw SQL is invisible to loaded entities.</b> A raw statement that changes rows the session has
 *       already loaded is not reflected in those entities: call {@code session.refresh(entity)} or
 *       {@code session.clear()} after it. ORM queries do see raw rows (same connection).</li>
 *   <li><b>No completion callbacks.</b> The session is not told whether the transaction committed, so
 *       {@code Transaction.registerSynchronization(..)} is refused, and Hibernate's own completion steps
 *       (post-commit event listeners, second-level cache updates) do not run; Hibernate logs HHH90010101 when a
 *       session with such steps pending is discarded. Do not cache entities that MatrixOne transactions write,
 *       and register after-commit work with the MatrixOne transaction.</li>
 *   <li><b>Locks.</b> {@link MatrixOneDialect} renders pessimistic locks as plain {@code FOR UPDATE} /
 *       {@code FOR SHARE}: MatrixOne has no {@code OF}, {@code NOWAIT} or {@code SKIP LOCKED}.</li>
 * </ul>
 *
 * <p>How: {@link #configure} installs {@link MatrixOneTransactionCoordinatorBuilder}, through which Hibernate sees
 * the MatrixOne transaction as its own, active, transaction that it may not end. So auto-flush before queries,
 * pessimistic locks and writes work as in any transaction, and no session can end the transaction by any path
 * (not even the unwrapped {@code SessionImplementor}); {@code hibernate.allow_update_outside_transaction} is not
 * needed.
 *
 * <p>Statement listeners ({@code ClientOptions.Builder.listener(..)}) do not see the statements Hibernate sends
 * through a bound session: Hibernate runs them on the transaction's connection itself. They do see the SDK's own
 * statements around them (BEGIN, raw SQL, COMMIT ...).
 *
 * <p>Logging: Hibernate logs through JBoss Logging, which picks JUL unless the JVM is started with
 * {@code -Dorg.jboss.logging.provider=slf4j}; set it to get Hibernate's messages in the SDK's SLF4J backend.
 */
public final class MatrixOneHibernate {
    /** The MySQL version MatrixOne announces; Hibernate's MySQL dialect is configured for it. */
    public static final String MYSQL_VERSION = "8.0.30";
    /** The database product Hibernate is told it talks to. */
    public static final String DATABASE_PRODUCT = "MySQL";

    /** Settings by which Hibernate finds connections of its own; without any, it warns HHH102003. */
    private static final Set<String> CONNECTION_SETTINGS = Set.of(JdbcSettings.CONNECTION_PROVIDER,
            JdbcSettings.DATASOURCE, JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, JdbcSettings.JAKARTA_JTA_DATASOURCE,
            JdbcSettings.URL, JdbcSettings.JAKARTA_JDBC_URL);
    /** Prefixes of the pool settings that make Hibernate pick a pooling connection provider. */
    private static final List<String> POOL_PREFIXES = List.of("hibernate.c3p0.", "hibernate.hikari.", "hibernate.agroal.");

    /** {@code 8.0.30-MatrixOne-v4.2.0}: the MySQL version MatrixOne (or OmniFabric) puts before its own. */
    private static final Pattern MYSQL_PREFIX = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)-(?:MatrixOne|OmniFabric)-",
            Pattern.CASE_INSENSITIVE);

    private MatrixOneHibernate() {
    }

    /**
     * The settings MatrixOne needs, for a {@code Configuration} or a JPA bootstrap
     * ({@code Persistence.createEntityManagerFactory(unit, settings())}):
     * <ul>
     *   <li>{@value TransactionSettings#TRANSACTION_COORDINATOR_STRATEGY}: a new
     *       {@link MatrixOneTransactionCoordinatorBuilder} (one per factory);</li>
     *   <li>{@link MatrixOneDialect} (Hibernate's MySQL dialect, minus the lock syntax MatrixOne lacks), database
     *       product {@value #DATABASE_PRODUCT} {@value #MYSQL_VERSION} and
     *       {@value JdbcSettings#ALLOW_METADATA_ON_BOOT}{@code =false}:
     *       the factory never opens a connection of its own at boot, so it can be built before any server is
     *       reachable;</li>
     *   <li>{@value SchemaToolingSettings#HBM2DDL_AUTO}{@code =none}: no schema changes unless asked for.</li>
     * </ul>
     * No connection provider: a persistence unit may name a data source these settings cannot see, and an explicit
     * provider would win over it. A factory built with {@link #builder()} and no data source gets Hibernate's
     * user-supplied provider explicitly, so Hibernate does not warn HHH102003 ("no appropriate connection
     * provider") about the connections the SDK hands each bound session.
     */
    public static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY, new MatrixOneTransactionCoordinatorBuilder());
        settings.put(JdbcSettings.DIALECT, MatrixOneDialect.class.getName());
        settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, DATABASE_PRODUCT);
        settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, MYSQL_VERSION);
        settings.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false");
        settings.put(SchemaToolingSettings.HBM2DDL_AUTO, "none");
        return settings;
    }

    /**
     * Applies {@link #settings()} to {@code configuration}. The transaction strategy is always set (a factory
     * without it cannot be bound); the other settings only where the configuration has no value yet.
     *
     * @return {@code configuration}
     */
    public static Configuration configure(Configuration configuration) {
        Properties properties = Objects.requireNonNull(configuration, "configuration").getProperties();
        settings().forEach((key, value) -> {
            if (key.equals(TransactionSettings.TRANSACTION_COORDINATOR_STRATEGY)) {
                properties.put(key, value);
            } else {
                properties.putIfAbsent(key, value);
            }
        });
        return configuration;
    }

    /**
     * The binding of a factory you built yourself, for {@code tx.orm(binding)}. Create it once per factory.
     *
     * @throws IllegalArgumentException when the factory was not built with {@link #configure} (or its
     *                                  transaction strategy): Hibernate would then end the SDK's transaction
     */
    public static OrmBinding<Session> binding(SessionFactory factory) {
        return SessionBinding.of(factory);
    }

    /** Builds a factory for these entity classes with the MatrixOne settings and no connection of its own. */
    public static MatrixOneSessionFactory sessionFactory(Class<?>... entities) {
        return builder().entities(entities).build();
    }

    /**
     * Builds a factory for these entity classes, for the transactions of {@code client}: Hibernate's dialect
     * follows the MySQL version the client's server announces. The factory has no connection of its own (the
     * client exposes none): use it through {@code tx.orm(factory)}, also for reads.
     */
    public static MatrixOneSessionFactory sessionFactory(MatrixOneClient client, Class<?>... entities) {
        return builder().server(client.serverVersion()).entities(entities).build();
    }

    /**
     * The MySQL version a MatrixOne server announces ({@code 8.0.30} for {@code 8.0.30-MatrixOne-v4.2.0}), or
     * {@value #MYSQL_VERSION} when the version string does not carry one (e.g. a version pinned as {@code 4.2.0}).
     */
    static String mysqlVersionOf(ServerVersion server) {
        Matcher m = MYSQL_PREFIX.matcher(server.raw().trim());
        return m.find() ? m.group(1) : MYSQL_VERSION;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link MatrixOneSessionFactory}. */
    public static final class Builder {
        private final List<Class<?>> entities = new ArrayList<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<Consumer<Configuration>> customizers = new ArrayList<>();
        private DataSource dataSource;
        private String mysqlVersion;

        private Builder() {
        }

        /** Configures Hibernate's dialect for the MySQL version this server announces; see {@link #settings()}. */
        public Builder server(ServerVersion server) {
            this.mysqlVersion = mysqlVersionOf(Objects.requireNonNull(server, "server"));
            return this;
        }

        /** Annotated entity classes to map. */
        public Builder entities(Class<?>... classes) {
            for (Class<?> entity : classes) {
                entities.add(Objects.requireNonNull(entity, "entity class"));
            }
            return this;
        }

        /** A Hibernate setting; it overrides the MatrixOne defaults, except the transaction strategy. */
        public Builder property(String name, Object value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Gives the factory a pool for plain {@code openSession()} calls, e.g. reads outside any transaction. Such
         * sessions use Hibernate's own JDBC transactions and take no part in a MatrixOne transaction; sessions
         * from {@code tx.orm(..)} always use the transaction's connection. Without a data source, plain sessions
         * need a connection supplied by the caller.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Further changes to the {@code Configuration}, applied last (mappings, listeners, ...). */
        public Builder configure(Consumer<Configuration> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        public MatrixOneSessionFactory build() {
            Configuration configuration = new Configuration();
            entities.forEach(configuration::addAnnotatedClass);
            Properties target = configuration.getProperties();
            if (mysqlVersion != null) {
                target.put(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, mysqlVersion);
            }
            target.putAll(properties);
            if (dataSource != null) {
                target.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
            }
            MatrixOneHibernate.configure(configuration);
            customizers.forEach(c -> c.accept(configuration));
            if (!hasConnectionSource(target)) {
                // what Hibernate falls back to anyway, minus the warning: sessions bound by tx.orm(..) get the
                // transaction's connection; a plain openSession() without a connection fails as before
                target.put(JdbcSettings.CONNECTION_PROVIDER, new UserSuppliedConnectionProviderImpl());
            }
            return new MatrixOneSessionFactory(configuration.buildSessionFactory());
        }

        /** Whether the settings (after every customizer) give Hibernate a way to connect on its own. */
        private static boolean hasConnectionSource(Properties settings) {
            for (Object key : settings.keySet()) {
                String name = String.valueOf(key);
                if (CONNECTION_SETTINGS.contains(name) || POOL_PREFIXES.stream().anyMatch(name::startsWith)) {
                    return true;
                }
            }
            return false;
        }
    }
}
