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
    private final Driver driver = new com.mysql.cj.jdbc.Driver();
    private final String url;
    private final Properties properties;
    private int loginTimeoutSeconds;

    DriverDataSource(String url, Map<String, String> settings) throws SQLException {
        this.url = url;
        this.properties = DriverSettings.asProperties(settings);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("Connector/J does not accept the URL " + url, "08001");
        }
        return c;
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
