package io.matrixone.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads options from a URL and from {@code MATRIXONE_*} environment variables. One table names every option once:
 * its URL key, its environment variable, and how its text is parsed, so the two sources cannot disagree. Unknown URL
 * keys are errors that name the key; driver properties and session variables must be asked for explicitly
 * ({@code driver.name=value}, {@code session.name=value}), and security-relevant driver properties are refused.
 */
public final class OptionParser {
    private static final String MALFORMED_URL =
            "malformed URL (check that '#', '@' and ':' in user or password are percent-encoded)";
    static final String DRIVER_PREFIX = "driver.";
    static final String SESSION_PREFIX = "session.";

    /** How an option's text applies; {@code name} is the URL key or environment variable, for error messages. */
    @FunctionalInterface
    private interface Apply {
        void apply(ClientOptions.Builder b, String name, String value);
    }

    /** One option: URL key (and aliases), environment variable ({@code null}: URL only), how it applies. */
    private record Option(List<String> keys, String env, Apply apply) {
    }

    private static final List<Option> OPTIONS = List.of(
            new Option(List.of("host"), ClientOptions.ENV_HOST, (b, n, v) -> b.host(v)),
            new Option(List.of("port"), "MATRIXONE_PORT", (b, n, v) -> b.port(integer(n, v))),
            new Option(List.of("user"), "MATRIXONE_USER", (b, n, v) -> b.user(v)),
            new Option(List.of("password"), "MATRIXONE_PASSWORD", (b, n, v) -> b.password(v)),
            new Option(List.of("database"), "MATRIXONE_DATABASE", (b, n, v) -> b.database(v.isEmpty() ? null : v)),
            new Option(List.of("account"), "MATRIXONE_ACCOUNT", (b, n, v) -> b.account(v.isEmpty() ? null : v)),
            new Option(List.of("role"), "MATRIXONE_ROLE", (b, n, v) -> b.role(v.isEmpty() ? null : v)),
            new Option(List.of("serverVersion"), "MATRIXONE_SERVER_VERSION",
                    (b, n, v) -> b.serverVersion(v.isBlank() ? null : v)),
            new Option(List.of("tlsMode", "sslMode"), "MATRIXONE_TLS_MODE", (b, n, v) -> b.tlsMode(tls(n, v))),
            new Option(List.of("connectTimeout"), "MATRIXONE_CONNECT_TIMEOUT",
                    (b, n, v) -> b.connectTimeout(Durations.parse(n, v))),
            new Option(List.of("socketTimeout"), "MATRIXONE_SOCKET_TIMEOUT",
                    (b, n, v) -> b.socketTimeout(Durations.parse(n, v))),
            new Option(List.of("queryTimeout"), "MATRIXONE_QUERY_TIMEOUT",
                    (b, n, v) -> b.queryTimeout(Durations.parse(n, v))),
            new Option(List.of("slowQueryThreshold"), "MATRIXONE_SLOW_QUERY_THRESHOLD",
                    (b, n, v) -> b.slowQueryThreshold(Durations.parse(n, v))),
            new Option(List.of("maxPoolSize", "poolSize"), "MATRIXONE_POOL_SIZE",
                    (b, n, v) -> b.maxPoolSize(integer(n, v))),
            new Option(List.of("minIdle"), "MATRIXONE_MIN_IDLE", (b, n, v) -> b.minIdle(integer(n, v))),
            new Option(List.of("acquireTimeout"), "MATRIXONE_ACQUIRE_TIMEOUT",
                    (b, n, v) -> b.acquireTimeout(Durations.parse(n, v))),
            new Option(List.of("maxLifetime"), null, (b, n, v) -> b.maxLifetime(Durations.parse(n, v))),
            new Option(List.of("idleTimeout"), null, (b, n, v) -> b.idleTimeout(Durations.parse(n, v))));

    private static final Map<String, Option> BY_KEY = new LinkedHashMap<>();

    static {
        for (Option o : OPTIONS) {
            for (String k : o.keys()) {
                BY_KEY.put(k.toLowerCase(Locale.ROOT), o);
            }
        }
    }

    private OptionParser() {
    }

    /** The option keys a URL may carry, besides {@code driver.*} and {@code session.*}. */
    public static List<String> urlKeys() {
        return OPTIONS.stream().flatMap(o -> o.keys().stream()).toList();
    }

    /** The environment variables read, besides {@code MATRIXONE_URL}. */
    public static List<String> environmentNames() {
        return OPTIONS.stream().map(Option::env).filter(Objects::nonNull).toList();
    }

    static void applyUrl(ClientOptions.Builder b, String url) {
        Objects.requireNonNull(url, "url must not be null");
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
            throw new IllegalArgumentException(MALFORMED_URL); // the message would echo the URL and its password
        }
        String info = uri.getRawUserInfo();
        if (uri.getHost() != null) {
            b.host(uri.getHost());
            if (uri.getPort() >= 0) {
                b.port(uri.getPort());
            }
        } else if (uri.getRawAuthority() != null) {
            // java.net.URI gives up on "user@host:port" for host names with '_' (Docker service names), a raw
            // '@' in the password or a bad port, and keeps the authority unparsed; the defaults must not
            // silently take over (they would connect to 127.0.0.1 as root)
            info = authority(b, uri.getRawAuthority());
        }
        if (info != null) {
            int colon = info.indexOf(':');
            b.user(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                b.password(decode(info.substring(colon + 1)));
            }
        }
        String path = uri.getRawPath();
        if (path != null && path.length() > 1) {
            b.database(decode(path.substring(1)));
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
                urlOption(b, key, value);
            }
        }
    }

    private static void urlOption(ClientOptions.Builder b, String key, String value) {
        if (key.startsWith(DRIVER_PREFIX) && key.length() > DRIVER_PREFIX.length()) {
            b.driverProperty(key.substring(DRIVER_PREFIX.length()), value); // security-relevant ones are refused
            return;
        }
        if (key.startsWith(SESSION_PREFIX) && key.length() > SESSION_PREFIX.length()) {
            b.sessionVariable(key.substring(SESSION_PREFIX.length()), value);
            return;
        }
        Option o = BY_KEY.get(key.toLowerCase(Locale.ROOT));
        if (o == null) {
            throw new IllegalArgumentException("unknown option '" + key + "' in the URL; known: "
                    + new TreeSet<>(urlKeys()) + ". Pass a driver property as " + DRIVER_PREFIX + key
                    + "=value, a session variable as " + SESSION_PREFIX + key + "=value");
        }
        o.apply().apply(b, key, value);
    }

    /** Reads {@code [userinfo@]host[:port]} that {@link URI} left unparsed; returns the raw user info. */
    private static String authority(ClientOptions.Builder b, String authority) {
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
            b.port(Integer.parseInt(p));
        }
        b.host(h);
        return info;
    }

    static void applyEnvironment(ClientOptions.Builder b, Map<String, String> env) {
        Objects.requireNonNull(env, "env must not be null");
        String url = env.get(ClientOptions.ENV_URL);
        if (url != null && !url.isBlank()) {
            applyUrl(b, url);
        }
        for (Option o : OPTIONS) {
            String v = o.env() == null ? null : env.get(o.env());
            if (v != null) {
                o.apply().apply(b, o.env(), v);
            }
        }
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
