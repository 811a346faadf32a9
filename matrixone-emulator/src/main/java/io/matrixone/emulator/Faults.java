package io.matrixone.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Fault injection for tests. Rules match statements by regular expression ({@code find}, case-insensitive);
 * they apply to each COM_QUERY and to each COM_STMT_EXECUTE (matched on the SQL of its prepared statement),
 * before the statement engine sees the statement. COM_STMT_PREPARE is not affected: drivers fall back to
 * client-side statements when a prepare fails, which would hide the fault.
 *
 * <p>Fail and drop rules are consumed in the order they were added: the first matching rule with uses left
 * fires once. Latency rules never run out; all matching ones add up. Thread-safe; per emulator.
 */
public final class Faults {

    /** What the relay does with a statement. */
    public sealed interface Action {
    }

    /** Run the statement normally. */
    public record Proceed() implements Action {
    }

    /** Answer with this error instead of running the statement. */
    public record Fail(int errorCode, String sqlState, String message) implements Action {
    }

    /** Close the client connection without running the statement. */
    public record DropBefore() implements Action {
    }

    /** Run the statement on the backend, then close the client connection instead of answering. */
    public record DropAfter() implements Action {
    }

    /**
     * Play a hostile server: answer the statement with a {@code LOCAL INFILE} request for {@code fileName}, read
     * whatever the client sends back (recorded in {@link #localFileRequests()}), then answer OK without running it.
     */
    public record RequestLocalFile(String fileName) implements Action {
    }

    /** A local-file request the emulator made, and how many bytes of file content the client sent for it. */
    public record LocalFileRequest(String fileName, String sql, long bytesReceived) {
    }

    /** The relay's decision for one statement: wait this long, then do this. */
    public record Decision(Duration delay, Action action) {
    }

    private static final Decision PROCEED = new Decision(Duration.ZERO, new Proceed());

    private static final class Rule {
        final Pattern pattern;
        final Action action;
        int remaining;

        Rule(String regex, Action action, int times) {
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1: " + times);
            }
            this.pattern = compile(regex);
            this.action = action;
            this.remaining = times;
        }
    }

    private record Latency(Pattern pattern, Duration delay) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<LocalFileRequest> fileRequests = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private boolean echoPipelined;

    /** The next statement matching {@code regex} fails with this error (SQLSTATE HY000, as MatrixOne sends). */
    public Faults failNext(String regex, int errorCode, String message) {
        return failNext(regex, errorCode, "HY000", message, 1);
    }

    /** The next {@code times} statements matching {@code regex} fail with this error (SQLSTATE HY000). */
    public Faults failNext(String regex, int errorCode, String message, int times) {
        return failNext(regex, errorCode, "HY000", message, times);
    }

    public Faults failNext(String regex, int errorCode, String sqlState, String message, int times) {
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
        return add(new Rule(regex, new Fail(errorCode, sqlState, message), times));
    }

    /** The next statement matching {@code regex} is not run: the client connection is closed instead. */
    public Faults dropBefore(String regex) {
        return add(new Rule(regex, new DropBefore(), 1));
    }

    /** The next statement matching {@code regex} runs on the backend, then the client connection is closed. */
    public Faults dropAfter(String regex) {
        return add(new Rule(regex, new DropAfter(), 1));
    }

    /**
     * The next statement matching {@code regex} is answered with a request for the client's local file
     * {@code fileName}, as a hostile or impersonated server could send to any query. The client must refuse: see
     * {@link #localFileRequests()} for what it sent.
     */
    public Faults requestLocalFile(String regex, String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        return add(new Rule(regex, new RequestLocalFile(fileName), 1));
    }

    /** The local-file requests made so far, with the bytes each client sent in answer. */
    public synchronized List<LocalFileRequest> localFileRequests() {
        return List.copyOf(fileRequests);
    }

    /** Records what a client sent in answer to a local-file request (called by the relay). */
    public synchronized void recordLocalFileRequest(LocalFileRequest request) {
        fileRequests.add(request);
    }

    /** Every statement waits this long before it runs. */
    public Faults latency(Duration delay) {
        return latency(".*", delay);
    }

    /** Every statement matching {@code regex} waits this long before it runs. */
    public synchronized Faults latency(String regex, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative latency " + delay);
        }
        latencies.add(new Latency(compile(regex), delay));
        return this;
    }

    /**
     * Plays MatrixOne 4.2.0's pipelining bug (finding F-01), for clients that must not pipeline: a command already
     * waiting in the emulator's read buffer when it takes up the command before it is sent back verbatim, with its own
     * sequence id, ahead of that command's answer, and never run. Whether a command waits depends on how the client
     * writes (commands written together always do). Unlike MatrixOne, the echo is sent even when the first command
     * fails (MatrixOne then drops the waiting commands without a word).
     */
    public synchronized Faults echoPipelinedCommands() {
        echoPipelined = true;
        return this;
    }

    /** Whether {@link #echoPipelinedCommands()} is on. */
    public synchronized boolean echoesPipelinedCommands() {
        return echoPipelined;
    }

    /** Removes every rule. */
    public synchronized Faults clear() {
        echoPipelined = false;
        rules.clear();
        latencies.clear();
        fileRequests.clear();
        return this;
    }

    /** Whether no rule is left. */
    public synchronized boolean isEmpty() {
        return rules.isEmpty() && latencies.isEmpty();
    }

    /** Decides what happens to a statement, consuming one use of the fail or drop rule that fires. */
    public synchronized Decision decide(String sql) {
        if (rules.isEmpty() && latencies.isEmpty()) {
            return PROCEED;
        }
        Duration delay = Duration.ZERO;
        for (Latency l : latencies) {
            if (l.pattern().matcher(sql).find()) {
                delay = delay.plus(l.delay());
            }
        }
        Action action = new Proceed();
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.pattern.matcher(sql).find()) {
                action = rule.action;
                if (--rule.remaining == 0) {
                    it.remove();
                }
                break;
            }
        }
        return new Decision(delay, action);
    }

    private synchronized Faults add(Rule rule) {
        rules.add(rule);
        return this;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(Objects.requireNonNull(regex, "regex"), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
