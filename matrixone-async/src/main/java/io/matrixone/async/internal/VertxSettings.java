package io.matrixone.async.internal;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The one translation of {@link ClientOptions} into Vert.x settings. What MatrixOne needs (mo_sql.md §12):
 * no cursor fetch (the client never uses {@code cursor()}/{@code RowStream}: MatrixOne has no
 * COM_STMT_FETCH), no COM_RESET_CONNECTION (Vert.x does not reset pooled connections unless asked), server
 * prepared statements cached per connection, and no pipelining: MatrixOne breaks a connection on which a second
 * command arrives before the first was answered (measured on 4.2.0, from two commands deep).
 */
public final class VertxSettings {
    /** Commands in flight per connection: one, MatrixOne does not survive pipelining. */
    public static final int PIPELINING_LIMIT = 1;
    public static final int PREPARED_STATEMENT_CACHE_SIZE = 256;
    /**
     * Longest SQL kept prepared. Long enough for a bulk insert's statement (1,000 rows of up to 10 columns): a
     * statement too long to cache is prepared, executed and closed every time, and MatrixOne plans it again each
     * time. Measured on 4.2.0 with 10,000 rows of 3 columns: bulk inserts went from 0.74x to 1.65x Connector/J's
     * rewritten batches once the statement stayed prepared. At most 256 x 32 KiB of SQL text per connection.
     */
    public static final int PREPARED_STATEMENT_CACHE_SQL_LIMIT = 32 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(VertxSettings.class);

    private VertxSettings() {
    }

    public static MySQLConnectOptions connectOptions(ClientOptions o) {
        MySQLConnectOptions c = new MySQLConnectOptions()
                .setHost(o.connection().host())
                .setPort(o.connection().port())
                .setUser(o.connection().loginName())
                .setPassword(o.connection().password())
                .setPipeliningLimit(PIPELINING_LIMIT)
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(PREPARED_STATEMENT_CACHE_SIZE)
                .setPreparedStatementCacheSqlLimit(PREPARED_STATEMENT_CACHE_SQL_LIMIT)
                .setConnectTimeout(millis(o.timeouts().connect()));
        if (o.connection().database() != null) {
            c.setDatabase(o.connection().database());
        }
        if (!o.timeouts().socket().isZero()) {
            // Vert.x has no read timeout per statement; an idle timeout closes a connection that has been
            // silent that long. Consequence: idle pooled connections are closed (and reopened) as often.
            c.setIdleTimeout(millis(o.timeouts().socket()));
            c.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        applyTls(o, c);
        if (!o.session().driverProperties().isEmpty()) {
            LOG.info("driver properties {} are Connector/J settings; the async client ignores them",
                    o.session().driverProperties().keySet());
        }
        return c;
    }

    /**
     * Options of a pool of {@code size} connections. {@code minIdle} has no Vert.x counterpart: connections open
     * on demand and close after {@code idleTimeout}.
     */
    public static PoolOptions poolOptions(ClientOptions o, int size, String name) {
        return new PoolOptions()
                .setName(name)
                .setMaxSize(size)
                .setConnectionTimeout(millis(o.pool().acquireTimeout()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(millis(o.pool().idleTimeout()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxLifetime(millis(o.pool().maxLifetime()))
                .setMaxLifetimeUnit(TimeUnit.MILLISECONDS);
    }

    static void applyTls(ClientOptions o, MySQLConnectOptions c) {
        TlsMode mode = o.tls().mode();
        c.setSslMode(switch (mode) {
            case DISABLED -> SslMode.DISABLED;
            case PREFERRED -> SslMode.PREFERRED;
            case REQUIRED -> SslMode.REQUIRED;
            case VERIFY_CA -> SslMode.VERIFY_CA;
            case VERIFY_IDENTITY -> SslMode.VERIFY_IDENTITY;
        });
        if (mode == TlsMode.PREFERRED || mode == TlsMode.REQUIRED) {
            c.setTrustAll(o.tls().trustStorePath() == null); // these modes encrypt without checking the certificate
        }
        if (o.tls().trustStorePath() != null) {
            c.setTrustOptions(store(o.tls().trustStorePath(), o.tls().trustStorePassword()));
        }
        if (o.tls().keyStorePath() != null) {
            c.setKeyCertOptions(store(o.tls().keyStorePath(), o.tls().keyStorePassword()));
        }
        if (mode == TlsMode.VERIFY_IDENTITY) {
            c.setHostnameVerificationAlgorithm("HTTPS");
        }
    }

    /** A JKS or PKCS12 store, told apart by the file name as Connector/J users name them. */
    static KeyStoreOptions store(String path, String password) {
        String lower = path.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".pkcs12") ? "PKCS12" : "JKS";
        return new KeyStoreOptions().setType(type).setPath(path).setPassword(password);
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
