package io.matrixone.core.config;

import io.matrixone.core.event.StatementListener;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.version.ServerVersion;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a client needs to connect, immutable. Build it with {@link #builder()}, from a URL with
 * {@link #fromUrl(String)}, or from {@code MATRIXONE_*} environment variables with {@link #fromEnv()}.
 * {@link Builder#build()} checks every setting at once and names the bad one.
 *
 * <p>Defaults match a fresh MatrixOne: {@code 127.0.0.1:6001}, user {@code root}, password {@code 111}.
 * {@link #toString()} never shows the password.
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

    /** Environment variable names read by {@link Builder#environment(Map)}. */
    public static final String ENV_URL = "MATRIXONE_URL";
    public static final String ENV_HOST = "MATRIXONE_HOST";
    public static final String ENV_PORT = "MATRIXONE_PORT";
    public static final String ENV_USER = "MATRIXONE_USER";
    public static final String ENV_PASSWORD = "MATRIXONE_PASSWORD";
    public static final String ENV_DATABASE = "MATRIXONE_DATABASE";
    public static final String ENV_ACCOUNT = "MATRIXONE_ACCOUNT";
    public static final String ENV_ROLE = "MATRIXONE_ROLE";
    public static final String ENV_CONNECT_TIMEOUT = "MATRIXONE_CONNECT_TIMEOUT";
    public static final String ENV_SOCKET_TIMEOUT = "MATRIXONE_SOCKET_TIMEOUT";
    public static final String ENV_QUERY_TIMEOUT = "MATRIXONE_QUERY_TIMEOUT";
    public static final String ENV_TLS_MODE = "MATRIXONE_TLS_MODE";
    public static final String ENV_POOL_SIZE = "MATRIXONE_POOL_SIZE";
    public static final String ENV_SERVER_VERSION = "MATRIXONE_SERVER_VERSION";

    private final String host;
    private final int port;
    private final LoginName login;
    private final String password;
    private final String database;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final Duration queryTimeout;
    private final TlsMode tlsMode;
    private final String trustStorePath;
    private final String trustStorePassword;
    private final String keyStorePath;
    private final String keyStorePassword;
    private final int maxPoolSize;
    private final int minIdle;
    private final Duration acquireTimeout;
    private final Duration maxLifetime;
    private final Duration idleTimeout;
    private final RetryPolicy retryPolicy;
    private final ServerVersion serverVersion;
    private final Duration slowQueryThreshold;
    private final Map<String, String> driverProperties;
    private final List<StatementListener> listeners;
    private final Builder source;

    private ClientOptions(Builder b) {
        this.source = b.copy();
        this.host = b.host;
        this.port = b.port;
        this.login = LoginName.combine(b.user, b.account, b.role);
        this.password = b.password;
        this.database = b.database;
        this.connectTimeout = b.connectTimeout;
        this.socketTimeout = b.socketTimeout;
        this.queryTimeout = b.queryTimeout;
        this.tlsMode = b.tlsMode;
        this.trustStorePath = b.trustStorePath;
        this.trustStorePassword = b.trustStorePassword;
        this.keyStorePath = b.keyStorePath;
        this.keyStorePassword = b.keyStorePassword;
        this.maxPoolSize = b.maxPoolSize;
        this.minIdle = b.minIdle;
        this.acquireTimeout = b.acquireTimeout;
        this.maxLifetime = b.maxLifetime;
        this.idleTimeout = b.idleTimeout;
        this.retryPolicy = b.retryPolicy;
        this.serverVersion = b.serverVersion;
        this.slowQueryThreshold = b.slowQueryThreshold;
        this.driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.driverProperties));
        this.listeners = List.copyOf(b.listeners);
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
        Builder b = builder();
        customizer.accept(b);
        return b.build();
    }

    /** A builder holding these options, to derive a variant. */
    public Builder toBuilder() {
        return source.copy();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The login as account, user and role. */
    public LoginName login() {
        return login;
    }

    /** The user name the server receives, e.g. {@code acc#admin#accountadmin}. */
    public String loginName() {
        return login.format();
    }

    /** The password. Never logged; {@link #toString()} masks it. */
    public String password() {
        return password;
    }

    /** The default database, or {@code null}. */
    public String database() {
        return database;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long a read on the socket may block; {@link Duration#ZERO} = no limit. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** Limit for each statement; {@link Duration#ZERO} = no limit. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    public TlsMode tlsMode() {
        return tlsMode;
    }

    public String trustStorePath() {
        return trustStorePath;
    }

    public String trustStorePassword() {
        return trustStorePassword;
    }

    public String keyStorePath() {
        return keyStorePath;
    }

    public String keyStorePassword() {
        return keyStorePassword;
    }

    public int maxPoolSize() {
        return maxPoolSize;
    }

    public int minIdle() {
        return minIdle;
    }

    /** How long to wait for a pooled connection before failing. */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The server version to assume, or {@code null} to ask the server on first connect. */
    public ServerVersion serverVersion() {
        return serverVersion;
    }

    /** Statements slower than this are logged at INFO; {@link Duration#ZERO} turns that off. */
    public Duration slowQueryThreshold() {
        return slowQueryThreshold;
    }

    /** Extra properties handed to the driver unchanged (they win over the SDK's defaults). */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** The statement listeners, in the order they were registered; empty when none (then no event is created). */
    public List<StatementListener> listeners() {
        return listeners;
    }

    @Override
    public String toString() {
        return "ClientOptions{" + host + ":" + port + ", login=" + login + ", password=****"
                + (database == null ? "" : ", database=" + database)
                + ", tls=" + tlsMode + ", connectTimeout=" + connectTimeout
                + (queryTimeout.isZero() ? "" : ", queryTimeout=" + queryTimeout)
                + ", pool=" + minIdle + ".." + maxPoolSize
                + (serverVersion == null ? "" : ", serverVersion=" + serverVersion.semantic())
                + (driverProperties.isEmpty() ? "" : ", driverProperties=" + driverProperties.keySet())
                + (listeners.isEmpty() ? "" : ", listeners=" + listeners.size()) + "}";
    }

    private static final String MALFORMED_URL =
            "malformed URL (check that '#', '@' and ':' in user or password are percent-encoded)";

    /** Mutable builder; {@link #build()} validates. Later calls override earlier ones. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String user = DEFAULT_USER;
        private String password = DEFAULT_PASSWORD;
        private String database;
        private String account;
        private String role;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = Duration.ZERO;
        private Duration queryTimeout = Duration.ZERO;
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
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private ServerVersion serverVersion;
        private Duration slowQueryThreshold = DEFAULT_SLOW_QUERY_THRESHOLD;
        private Map<String, String> driverProperties = new LinkedHashMap<>();
        private List<StatementListener> listeners = new ArrayList<>();

        private Builder() {
        }

        Builder copy() {
            Builder b = new Builder();
            b.host = host;
            b.port = port;
            b.user = user;
            b.password = password;
            b.database = database;
            b.account = account;
            b.role = role;
            b.connectTimeout = connectTimeout;
            b.socketTimeout = socketTimeout;
            b.queryTimeout = queryTimeout;
            b.tlsMode = tlsMode;
            b.trustStorePath = trustStorePath;
            b.trustStorePassword = trustStorePassword;
            b.keyStorePath = keyStorePath;
            b.keyStorePassword = keyStorePassword;
            b.maxPoolSize = maxPoolSize;
            b.minIdle = minIdle;
            b.acquireTimeout = acquireTimeout;
            b.maxLifetime = maxLifetime;
            b.idleTimeout = idleTimeout;
            b.retryPolicy = retryPolicy;
            b.serverVersion = serverVersion;
            b.slowQueryThreshold = slowQueryThreshold;
            b.driverProperties = new LinkedHashMap<>(driverProperties);
            b.listeners = new ArrayList<>(listeners);
            return b;
        }

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

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Assume this server version instead of asking the server ({@code SELECT version()}) on first connect. */
        public Builder serverVersion(String version) {
            this.serverVersion = version == null ? null : ServerVersion.parse(version);
            return this;
        }

        public Builder slowQueryThreshold(Duration threshold) {
            this.slowQueryThreshold = threshold;
            return this;
        }

        /** An extra driver property, passed unchanged; it wins over the SDK's own driver settings. */
        public Builder driverProperty(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            this.driverProperties.put(name, value);
            return this;
        }

        /**
         * Adds a listener told about every statement the client sends (see {@link StatementListener}). May be
         * called more than once: listeners are called in the order they were added. Default: none, and then no
         * statement event is ever created.
         */
        public Builder listener(StatementListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Applies a URL. Accepted forms:
         * <ul>
         *   <li>{@code matrixone://user:password@host:port/database?account=a&role=r&tlsMode=required&connectTimeout=5s}</li>
         *   <li>{@code mysql://...} and {@code jdbc:mysql://...} with the same parts, {@code user} and
         *       {@code password} also accepted as query parameters</li>
         * </ul>
         * User and password are percent-decoded; a login name with '#' must be written {@code %23}
         * (a raw '#' starts a URL fragment). Query parameters the SDK does not know become driver properties.
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            String s = url.trim();
            if (s.startsWith("jdbc:")) {
                s = s.substring(5);
            }
            String scheme = s.contains("://") ? s.substring(0, s.indexOf("://")).toLowerCase(Locale.ROOT) : "";
            if (!scheme.equals("matrixone") && !scheme.equals("mysql") && !scheme.equals("mariadb")) {
                throw new IllegalArgumentException("URL must start with matrixone://, mysql:// or jdbc:mysql://");
            }
            URI uri;
            try {
                uri = new URI(s);
            } catch (URISyntaxException e) {
                // the message would echo the URL, which may hold a password
                throw new IllegalArgumentException(MALFORMED_URL);
            }
            String info = uri.getRawUserInfo();
            if (uri.getHost() != null) {
                host = uri.getHost();
                if (uri.getPort() >= 0) {
                    port = uri.getPort();
                }
            } else if (uri.getRawAuthority() != null) {
                // java.net.URI gives up on "user@host:port" for host names with '_' (Docker service names), a raw
                // '@' in the password or a bad port, and keeps the authority unparsed; the defaults must not
                // silently take over (they would connect to 127.0.0.1 as root)
                info = authority(uri.getRawAuthority());
            }
            if (info != null) {
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                if (colon >= 0) {
                    password = decode(info.substring(colon + 1));
                }
            }
            String path = uri.getRawPath();
            if (path != null && path.length() > 1) {
                database = decode(path.substring(1));
            }
            String query = uri.getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    option(key, value);
                }
            }
            return this;
        }

        /** Reads {@code [userinfo@]host[:port]} that {@link URI} left unparsed; returns the raw user info. */
        private String authority(String authority) {
            int at = authority.lastIndexOf('@');
            String info = at < 0 ? null : authority.substring(0, at);
            String hostPort = authority.substring(at + 1);
            if (info != null && info.indexOf('@') >= 0) {
                throw new IllegalArgumentException(MALFORMED_URL);
            }
            int colon = hostPort.indexOf(':');
            String h = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (h.isEmpty() || !h.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("malformed URL: the host is missing or holds characters not allowed in a host name");
            }
            if (colon >= 0) {
                String p = hostPort.substring(colon + 1);
                if (!p.matches("[0-9]{1,5}")) {
                    throw new IllegalArgumentException("malformed URL: the port must be a number");
                }
                port = Integer.parseInt(p);
            }
            host = h;
            return info;
        }

        private void option(String key, String value) {
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "account" -> account = value;
                case "role" -> role = value;
                case "database" -> database = value;
                case "tlsMode", "sslMode" -> tlsMode = tls(key, value);
                case "connectTimeout" -> connectTimeout = Durations.parse(key, value);
                case "socketTimeout" -> socketTimeout = Durations.parse(key, value);
                case "queryTimeout" -> queryTimeout = Durations.parse(key, value);
                case "maxPoolSize", "poolSize" -> maxPoolSize = integer(key, value);
                case "minIdle" -> minIdle = integer(key, value);
                case "serverVersion" -> serverVersion(value);
                default -> driverProperties.put(key, value);
            }
        }

        /** Applies {@code MATRIXONE_*} variables from {@code env} (typically {@code System.getenv()}). */
        public Builder environment(Map<String, String> env) {
            Objects.requireNonNull(env, "env");
            String url = env.get(ENV_URL);
            if (url != null && !url.isBlank()) {
                url(url);
            }
            String v;
            if ((v = env.get(ENV_HOST)) != null) {
                host = v;
            }
            if ((v = env.get(ENV_PORT)) != null) {
                port = integer(ENV_PORT, v);
            }
            if ((v = env.get(ENV_USER)) != null) {
                user = v;
            }
            if ((v = env.get(ENV_PASSWORD)) != null) {
                password = v;
            }
            if ((v = env.get(ENV_DATABASE)) != null) {
                database = v.isEmpty() ? null : v;
            }
            if ((v = env.get(ENV_ACCOUNT)) != null) {
                account = v.isEmpty() ? null : v;
            }
            if ((v = env.get(ENV_ROLE)) != null) {
                role = v.isEmpty() ? null : v;
            }
            if ((v = env.get(ENV_CONNECT_TIMEOUT)) != null) {
                connectTimeout = Durations.parse(ENV_CONNECT_TIMEOUT, v);
            }
            if ((v = env.get(ENV_SOCKET_TIMEOUT)) != null) {
                socketTimeout = Durations.parse(ENV_SOCKET_TIMEOUT, v);
            }
            if ((v = env.get(ENV_QUERY_TIMEOUT)) != null) {
                queryTimeout = Durations.parse(ENV_QUERY_TIMEOUT, v);
            }
            if ((v = env.get(ENV_TLS_MODE)) != null) {
                tlsMode = tls(ENV_TLS_MODE, v);
            }
            if ((v = env.get(ENV_POOL_SIZE)) != null) {
                maxPoolSize = integer(ENV_POOL_SIZE, v);
            }
            if ((v = env.get(ENV_SERVER_VERSION)) != null && !v.isBlank()) {
                serverVersion(v);
            }
            return this;
        }

        /** Checks every setting and builds the options. */
        public ClientOptions build() {
            require(host != null && !host.isBlank(), "host must not be blank");
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
                io.matrixone.core.dialect.Identifiers.check(database, io.matrixone.core.dialect.NameKind.DATABASE);
            }
            LoginName.combine(user, account, role); // conflicting login parts fail here, with the builder's name
            return new ClientOptions(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private static void nonNegative(String what, Duration d) {
            require(d != null, what + " must not be null");
            require(!d.isNegative(), what + " must not be negative, was " + d);
        }

        private static int integer(String what, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a whole number, was '" + value + "'", e);
            }
        }

        private static TlsMode tls(String what, String value) {
            try {
                return TlsMode.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " must be one of disabled, preferred, required, verify_ca, "
                        + "verify_identity; was '" + value + "'", e);
            }
        }

        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
