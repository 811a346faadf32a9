package io.matrixone.emulator;

import io.matrixone.emulator.backend.BackendConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A real MatrixOne for the test suite's third tier, read from {@code MATRIXONE_URL}
 * ({@code matrixone://user:password@host:port}) or {@code MATRIXONE_HOST} / {@code _PORT} / {@code _USER} /
 * {@code _PASSWORD}. Tests reach it through {@link Emulator#real(RealServer)}, in a database of their own
 * ({@value #DATABASE}, created if missing); what needs the emulator (statement log, faults, the MariaDB behind it)
 * skips the test with its reason.
 *
 * @param host     the server's host
 * @param port     its MySQL-protocol port
 * @param user     the login (MatrixOne's {@code account#user} form allowed)
 * @param password the password
 * @param version  the version the server reports, e.g. {@code 4.2.0}
 */
public record RealServer(String host, int port, String user, String password, String version) {
    /** The database the third tier's tests work in. */
    public static final String DATABASE = "sdk_tier3";
    private static final Pattern VERSION = Pattern.compile("MatrixOne-v?(\\d+\\.\\d+\\.\\d+)");

    public RealServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The server named by the environment, its version asked, its test database made; {@code null} if none is named. */
    public static RealServer fromEnvironment(Map<String, String> env) {
        String url = env.get("MATRIXONE_URL");
        String host;
        int port = 6001;
        String user = env.getOrDefault("MATRIXONE_USER", "root");
        String password = env.getOrDefault("MATRIXONE_PASSWORD", "111");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.trim().replaceFirst("^jdbc:", ""));
            host = uri.getHost();
            port = uri.getPort() > 0 ? uri.getPort() : port;
            String info = uri.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                if (colon >= 0) {
                    password = decode(info.substring(colon + 1));
                }
            }
        } else if (env.get("MATRIXONE_HOST") != null && !env.get("MATRIXONE_HOST").isBlank()) {
            host = env.get("MATRIXONE_HOST");
            if (env.get("MATRIXONE_PORT") != null) {
                port = Integer.parseInt(env.get("MATRIXONE_PORT").trim());
            }
        } else {
            return null;
        }
        try (BackendConnection c = BackendConnection.open(host, port, user, password, null)) {
            String reported = c.execute("SELECT version()").rows().get(0).get(0);
            Matcher m = VERSION.matcher(reported == null ? "" : reported);
            if (!m.find()) {
                throw new IllegalStateException("MATRIXONE_URL/MATRIXONE_HOST does not name a MatrixOne: version() is '"
                        + reported + "'");
            }
            c.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
            return new RealServer(host, port, user, password, m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the MatrixOne named by MATRIXONE_URL/MATRIXONE_HOST at " + host
                    + ":" + port, e);
        }
    }

    public String database() {
        return DATABASE;
    }

    /** Skips the calling test, saying why it cannot run against a real MatrixOne. */
    public void skip(String reason) {
        Assumptions.abort("real MatrixOne " + version + ": " + reason);
    }

    @Override
    public String toString() {
        return "v" + version + " at " + host + ":" + port; // never the password
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
