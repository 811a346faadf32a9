package io.matrixone.client.internal;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one place that decides how Connector/J talks to MatrixOne (mo_sql.md §12). Every setting carries the
 * reason it is there. The user's explicit driver properties ({@code SessionOptions.driverProperties()}) are applied
 * after them and win, except for the security-relevant ones, which only {@code insecureDriverProperty} can change.
 *
 * <p>What is deliberately absent: the SDK connects through the plain {@code com.mysql.cj.jdbc.Driver} and never
 * through {@code MysqlConnectionPoolDataSource} / {@code MysqlXADataSource} or {@code changeUser}, the only
 * paths on which Connector/J sends COM_RESET_CONNECTION or COM_CHANGE_USER, which MatrixOne answers with
 * "unsupported command". HikariCP gets neither a test query nor a transaction isolation (see {@link ConnectionPool}).
 */
public final class DriverSettings {

    private DriverSettings() {
    }

    /**
     * {@code jdbc:mysql://host:port/[database]}; credentials never go into the URL (URLs end up in logs). The database
     * is percent-encoded, as Connector/J decodes it: a name may hold {@code ?}, {@code #}, {@code &} or {@code %}
     * (legal once back-quoted), which would otherwise end the path and turn the rest into driver properties
     * ({@code database("x?autoDeserialize=true")}).
     */
    public static String jdbcUrl(ClientOptions options) {
        String host = options.connection().host();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // IPv6 literal
        }
        String database = options.connection().database();
        return "jdbc:mysql://" + host + ":" + options.connection().port() + "/"
                + (database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8));
    }

    /**
     * The driver properties for these options, in a stable order, including {@code user} and {@code password}.
     * The map holds secrets: never log it (use {@link #describe(Map)}).
     */
    public static Map<String, String> properties(ClientOptions options) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("user", options.connection().loginName()); // acc#user#role: MatrixOne reads account and role from the user name
        p.put("password", options.connection().password());

        // Prepared statements are prepared by the driver (parameters bound as escaped literals, text protocol), not
        // by the server: when MatrixOne (4.2.0 measured) refuses a server-side PREPARE, Connector/J falls back after
        // sending COM_STMT_CLOSE, which MatrixOne answers with an error packet MySQL never sends; that stray answer
        // then becomes the reply to the statement (a bogus 20400 instead of the real error, and the statement not
        // run) about every third time. The parse of each distinct SQL is cached per connection.
        p.put("useServerPrepStmts", "false");
        p.put("cachePrepStmts", "true");
        p.put("prepStmtCacheSize", "256");
        p.put("prepStmtCacheSqlLimit", "4096");
        // Answer getAutoCommit()/getTransactionIsolation()/isReadOnly() from local state: otherwise the driver
        // (and HikariCP's setup, which asks for the isolation) queries or SETs session variables, and on
        // MatrixOne <= 4.2.0 any SET inside an open transaction commits it (issue #26872).
        p.put("useLocalSessionState", "true");
        // Never send SET SESSION TRANSACTION ISOLATION LEVEL on its own: a no-op on MatrixOne <= 4.2.0 and refused
        // inside a transaction (20101); MatrixOne's documented JDBC settings require this.
        p.put("alwaysSendSetIsolation", "false");
        // Skip SET autocommit when the value does not change: one SET less per borrow, none mid-transaction.
        p.put("elideSetAutoCommits", "true");
        // MatrixOne has no COM_STMT_FETCH: cursor fetch fails with 20301 "unsupported Prepare flag" (issue #27286).
        // Large results stream row by row instead (fetch size Integer.MIN_VALUE).
        p.put("useCursorFetch", "false");
        // Streaming results would make the driver send SET net_write_timeout=600 before and =60 after each stream:
        // inside a transaction on MatrixOne up to 4.2.0 that SET commits the transaction half-way.
        p.put("netTimeoutForStreamingResults", "0");
        // Stop a batch at the first failing row, as MatrixOne's documented settings ask: a batch is all-or-nothing.
        p.put("continueBatchOnError", "false");
        // One multi-row INSERT per batch instead of one round trip per row (the bulk-load target in DESIGN §6).
        p.put("rewriteBatchedStatements", "true");
        // No JDBC escape processing: Connector/J would rewrite '{fn x}', '{call x}', '{?=call x}' and '/*' even
        // inside back-quoted names the SDK already validated and quoted ('{fn victim}' became 'victim'), so a
        // statement would reach the server altered. MatrixOne has no use for JDBC escapes; SQL goes out as written.
        p.put("enableEscapeProcessing", "false");
        p.put("processEscapeCodesForPrepStmts", "false");
        // MatrixOne speaks utf8mb4; the driver maps UTF-8 to it.
        p.put("characterEncoding", "UTF-8");
        // '0000-00-00' dates read as NULL rather than failing the whole row.
        p.put("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        // A silent reconnect would lose the open transaction and the session; the pool replaces broken connections.
        p.put("autoReconnect", "false");
        // Detect dead peers on idle pooled connections.
        p.put("tcpKeepAlive", "true");

        // Timeouts reach the driver in milliseconds; 0 means none.
        p.put("connectTimeout", Long.toString(millis(options.timeouts().connect())));
        p.put("socketTimeout", Long.toString(millis(options.timeouts().socket())));

        // LOAD DATA LOCAL INFILE for bulk inserts, without ever letting the server read a client file: the driver
        // announces local-file support but may read only inside an empty private directory; BulkLoader hooks its
        // own stream for its own statements only. Never allowLoadLocalInfile=true here (see BulkLoader).
        p.put("allowLoadLocalInfileInPath", localInfileDir());
        p.put("allowUrlInLocalInfile", "false");

        tls(options, p);

        p.putAll(options.session().driverProperties()); // explicit user settings win; none is security-relevant
        p.putAll(options.session().insecureDriverProperties()); // asked for in code, by name: see the builder
        return Collections.unmodifiableMap(p);
    }

    private static volatile String localInfileDir;

    /**
     * An empty directory only this process can write to (mode 0700 where the file system has POSIX permissions),
     * created once per JVM and deleted at exit: the only place the driver would read a file from if a server asked.
     */
    public static String localInfileDir() {
        String dir = localInfileDir;
        if (dir == null) {
            synchronized (DriverSettings.class) {
                dir = localInfileDir;
                if (dir == null) {
                    localInfileDir = dir = createEmptyPrivateDir();
                }
            }
        }
        return dir;
    }

    private static String createEmptyPrivateDir() {
        try {
            Path path;
            try {
                path = Files.createTempDirectory("matrixone-no-local-files-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                path = Files.createTempDirectory("matrixone-no-local-files-");
            }
            path.toFile().deleteOnExit();
            return path.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the empty directory for allowLoadLocalInfileInPath", e);
        }
    }

    /** The same settings as {@link Properties}, as {@code Driver.connect} wants them. */
    public static Properties asProperties(Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        return props;
    }

    /** The settings for a log line: every value whose name mentions a password is masked. */
    public static String describe(Map<String, String> settings) {
        StringBuilder sb = new StringBuilder("{");
        settings.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(k.toLowerCase(Locale.ROOT).contains("password") ? "****" : v);
        });
        return sb.append('}').toString();
    }

    private static void tls(ClientOptions options, Map<String, String> p) {
        TlsMode mode = options.tls().mode();
        p.put("sslMode", switch (mode) {
            case DISABLED -> "DISABLED";
            case PREFERRED -> "PREFERRED";
            case REQUIRED -> "REQUIRED";
            case VERIFY_CA -> "VERIFY_CA";
            case VERIFY_IDENTITY -> "VERIFY_IDENTITY";
        });
        if (options.tls().trustStorePath() != null) {
            p.put("trustCertificateKeyStoreUrl", fileUrl(options.tls().trustStorePath()));
            p.put("trustCertificateKeyStoreType", storeType(options.tls().trustStorePath()));
            if (options.tls().trustStorePassword() != null) {
                p.put("trustCertificateKeyStorePassword", options.tls().trustStorePassword());
            }
        }
        if (options.tls().keyStorePath() != null) {
            p.put("clientCertificateKeyStoreUrl", fileUrl(options.tls().keyStorePath()));
            p.put("clientCertificateKeyStoreType", storeType(options.tls().keyStorePath()));
            if (options.tls().keyStorePassword() != null) {
                p.put("clientCertificateKeyStorePassword", options.tls().keyStorePassword());
            }
        }
    }

    /** Connector/J wants a URL; a plain path is turned into {@code file:}. */
    private static String fileUrl(String path) {
        return path.contains(":/") ? path : java.nio.file.Path.of(path).toAbsolutePath().toUri().toString();
    }

    private static String storeType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".p12") || lower.endsWith(".pfx") ? "PKCS12" : "JKS";
    }

    private static long millis(Duration d) {
        long ms = Math.min(d.toMillis(), Integer.MAX_VALUE); // the driver reads an int
        return ms == 0 && !d.isZero() ? 1 : ms; // a sub-millisecond timeout must not become "no timeout"
    }
}
