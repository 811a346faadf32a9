package io.matrixone.hibernate.reactive;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.internal.VertxSettings;
import io.matrixone.core.config.ClientOptions;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;
import org.hibernate.reactive.vertx.VertxInstance;

/**
 * Hibernate Reactive in MatrixOne async transactions: ORM writes, raw SQL and MatrixOne operations on one Vert.x
 * connection and in one database transaction, without blocking a thread.
 *
 * <pre>{@code
 * Vertx vertx = Vertx.vertx();
 * AsyncMatrixOneClient client = AsyncMatrixOneClient.create(options, vertx);
 * MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, vertx, User.class);
 *
 * client.transaction(tx -> {
 *     tx.afterCommit("CREATE SNAPSHOT s1 FOR DATABASE app");   // queued: taken right after COMMIT, holds both rows
 *     return tx.orm(orm.stage())                              // a Stage.Session on tx's own connection
 *             .thenCompose(session -> session.persist(new User(1, "ann", "ann@example.com")))
 *             .thenCompose(v -> tx.execute("INSERT INTO audit(msg) VALUES (?)", "user 1"));  // session flushed first
 * });                                                         // COMMIT when the stage completes, ROLLBACK if it fails
 * }</pre>
 * With Mutiny: {@code tx.orm(orm.mutiny()).thenCompose(session -> session.persist(user).call(session::flush)
 * .subscribeAsCompletionStage())}.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>One owner.</b> The MatrixOne transaction begins, commits and rolls back; the body's stage decides (it
 *       completes: COMMIT; it fails: ROLLBACK). {@code session.withTransaction(..)} on a bound session fails with an
 *       {@link IllegalStateException} that says so, before its work runs; {@code session.currentTransaction()} is
 *       always {@code null}. Hibernate Reactive logs its own "Failed to start a transaction" line when that happens.
 *       </li>
 *   <li><b>One session per transaction and binding, discarded after it.</b> {@code tx.orm(orm.stage())} opens it on
 *       first use; the SDK flushes it before each raw statement and before COMMIT, and closes it when the
 *       transaction ends, committed or not (closing sends nothing to the server). Do not keep it: after a rollback
 *       its entities describe rows that do not exist. {@code client.transaction(..)} may run the body again after a
 *       conflict, so call {@code tx.orm(..)} inside the body.</li>
 *   <li><b>Chain ORM calls.</b> A Hibernate Reactive session is not thread-safe and runs one operation at a time:
 *       compose each call on the previous one, never start two on one session at once. Raw {@code tx.execute(..)}
 *       calls may be issued concurrently (the transaction queues them), but not while an ORM call is in flight.</li>
 *   <li><b>One event loop.</b> The whole transaction runs on one Vert.x context, and the session is opened there:
 *       Hibernate Reactive refuses a session used from another thread (HR000069). Do not hop threads with
 *       {@code thenComposeAsync(.., executor)} or Mutiny's {@code emitOn(..)} inside the body.</li>
 *   <li><b>Raw SQL is invisible to loaded entities.</b> ORM queries see raw rows (same connection), but an entity
 *       already loaded does not change when raw SQL changes its row: {@code session.refresh(entity)} after it.</li>
 * </ul>
 *
 * <p>How: the factory's Hibernate Reactive connection pool ({@code hibernate.vertx.pool.class}) is a
 * {@code SqlClientPool} whose tenant path hands out the transaction's connection. A binding registers that
 * connection under a fresh key in the factory's own map, opens the session with the key as tenant id, and removes
 * the key as soon as the session is open. The session sees the transaction's borrowed connection view: its
 * {@code close()} is a no-op and it reports no Vert.x transaction, so closing the session never rolls back, and its
 * {@code begin()} fails. Hibernate Reactive shares the Vert.x instance through its {@code VertxInstance} service.
 * Hibernate's own multi-tenancy cannot be combined with these bindings: the tenant id slot carries the key.
 *
 * <p>Logging: Hibernate logs through JBoss Logging; start the JVM with {@code -Dorg.jboss.logging.provider=slf4j} to
 * get its messages in the SDK's SLF4J backend.
 */
public final class MatrixOneHibernateReactive {
    /** The MySQL version MatrixOne announces; Hibernate's MySQL dialect is configured for it. */
    public static final String MYSQL_VERSION = "8.0.30";
    /** The database product Hibernate is told it talks to. */
    public static final String DATABASE_PRODUCT = "MySQL";

    private MatrixOneHibernateReactive() {
    }

    /**
     * The settings MatrixOne needs: database product {@value #DATABASE_PRODUCT} {@value #MYSQL_VERSION}, from
     * which Hibernate picks its {@link MySQLDialect} (naming the dialect as well only earns a deprecation warning,
     * HHH90000025); {@value JdbcSettings#ALLOW_METADATA_ON_BOOT}{@code =false}, so the factory opens no connection
     * at boot (with metadata access on, Hibernate would also misread a MariaDB-based test server's version as
     * 5.5.5); and {@value SchemaToolingSettings#HBM2DDL_AUTO}{@code =none}. The connection pool is not among them:
     * {@link Builder#build()} installs it.
     */
    public static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, DATABASE_PRODUCT);
        settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, MYSQL_VERSION);
        settings.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false");
        settings.put(SchemaToolingSettings.HBM2DDL_AUTO, "none");
        return settings;
    }

    /**
     * A factory for these entity classes, for the transactions of {@code client}, on the client's own Vert.x
     * instance ({@link AsyncMatrixOneClient#vertx()}), so Hibernate Reactive and the client share it.
     */
    public static MatrixOneReactiveSessionFactory sessionFactory(AsyncMatrixOneClient client, Class<?>... entities) {
        return builder().client(client).entities(entities).build();
    }

    /**
     * A factory for these entity classes, for the transactions of {@code client}, on {@code vertx}: pass the Vert.x
     * instance the client was created on ({@code AsyncMatrixOneClient.create(options, vertx)}), so Hibernate
     * Reactive and the client share it.
     */
    public static MatrixOneReactiveSessionFactory sessionFactory(AsyncMatrixOneClient client, Vertx vertx,
                                                                 Class<?>... entities) {
        return builder().client(client).vertx(vertx).entities(entities).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link MatrixOneReactiveSessionFactory}. */
    public static final class Builder {
        private final List<Class<?>> entities = new ArrayList<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<Consumer<Configuration>> customizers = new ArrayList<>();
        private ClientOptions options;
        private Vertx clientVertx;
        private Vertx vertx;
        private int poolSize;

        private Builder() {
        }

        /**
         * The client whose transactions the sessions join; its options (server, login, TLS, timeouts) also
         * configure the factory's own connections for plain sessions. Required.
         */
        public Builder client(AsyncMatrixOneClient client) {
            this.options = Objects.requireNonNull(client, "client").options();
            this.clientVertx = client.vertx();
            return this;
        }

        /**
         * The Vert.x instance for Hibernate Reactive and the factory's own connections: the one the client runs
         * on. Without it the factory creates a Vert.x instance of its own (closed with the factory); sessions in
         * transactions still run on the transaction's context, but plain sessions then use another event-loop
         * group than the client.
         */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** Annotated entity classes to map. */
        public Builder entities(Class<?>... classes) {
            for (Class<?> entity : classes) {
                entities.add(Objects.requireNonNull(entity, "entity class"));
            }
            return this;
        }

        /** A Hibernate setting; it overrides the MatrixOne defaults, except the connection pool. */
        public Builder property(String name, Object value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Connections of the factory's own pool, for plain sessions outside MatrixOne transactions; default a
         * quarter of the client's {@code maxPoolSize}, at least one. Sessions in transactions use the transaction's
         * connection and none of these. Vert.x opens them on first use.
         */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** Further changes to the {@code Configuration}, applied last (mappings, listeners, ...). */
        public Builder configure(Consumer<Configuration> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Builds the factory. Hibernate's boot is synchronous CPU work (mapping, metamodel): call this at start-up
         * from an application thread, not from an event loop. It opens no connection.
         *
         * @throws IllegalStateException when no client was given
         */
        public MatrixOneReactiveSessionFactory build() {
            if (options == null) {
                throw new IllegalStateException("client is required: builder().client(asyncClient)");
            }
            // by default Hibernate Reactive shares the client's Vert.x, so sessions and transactions meet on one loop
            Vertx owned = vertx == null && clientVertx == null ? Vertx.vertx() : null;
            Vertx shared = vertx != null ? vertx : clientVertx != null ? clientVertx : owned;
            Pool plain = MySQLBuilder.pool()
                    .with(VertxSettings.poolOptions(options, poolSize > 0 ? poolSize
                            : Math.max(1, options.pool().maxSize() / 4), "matrixone-orm"))
                    .connectingTo(VertxSettings.connectOptions(options))
                    .using(shared)
                    .build();
            MatrixOneSqlClientPool pool = new MatrixOneSqlClientPool(plain);
            Configuration configuration = configuration(pool);
            StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
                    .applySettings(configuration.getProperties())
                    .addService(VertxInstance.class, (VertxInstance) () -> shared)
                    .build();
            try {
                SessionFactory factory = configuration.buildSessionFactory(registry);
                return new MatrixOneReactiveSessionFactory(factory, registry, pool, owned);
            } catch (RuntimeException e) {
                StandardServiceRegistryBuilder.destroy(registry);
                plain.close();
                if (owned != null) {
                    owned.close();
                }
                throw e;
            }
        }

        private Configuration configuration(MatrixOneSqlClientPool pool) {
            Configuration configuration = new Configuration();
            entities.forEach(configuration::addAnnotatedClass);
            Properties target = configuration.getProperties();
            target.putAll(settings());
            target.putAll(properties);
            customizers.forEach(c -> c.accept(configuration));
            // last, so that nothing replaces it: without this pool no session could be bound to a transaction
            target.put(Settings.SQL_CLIENT_POOL, pool);
            return configuration;
        }
    }
}
