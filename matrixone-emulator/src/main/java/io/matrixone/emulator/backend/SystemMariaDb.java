package io.matrixone.emulator.backend;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches the machine's own {@code mariadbd} on a fresh temporary data directory.
 *
 * <p>The server runs under a tiny {@code sh} watchdog that holds a pipe from this JVM on its stdin: when the
 * JVM closes the pipe (on {@link MariaDbServer#close()}) or dies in any way, even by SIGKILL, the watchdog
 * stops the server. A shutdown hook covers the ordinary JVM exit as well.
 */
final class SystemMariaDb {
    private static final Logger log = LoggerFactory.getLogger(SystemMariaDb.class);
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final long STOP_TIMEOUT_MILLIS = 15_000;
    /**
     * Stops the server when stdin closes (a signal to the watchdog would only fire after its foreground cat),
     * then deletes the server's directory, so even a killed JVM leaves nothing behind. $1 is the directory.
     */
    private static final String WATCHDOG = "dir=$1; shift; \"$@\" </dev/null & pid=$!; cat >/dev/null; "
            + "kill $pid 2>/dev/null; wait $pid; rm -rf \"$dir\"";

    private SystemMariaDb() {
    }

    /** The installed {@code mariadbd} and {@code mariadb-install-db}, when both exist. */
    record Binaries(Path server, Path installDb) {
    }

    static Optional<Binaries> find() {
        Optional<Path> server = locate("mariadbd");
        Optional<Path> installDb = locate("mariadb-install-db").or(() -> locate("mysql_install_db"));
        return server.isPresent() && installDb.isPresent()
                ? Optional.of(new Binaries(server.get(), installDb.get())) : Optional.empty();
    }

    private static Optional<Path> locate(String name) {
        List<String> dirs = new ArrayList<>(List.of(
                Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"));
        return dirs.stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static MariaDbServer launch(Binaries binaries) {
        long started = System.nanoTime();
        Path dir = null;
        Running running = null;
        try {
            dir = Files.createTempDirectory("mo-emulator-mariadb-");
            Path data = dir.resolve("data");
            install(binaries.installDb(), data, dir.resolve("install.log"));
            int port = freePort();
            running = start(binaries.server(), dir, data, port);
            waitUntilReady(running, port, dir.resolve("error.log"));
            try (BackendConnection admin = BackendConnection.open("127.0.0.1", port, "root", "", null)) {
                UserSetup.apply(admin, MariaDbServer.DEFAULT_USER, MariaDbServer.DEFAULT_PASSWORD);
            }
            log.info("Started MariaDB {} on 127.0.0.1:{} in {} ms (data in {})", binaries.server(), port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), data);
            Running server = running;
            return new MariaDbServer(MariaDbServer.Kind.SYSTEM, "127.0.0.1", port, MariaDbServer.DEFAULT_USER,
                    MariaDbServer.DEFAULT_PASSWORD, server::stop);
        } catch (IOException | RuntimeException e) {
            if (running != null) {
                running.stop();
            } else if (dir != null) {
                deleteTree(dir);
            }
            throw new IllegalStateException("could not start the system MariaDB: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (running != null) {
                running.stop();
            }
            throw new IllegalStateException("interrupted while starting MariaDB", e);
        }
    }

    private static void install(Path installDb, Path data, Path logFile) throws IOException, InterruptedException {
        // options the script does not know go to mariadbd: a private tmpdir, as for the server itself
        Path tmp = Files.createDirectories(data.resolveSibling("tmp"));
        List<String> cmd = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--tmpdir=" + tmp));
        if (isRoot()) {
            cmd.add("--user=root");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (!p.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("mariadb-install-db did not finish in time");
        }
        if (p.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed with exit code " + p.exitValue() + ": " + tail(logFile));
        }
    }

    private static Running start(Path server, Path dir, Path data, int port) throws IOException {
        // a private tmpdir: MariaDB names its temporary files after its pid, and instances sharing /tmp have been
        // seen losing them ("Error on delete of '/tmp/#sql-temptable-...'")
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "mariadb-watchdog", dir.toString(), server.toString(),
                "--no-defaults", "--datadir=" + data, "--tmpdir=" + tmp, "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--port=" + port, "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--skip-log-bin", "--log-error=" + dir.resolve("error.log"),
                "--max-allowed-packet=64M", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                // full-text: every word indexed, as MatrixOne's default parser does (MariaDB: 3 characters, stopwords)
                "--innodb-ft-min-token-size=1", "--innodb-ft-enable-stopword=0"));
        if (isRoot()) {
            cmd.add("--user=root");
        }
        Process watchdog = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile())
                .start();
        return new Running(watchdog, dir);
    }

    private static void waitUntilReady(Running running, int port, Path errorLog)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (true) {
            if (!running.watchdog.isAlive()) {
                throw new IOException("mariadbd exited during startup: " + tail(errorLog));
            }
            try {
                BackendConnection.open("127.0.0.1", port, "root", "", null).close();
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("mariadbd did not accept connections within " + START_TIMEOUT_MILLIS
                            + " ms: " + tail(errorLog), notYet);
                }
                // Polling is the only readiness signal a foreign process gives; 50 ms keeps startup snappy.
                Thread.sleep(50);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return; // the watchdog got there first
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException e) {
            log.debug("{} vanished while being deleted (the watchdog deletes it too)", dir);
        } catch (IOException e) {
            log.warn("Could not delete {}", dir, e);
        }
    }

    /** A started server: its watchdog process, its directory and the shutdown hook that guards both. */
    private static final class Running {
        private final Process watchdog;
        private final Path dir;
        private final Thread hook;

        Running(Process watchdog, Path dir) {
            this.watchdog = watchdog;
            this.dir = dir;
            this.hook = new Thread(this::terminate, "mo-emulator-mariadb-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void stop() {
            terminate();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
        }

        private synchronized void terminate() {
            if (!Files.exists(dir)) {
                return;
            }
            try (OutputStream stdin = watchdog.getOutputStream()) {
                stdin.flush();
            } catch (IOException ignored) {
                // closing the pipe is the signal; an error means the watchdog is already gone
            }
            try {
                if (!watchdog.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    log.warn("MariaDB did not stop within {} ms; killing it", STOP_TIMEOUT_MILLIS);
                    killServer();
                    watchdog.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killServer();
                watchdog.destroyForcibly();
            }
            deleteTree(dir);
        }

        private void killServer() {
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve("mysqld.pid")).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            } catch (IOException | NumberFormatException e) {
                watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }
}
