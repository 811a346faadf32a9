package io.matrixone.core.config;

import io.matrixone.core.version.ServerVersion;

/**
 * Where to connect and as whom.
 *
 * @param host          the server's host name or address
 * @param port          the server's MySQL-protocol port (MatrixOne: 6001)
 * @param login         account, user and role; the server receives {@link LoginName#format()}
 * @param password      the password; never logged, masked by {@link #toString()}
 * @param database      the default database, or {@code null}
 * @param serverVersion the server version to assume, or {@code null} to ask the server on first connect
 */
public record ConnectionOptions(String host, int port, LoginName login, String password, String database,
                                ServerVersion serverVersion) {

    /** The user name the server receives, e.g. {@code acc#admin#accountadmin}. */
    public String loginName() {
        return login.format();
    }

    @Override
    public String toString() {
        return host + ":" + port + ", login=" + login + ", password=****"
                + (database == null ? "" : ", database=" + database)
                + (serverVersion == null ? "" : ", serverVersion=" + serverVersion.semantic());
    }
}
