package io.matrixone.emulator.backend;

import io.matrixone.emulator.engine.BackendResult;

import java.util.List;

/**
 * Gives a freshly installed MariaDB the MatrixOne defaults: user {@code root} with a password for every host,
 * mysql_native_password (the only plugin MatrixOne speaks), no other root or anonymous logins, database
 * {@code test}.
 */
final class UserSetup {
    private static final List<String> ROOT_HOSTS = List.of("localhost", "127.0.0.1", "%");

    private UserSetup() {
    }

    static void apply(BackendConnection admin, String user, String password) {
        String secret = quote(password);
        for (String host : ROOT_HOSTS) {
            String account = quote(user) + "@" + quote(host);
            // CREATE OR REPLACE: install-db already made some of these accounts (a plain CREATE fails with 1396).
            admin.execute("CREATE OR REPLACE USER " + account + " IDENTIFIED VIA mysql_native_password USING PASSWORD("
                    + secret + ")");
            admin.execute("GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION");
        }
        BackendResult others = admin.execute("SELECT user, host FROM mysql.user WHERE user = '' OR (user = "
                + quote(user) + " AND host NOT IN ('localhost', '127.0.0.1', '%'))");
        for (List<String> row : others.rows()) {
            admin.execute("DROP USER " + quote(row.get(0)) + "@" + quote(row.get(1)));
        }
        admin.execute("CREATE DATABASE IF NOT EXISTS " + MariaDbServer.DEFAULT_DATABASE);
        admin.execute("FLUSH PRIVILEGES");
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
