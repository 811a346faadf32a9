package io.matrixone.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A helper process the benchmark starts and stops itself (the emulator, a latency proxy, a small-heap fork, the
 * Python SDK worker): in another process, so that its CPU time and allocations are not charged to the client
 * measured here. Its output goes to a log file once the ready line was seen.
 */
public final class Child implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Matcher ready;
    private final Path log;

    private Child(String name, Process process, Matcher ready, Path log) {
        this.name = name;
        this.process = process;
        this.ready = ready;
        this.log = log;
    }

    /** A JVM on this JVM's class path running {@code mainClass}. */
    public static Child java(String name, List<String> jvmArgs, String mainClass, List<String> args, Pattern readyLine,
                             Duration timeout) {
        return start(name, javaCommand(jvmArgs, mainClass, args), readyLine, timeout);
    }

    /** The command line of a JVM like this one (same java, same class path) running {@code mainClass}. */
    private static List<String> javaCommand(List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Any command; waits until a line of its standard output matches {@code readyLine}. */
    public static Child start(String name, List<String> command, Pattern readyLine, Duration timeout) {
        try {
            Path log = Files.createTempFile("matrixone-bench-" + name + "-", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Matcher> seen = new CompletableFuture<>();
            Thread pump = new Thread(() -> {
                try (var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        w.write(line);
                        w.newLine();
                        w.flush();
                        Matcher m = readyLine.matcher(line);
                        if (!seen.isDone() && m.find()) {
                            seen.complete(m);
                        }
                    }
                } catch (IOException e) {
                    seen.completeExceptionally(e);
                }
                seen.completeExceptionally(new IllegalStateException(name + " ended before it was ready; see " + log));
            }, "child-" + name);
            pump.setDaemon(true);
            pump.start();
            try {
                return new Child(name, p, seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS), log);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " did not start: " + e.getMessage() + "; see " + log, e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a JVM on this JVM's class path to its end, echoing its output with a prefix; fails if it exits with an
     * error.
     */
    public static void runJava(String name, List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> cmd = javaCommand(jvmArgs, mainClass, args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println("[" + name + "] " + line);
                }
            }
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(name + " exited with " + rc);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A group of the ready line. */
    public String group(int i) {
        return ready.group(i);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
