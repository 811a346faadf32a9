package io.matrixone.emulator.engine;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB for the engine's ITs: the system {@code mariadbd}, a fresh datadir, a free port on
 * 127.0.0.1, root without password. Never the machine's own server.
 */
final class TestMariaDb implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final int port;

    private TestMariaDb(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    static TestMariaDb start() throws IOException, InterruptedException, SQLException {
        Path dir = Files.createTempDirectory("mo-engine-it");
        Path data = dir.resolve("data");
        // a private tmpdir: instances sharing /tmp have lost each other's temporary files
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--user=root", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--tmpdir=" + tmp)
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("install.log"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(List.of(mariadbd(), "--no-defaults", "--user=root", "--datadir=" + data, "--tmpdir=" + tmp,
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"), "--port=" + port,
                "--bind-address=127.0.0.1", "--skip-log-bin", "--log-error=" + dir.resolve("err.log")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        TestMariaDb db = new TestMariaDb(dir, p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = db.connect("root", "")) {
                c.createStatement().execute("CREATE DATABASE IF NOT EXISTS test");
                return db;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    db.close();
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String mariadbd() {
        return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) ? "/usr/sbin/mariadbd" : "mariadbd";
    }

    int port() {
        return port;
    }

    Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false&allowPublicKeyRetrieval=true"
                + "&connectTimeout=2000", user, password);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
