package io.matrixone.core.config;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;
import io.matrixone.core.internal.sql.SessionSql;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.version.ServerVersion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Everything a client needs, immutable, in groups: {@link #connection()}, {@link #tls()}, {@link #pool()},
 * {@link #timeouts()}, {@link #session()}, plus the retry policy and the statement listeners. Build it with
 * {@link #builder()}, from a URL with {@link #fromUrl(String)}, or from {@code MATRIXONE_*} environment variables
 * with {@link #fromEnv()} (URL and environment parsing: {@link OptionParser}). {@link Builder#build()} checks every
 * setting at once and names the bad one.
 *
 * <p>Defaults match a fresh MatrixOne: {@code 127.0.0.1:6001}, user {@code root}, password {@code 111}.
 * {@link #toString()} never shows a password.
 */
public final class ClientOptions {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 6001;
    public static final String DEFAULT_USER = "root";
    public static final String DEFAULT_PASSWORD = "111";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int DEFAULT_MIN_IDLE = 1;
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_SLOW_QUERY_THRESHOLD = Duration.ofSeconds(1);

    /** The environment variable holding a whole URL; the others are listed by {@link OptionParser#environmentNames()}. */
    public static final String ENV_URL = "MATRIXONE_URL";
    /** The environment variable naming the host; with {@link #ENV_URL} the ones that say a server is configured. */
    public static final String ENV_HOST = "MATRIXONE_HOST";

    /**
     * Connector/J properties that change what the driver may read, load or rewrite: local files, class loading
     * (interceptors, socket factories), deserialization, multi-statements, escape processing, TLS checks. Refused
     * from URLs, the environment and {@link Builder#driverProperty}; only {@link Builder#insecureDriverProperty}
     * sets them, so a configuration file or an environment variable can never turn them on.
     */
    public static final Set<String> SECURITY_SENSITIVE_DRIVER_PROPERTIES = Set.of(
            "allowloadlocalinfile", "allowloadlocalinfileinpath", "allowurlinlocalinfile", "autodeserialize",
            "allowmultiqueries", "enableescapeprocessing", "processescapecodesforprepstmts",
            "allowpublickeyretrieval", "serverrsapublickeyfile", "socketfactory", "connectionlifecycleinterceptors",
            "queryinterceptors", "exceptioninterceptors", "propertiestransform", "authenticationplugins",
            "defaultauthenticationplugin", "clientcertificatekeystoreurl", "trustcertificatekeystoreurl",
            "sslmode", "usessl", "requiressl", "verifyservercertificate", "fallbacktosystemtruststore",
            "fallbacktosystemkeystore", "nettimeoutforstreamingresults");

    /** Driver properties the options set themselves: they are given with the builder's own methods. */
    private static final Map<String, String> OWN_OPTIONS = Map.of("user", "user(..)", "password", "password(..)",
            "sessionvariables", "sessionVariable(name, value)");

    private final ConnectionOptions connection;
    private final TlsOptions tls;
    private final PoolOptions pool;
    private final TimeoutOptions timeouts;
    private final SessionOptions session;
    private final RetryPolicy retryPolicy;
    private final List<StatementListener> listeners;

    private ClientOptions(ConnectionOptions connection, TlsOptions tls, PoolOptions pool, TimeoutOptions timeouts,
                          SessionOptions session, RetryPolicy retryPolicy, List<StatementListener> listeners) {
        this.connection = connection;
        this.tls = tls;
        this.pool = pool;
        this.timeouts = timeouts;
        this.session = session;
        this.retryPolicy = retryPolicy;
        this.listeners = List.copyOf(listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options from a URL; see {@link Builder#url(String)} for the accepted forms. */
    public static ClientOptions fromUrl(String url) {
        return builder().url(url).build();
    }

    /** Defaults overridden by the {@code MATRIXONE_*} environment variables. */
    public static ClientOptions fromEnv() {
        return builder().environment(System.getenv()).build();
    }

    /** Defaults changed by {@code customizer}: {@code ClientOptions.of(o -> o.host("db").port(6001))}. */
    public static ClientOptions of(Consumer<Builder> customizer) {
        Objects.requireNonNull(customizer, "customizer must not be null");
        Builder b = builder();
        customizer.accept(b);
        return b.build();
    }

    /** A builder holding these options, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = connection.host();
        b.port = connection.port();
        b.user = connection.login().user();
        b.account = connection.login().account();
        b.role = connection.login().role();
        b.password = connection.password();
        b.database = connection.database();
        b.serverVersion = connection.serverVersion();
        b.tlsMode = tls.mode();
        b.trustStorePath = tls.trustStorePath();
        b.trustStorePassword = tls.trustStorePassword();
        b.keyStorePath = tls.keyStorePath();
        b.keyStorePassword = tls.keyStorePassword();
        b.maxPoolSize = pool.maxSize();
        b.minIdle = pool.minIdle();
        b.acquireTimeout = pool.acquireTimeout();
        b.maxLifetime = pool.maxLifetime();
        b.idleTimeout = pool.idleTimeout();
        b.connectTimeout = timeouts.connect();
        b.socketTimeout = timeouts.socket();
        b.queryTimeout = timeouts.query();
        b.slowQueryThreshold = timeouts.slowQueryThreshold();
        b.sessionVariables.putAll(session.variables());
        b.driverProperties.putAll(session.driverProperties());
        b.insecureDriverProperties.putAll(session.insecureDriverProperties());
        b.retryPolicy = retryPolicy;
        b.listeners.addAll(listeners);
        return b;
    }

    /** Where to connect and as whom. */
    public ConnectionOptions connection() {
        return connection;
    }

    /** Transport encryption. */
    public TlsOptions tls() {
        return tls;
    }

    /** The connection pool. */
    public PoolOptions pool() {
        return pool;
    }

    /** Connect, socket and statement timeouts; the slow-statement threshold. */
    public TimeoutOptions timeouts() {
        return timeouts;
    }

    /** Session variables and driver properties every connection gets. */
    public SessionOptions session() {
        return session;
    }

    /** When the lambda form of a transaction runs its body again. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The statement listeners, in the order they were registered; empty when none (then no event is created). */
    public List<StatementListener> listeners() {
        return listeners;
    }

    @Override
    public String toString() {
        String s = session.toString();
        return "ClientOptions{" + connection + ", tls=" + tls + ", " + timeouts + ", pool=" + pool
                + (s.isEmpty() ? "" : ", " + s.strip()) + (listeners.isEmpty() ? "" : ", listeners=" + listeners.size())
                + "}";
    }

    /** Mutable builder; {@link #build()} validates. Later calls override earlier ones. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String user = DEFAULT_USER;
        private String password = DEFAULT_PASSWORD;
        private String database;
        private String account;
        private String role;
        private ServerVersion serverVersion;
        private TlsMode tlsMode = TlsMode.PREFERRED;
        private String trustStorePath;
        private String trustStorePassword;
        private String keyStorePath;
        private String keyStorePassword;
        private int maxPoolSize = DEFAULT_POOL_SIZE;
        private int minIdle = DEFAULT_MIN_IDLE;
        private Duration acquireTimeout = DEFAULT_ACQUIRE_TIMEOUT;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = Duration.ZERO;
        private Duration queryTimeout = Duration.ZERO;
        private Duration slowQueryThreshold = DEFAULT_SLOW_QUERY_THRESHOLD;
        private final Map<String, Object> sessionVariables = new LinkedHashMap<>();
        private final Map<String, String> driverProperties = new LinkedHashMap<>();
        private final Map<String, String> insecureDriverProperties = new LinkedHashMap<>();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final List<StatementListener> listeners = new ArrayList<>();

        private Builder() {
        }

        // ---------------------------------------------------------------- connection

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The user, or a whole login name such as {@code acc#user#role} or {@code acc:user}. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** The account to log in to; must agree with an account written into {@link #user(String)}. */
        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /** The role to log in with; must agree with a role written into {@link #user(String)}. */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** Assume this server version instead of asking the server ({@code SELECT version()}) on first connect. */
        public Builder serverVersion(String version) {
            this.serverVersion = version == null ? null : ServerVersion.parse(version);
            return this;
        }

        // ---------------------------------------------------------------- TLS

        public Builder tlsMode(TlsMode tlsMode) {
            this.tlsMode = tlsMode;
            return this;
        }

        /** A trust store (JKS or PKCS12) with the CA that signed the server's certificate. */
        public Builder trustStore(String path, String password) {
            this.trustStorePath = path;
            this.trustStorePassword = password;
            return this;
        }

        /** A key store with the client certificate, for servers that require one. */
        public Builder keyStore(String path, String password) {
            this.keyStorePath = path;
            this.keyStorePassword = password;
            return this;
        }

        // ---------------------------------------------------------------- pool

        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        public Builder minIdle(int minIdle) {
            this.minIdle = minIdle;
            return this;
        }

        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        // ---------------------------------------------------------------- timeouts

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
            return this;
        }

        public Builder slowQueryThreshold(Duration threshold) {
            this.slowQueryThreshold = threshold;
            return this;
        }

        // ---------------------------------------------------------------- session

        /**
         * A session variable every connection of the client gets, on both clients, before it is used: one
         * {@code SET name = value, ...} when the connection opens (never inside a transaction, where on MatrixOne up
         * to 4.2.0 a SET would commit it). The name must be a plain variable name; the value a String (written as
         * an escaped literal), a number or a Boolean (1/0). Examples: {@code sessionVariable("experimental_ivf_index",
         * 1)}, {@code sessionVariable("probe_limit", 5)}.
         */
        public Builder sessionVariable(String name, Object value) {
            sessionVariables.put(SessionSql.checkName(name), SessionSql.checkValue(name, value));
            return this;
        }

        /**
         * Several session variables at once, in the map's iteration order (use a {@code LinkedHashMap} when the order
         * matters), each checked as {@link #sessionVariable(String, Object)} checks it; a bad entry fails the whole
         * call and leaves the builder as it was. MatrixOne's vector and full-text features read these, for example:
         * {@code sessionVariables(Map.of("experimental_hnsw_index", 1, "probe_limit", 10,
         * "ft_relevancy_algorithm", "BM25"))}.
         */
        public Builder sessionVariables(Map<String, ?> variables) {
            Objects.requireNonNull(variables, "variables must not be null");
            Map<String, Object> checked = new LinkedHashMap<>();
            variables.forEach((name, value) -> checked.put(SessionSql.checkName(name), SessionSql.checkValue(name, value)));
            sessionVariables.putAll(checked);
            return this;
        }

        /**
         * An extra Connector/J property for the sync client, passed unchanged; it wins over the SDK's own setting of
         * the same name. The async client does not use Connector/J and ignores these (with an INFO log line).
         *
         * @throws IllegalArgumentException for a security-relevant property ({@link
         *                                  #SECURITY_SENSITIVE_DRIVER_PROPERTIES}): use {@link #insecureDriverProperty}
         */
        public Builder driverProperty(String name, String value) {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(value, "value must not be null");
            String own = OWN_OPTIONS.get(name.toLowerCase(Locale.ROOT));
            if (own != null) {
                throw new IllegalArgumentException("driver property '" + name + "' is an option of its own: use "
                        + own);
            }
            if (SECURITY_SENSITIVE_DRIVER_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("driver property '" + name + "' changes what the driver may read, "
                        + "load or rewrite; it is only accepted through insecureDriverProperty(name, value), never from "
                        + "a URL, the environment or driverProperty");
            }
            driverProperties.put(name, value);
            return this;
        }

        /**
         * A security-relevant Connector/J property ({@link #SECURITY_SENSITIVE_DRIVER_PROPERTIES}), for the rare case
         * that needs one, for example {@code allowPublicKeyRetrieval} against a test server without TLS. The SDK's
         * protections (no local file reads, no escape rewriting, no multi-statements) no longer hold for the
         * property you set. It cannot come from a URL or the environment, only from code.
         */
        public Builder insecureDriverProperty(String name, String value) {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(value, "value must not be null");
            insecureDriverProperties.put(name, value);
            return this;
        }

        // ---------------------------------------------------------------- behaviour

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Adds a listener told about every statement the client sends (see {@link StatementListener}). May be
         * called more than once: listeners are called in the order they were added. Default: none, and then no
         * statement event is ever created.
         */
        public Builder listener(StatementListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        // ---------------------------------------------------------------- parsing

        /**
         * Applies a URL. Accepted forms:
         * <ul>
         *   <li>{@code matrixone://user:password@host:port/database?account=a&role=r&tlsMode=required&connectTimeout=5s}</li>
         *   <li>{@code mysql://...} and {@code jdbc:mysql://...} with the same parts, {@code user} and
         *       {@code password} also accepted as query parameters</li>
         * </ul>
         * User and password are percent-decoded; a login name with '#' must be written {@code %23} (a raw '#' starts
         * a URL fragment). Query parameters are the options listed by {@link OptionParser#urlKeys()}; a session
         * variable is {@code session.name=value}, a driver property {@code driver.name=value} (never a
         * security-relevant one). Any other key is an error that names it.
         */
        public Builder url(String url) {
            OptionParser.applyUrl(this, url);
            return this;
        }

        /** Applies {@code MATRIXONE_*} variables from {@code env} (typically {@code System.getenv()}). */
        public Builder environment(Map<String, String> env) {
            OptionParser.applyEnvironment(this, env);
            return this;
        }

        /** Checks every setting and builds the options. */
        public ClientOptions build() {
            require(host != null && !host.isBlank(), "host must not be blank");
            // the sync client writes the host into Connector/J's URL: '/', '?', '#', '@' would add a path, driver
            // properties or credentials there (host("h:1/db?allowLoadLocalInfile=true#")), so only names and addresses
            require(HOST.matcher(host).matches(), "host must be a host name or an IP address (letters, digits, '.', "
                    + "'-', '_'; an IPv6 address with ':', optionally in brackets)");
            require(port >= 1 && port <= 65535, "port must be 1..65535, was " + port);
            require(user != null && !user.isBlank(), "user must not be blank");
            require(password != null, "password must not be null (use \"\" for none)");
            require(tlsMode != null, "tlsMode must not be null");
            nonNegative("connectTimeout", connectTimeout);
            nonNegative("socketTimeout", socketTimeout);
            nonNegative("queryTimeout", queryTimeout);
            nonNegative("acquireTimeout", acquireTimeout);
            nonNegative("maxLifetime", maxLifetime);
            nonNegative("idleTimeout", idleTimeout);
            nonNegative("slowQueryThreshold", slowQueryThreshold);
            require(maxPoolSize >= 1, "maxPoolSize must be >= 1, was " + maxPoolSize);
            require(minIdle >= 0 && minIdle <= maxPoolSize, "minIdle must be 0..maxPoolSize (" + maxPoolSize + "), was " + minIdle);
            require(retryPolicy != null, "retryPolicy must not be null");
            require(keyStorePath != null || keyStorePassword == null, "keyStore password given without a key store path");
            require(trustStorePath != null || trustStorePassword == null, "trustStore password given without a trust store path");
            if (database != null) {
                Identifiers.check(database, NameKind.DATABASE);
            }
            LoginName login = LoginName.combine(user, account, role); // conflicting parts fail here, named
            return new ClientOptions(
                    new ConnectionOptions(host, port, login, password, database, serverVersion),
                    new TlsOptions(tlsMode, trustStorePath, trustStorePassword, keyStorePath, keyStorePassword),
                    new PoolOptions(maxPoolSize, minIdle, acquireTimeout, maxLifetime, idleTimeout),
                    new TimeoutOptions(connectTimeout, socketTimeout, queryTimeout, slowQueryThreshold),
                    new SessionOptions(sessionVariables, driverProperties, insecureDriverProperties),
                    retryPolicy, listeners);
        }

        /** A host name, an IPv4 address, or an IPv6 address (with an optional zone), optionally in brackets. */
        private static final Pattern HOST = Pattern.compile(
                "[A-Za-z0-9._-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9._-]{1,32})?]?");

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private static void nonNegative(String what, Duration d) {
            require(d != null, what + " must not be null");
            require(!d.isNegative(), what + " must not be negative, was " + d);
        }
    }
}
