package io.matrixone.client.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens physical connections with Connector/J's plain {@link Driver} and the SDK's {@link DriverSettings}.
 * HikariCP is given this data source rather than a URL and properties: it then never holds (nor logs at DEBUG)
 * the trust and key store passwords, which its configuration dump masks only under the name "password".
 */
final class DriverDataSource implements DataSource {
    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final int socketTimeoutMillis;
    private int loginTimeoutSeconds;

    /**
     * Connector/J bounds only the TCP connect by {@code connectTimeout}; reading the server's greeting waits for
     * {@code socketTimeout}, which is often 0 (forever). So the handshake runs with the connect timeout as its
     * socket timeout, and the configured socket timeout is applied once the connection is open.
     */
    DriverDataSource(String url, Map<String, String> settings) {
        try {
            this.driver = new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new IllegalStateException("Connector/J cannot be loaded", e);
        }
        this.url = url;
        this.properties = DriverSettings.asProperties(settings);
        this.socketTimeoutMillis = parseMillis(settings.get("socketTimeout"));
        int connectTimeoutMillis = parseMillis(settings.get("connectTimeout"));
        if (connectTimeoutMillis > 0) {
            properties.setProperty("socketTimeout", Integer.toString(connectTimeoutMillis));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("Connector/J does not accept the URL " + url, "08001");
        }
        try {
            c.setNetworkTimeout(Runnable::run, socketTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static int parseMillis(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0; // the driver rejects it itself, with its own message
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the client options");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** No properties here: they hold passwords. */
    @Override
    public String toString() {
        return "DriverDataSource[" + url + "]";
    }
}
