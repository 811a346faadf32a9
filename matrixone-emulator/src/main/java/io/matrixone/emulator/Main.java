package io.matrixone.emulator;

import io.matrixone.emulator.backend.MariaDbServer;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until Ctrl-C:
 * {@code --port 6001} (default), {@code --version 4.2.0} (default), {@code --backend host:port:user:password}
 * (optional; otherwise a MariaDB is launched).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 6001;
        String version = Emulator.DEFAULT_VERSION;
        String backendSpec = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--version" -> version = value(args, ++i, arg);
                case "--backend" -> backendSpec = value(args, ++i, arg);
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + arg);
                    usage();
                    System.exit(2);
                }
            }
        }
        Emulator.Builder builder = Emulator.builder().port(port).version(version);
        if (backendSpec != null) {
            builder.backend(MariaDbServer.parseExternal(backendSpec));
        }
        Emulator emulator = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "mo-emulator-main-stop"));
        emulator.start();
        System.out.printf("MatrixOne emulator v%s listening on %s:%d%n", emulator.version(), emulator.host(),
                emulator.port());
        System.out.printf("  mysql -h%s -P%d -u%s -p%s%n", emulator.host(), emulator.port(), emulator.user(),
                emulator.password());
        System.out.printf("  JDBC: %s (user %s, password %s)%n", emulator.jdbcUrl(), emulator.user(),
                emulator.password());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: Main [--port 6001] [--version 4.2.0] [--backend host:port:user:password]");
    }
}
