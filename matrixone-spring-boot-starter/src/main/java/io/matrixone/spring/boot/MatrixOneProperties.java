package io.matrixone.spring.boot;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;
import io.matrixone.core.retry.RetryPolicy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code matrixone.*} properties. Every connection setting is optional: an unset one keeps the value of
 * {@link #getUrl() matrixone.url} if that names it, else the SDK's default (a fresh MatrixOne: {@code 127.0.0.1:6001},
 * {@code root} / {@code 111}). They map one to one onto {@link ClientOptions.Builder}, which checks them all when
 * the client is created and names the bad one.
 */
@ConfigurationProperties(prefix = "matrixone")
public class MatrixOneProperties {

    /** Whether to create the MatrixOne clients at all. */
    private boolean enabled = true;

    /**
     * The whole connection as a URL, e.g. {@code matrixone://root:111@127.0.0.1:6001/app?connectTimeout=5s}; the
     * other properties override its parts.
     */
    private String url;

    /** Server host name or address. Default 127.0.0.1. */
    private String host;

    /** Server MySQL-protocol port. Default 6001. */
    private Integer port;

    /** The user, or a whole login name such as acc1#admin#accountadmin. Default root. */
    private String user;

    /** The password. Never logged. Default 111. */
    private String password;

    /** The default database of every connection. */
    private String database;

    /** The account to log in to; must agree with an account written into the user. */
    private String account;

    /** The role to log in with; must agree with a role written into the user. */
    private String role;

    /** The server version to assume (e.g. 4.2.0) instead of asking the server when the client starts. */
    private String serverVersion;

    /** Opening a connection may take this long. Default 10s. */
    private Duration connectTimeout;

    /** A read on the socket may take this long; 0 means no limit. Default 0. */
    private Duration socketTimeout;

    /** Each statement may take this long; 0 means no limit. Default 0. */
    private Duration queryTimeout;

    /** Statements slower than this are logged at INFO; 0 turns that off. Default 1s. */
    private Duration slowQueryThreshold;

    /**
     * Session variables set on every new connection (one SET when it opens), e.g. probe_limit: 5. Values that
     * look like numbers or booleans are sent as such, others as string literals.
     */
    private Map<String, String> sessionVariables = new LinkedHashMap<>();

    /** Extra Connector/J properties (never a security-relevant one: those are refused from configuration). */
    private Map<String, String> driverProperties = new LinkedHashMap<>();

    private final Pool pool = new Pool();
    private final Tls tls = new Tls();
    private final Retry retry = new Retry();
    private final Async async = new Async();
    private final Shutdown shutdown = new Shutdown();

    /** The connection pool shared by the client, the DataSource and everything that uses it. */
    public static class Pool {
        /** Connections at most. Default 10. */
        private Integer maxSize;

        /** Idle connections kept open. Default 1. */
        private Integer minIdle;

        /** How long to wait for a pooled connection before failing. Default 30s. */
        private Duration acquireTimeout;

        /** A connection is replaced after this long. Default 30m. */
        private Duration maxLifetime;

        /** An idle connection is closed after this long. Default 10m. */
        private Duration idleTimeout;

        public Integer getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(Integer maxSize) {
            this.maxSize = maxSize;
        }

        public Integer getMinIdle() {
            return minIdle;
        }

        public void setMinIdle(Integer minIdle) {
            this.minIdle = minIdle;
        }

        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        public void setAcquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
        }

        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }
    }

    /** Transport encryption. */
    public static class Tls {
        /** DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY. Default PREFERRED. */
        private TlsMode mode;

        /** A trust store (JKS, or PKCS12 for .p12/.pfx) with the CA that signed the server's certificate. */
        private String trustStore;

        /** The trust store's password. */
        private String trustStorePassword;

        /** A key store with the client certificate, for servers that require one. */
        private String keyStore;

        /** The key store's password. */
        private String keyStorePassword;

        public TlsMode getMode() {
            return mode;
        }

        public void setMode(TlsMode mode) {
            this.mode = mode;
        }

        public String getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(String trustStore) {
            this.trustStore = trustStore;
        }

        public String getTrustStorePassword() {
            return trustStorePassword;
        }

        public void setTrustStorePassword(String trustStorePassword) {
            this.trustStorePassword = trustStorePassword;
        }

        public String getKeyStore() {
            return keyStore;
        }

        public void setKeyStore(String keyStore) {
            this.keyStore = keyStore;
        }

        public String getKeyStorePassword() {
            return keyStorePassword;
        }

        public void setKeyStorePassword(String keyStorePassword) {
            this.keyStorePassword = keyStorePassword;
        }
    }

    /**
     * Retries of {@code client.transaction(..)} on MatrixOne's "retry the whole transaction" errors. Spring's
     * {@code @Transactional} never retries: the method body cannot be run again by the transaction manager.
     */
    public static class Retry {
        /** Attempts in all, 1 meaning no retry. Default 3. */
        private Integer maxAttempts;

        /** The first backoff; doubled per attempt. Default 20ms. */
        private Duration initialBackoff;

        /** The longest backoff. Default 1s. */
        private Duration maxBackoff;

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** The async client (when matrixone-async is on the class path); it shares the connection settings above. */
    public static class Async {
        /** Whether to create an AsyncMatrixOneClient bean. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** What happens when the application context closes. */
    public static class Shutdown {
        /**
         * How long to wait for borrowed connections and open transactions to come back before the pools close
         * (closing aborts what is still borrowed).
         */
        private Duration timeout = Duration.ofSeconds(30);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The options these properties describe, for both clients; {@code customizer} may change them further. */
    ClientOptions.Builder toBuilder() {
        ClientOptions.Builder b = ClientOptions.builder();
        if (url != null && !url.isBlank()) {
            b.url(url);
        }
        set(host, b::host);
        set(port, b::port);
        set(user, b::user);
        set(password, b::password);
        set(database, b::database);
        set(account, b::account);
        set(role, b::role);
        set(serverVersion, b::serverVersion);
        set(connectTimeout, b::connectTimeout);
        set(socketTimeout, b::socketTimeout);
        set(queryTimeout, b::queryTimeout);
        set(slowQueryThreshold, b::slowQueryThreshold);
        set(pool.maxSize, b::maxPoolSize);
        set(pool.minIdle, b::minIdle);
        set(pool.acquireTimeout, b::acquireTimeout);
        set(pool.maxLifetime, b::maxLifetime);
        set(pool.idleTimeout, b::idleTimeout);
        set(tls.mode, b::tlsMode);
        if (tls.trustStore != null) {
            b.trustStore(tls.trustStore, tls.trustStorePassword);
        }
        if (tls.keyStore != null) {
            b.keyStore(tls.keyStore, tls.keyStorePassword);
        }
        sessionVariables.forEach((name, value) -> b.sessionVariable(name, typed(value)));
        driverProperties.forEach(b::driverProperty);
        if (retry.maxAttempts != null || retry.initialBackoff != null || retry.maxBackoff != null) {
            RetryPolicy d = RetryPolicy.DEFAULT;
            b.retryPolicy(new RetryPolicy(retry.maxAttempts != null ? retry.maxAttempts : d.maxAttempts(),
                    retry.initialBackoff != null ? retry.initialBackoff : d.initialBackoff(),
                    retry.maxBackoff != null ? retry.maxBackoff : d.maxBackoff(), d.jitter()));
        }
        return b;
    }

    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null && !(value instanceof String text && text.isBlank())) { // blank: an empty variable
            setter.accept(value);
        }
    }

    /** A session variable's value as the server expects it: configuration gives text, SET wants numbers bare. */
    static Object typed(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        if (value.matches("-?\\d{1,18}")) {
            return Long.valueOf(value);
        }
        if (value.matches("-?\\d+\\.\\d+")) {
            return new java.math.BigDecimal(value);
        }
        return value;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getServerVersion() {
        return serverVersion;
    }

    public void setServerVersion(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        this.slowQueryThreshold = slowQueryThreshold;
    }

    public Map<String, String> getSessionVariables() {
        return sessionVariables;
    }

    public void setSessionVariables(Map<String, String> sessionVariables) {
        this.sessionVariables = sessionVariables;
    }

    public Map<String, String> getDriverProperties() {
        return driverProperties;
    }

    public void setDriverProperties(Map<String, String> driverProperties) {
        this.driverProperties = driverProperties;
    }

    public Pool getPool() {
        return pool;
    }

    public Tls getTls() {
        return tls;
    }

    public Retry getRetry() {
        return retry;
    }

    public Async getAsync() {
        return async;
    }

    public Shutdown getShutdown() {
        return shutdown;
    }
}
