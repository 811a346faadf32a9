package io.matrixone.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every SQL text the emulator received, in arrival order, so a test can assert exactly what the server saw.
 *
 * <p>COM_QUERY texts are recorded as {@link Kind#QUERY}, COM_STMT_PREPARE texts as {@link Kind#PREPARE}; each
 * COM_STMT_EXECUTE is recorded as {@link Kind#EXECUTE} with the SQL of its prepared statement. {@link #sqls()}
 * and {@link #containsSql(String)} look at the texts received (QUERY and PREPARE) only; {@link #all()} also
 * shows the executions. The log keeps the most recent {@value #CAPACITY} entries; tests call {@link #clear()}
 * themselves. Thread-safe.
 */
public final class StatementLog {
    public static final int CAPACITY = 100_000;

    /** How the statement arrived. */
    public enum Kind { QUERY, PREPARE, EXECUTE }

    /**
     * One received statement.
     *
     * @param sessionId the session's connection id (MariaDB's thread id, as {@code CONNECTION_ID()} returns)
     */
    public record Entry(long sessionId, Kind kind, String sql) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sql, "sql");
        }

        /** A text the client sent (QUERY or PREPARE), as opposed to an execution of a prepared statement. */
        public boolean isText() {
            return kind != Kind.EXECUTE;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void record(long sessionId, Kind kind, String sql) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(sessionId, kind, sql));
    }

    /** All entries, oldest first. */
    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    /** The SQL texts received (QUERY and PREPARE), oldest first. */
    public List<String> sqls() {
        return all().stream().filter(Entry::isText).map(Entry::sql).toList();
    }

    /** The entries of one session, oldest first. */
    public List<Entry> forSession(long sessionId) {
        return matching(e -> e.sessionId() == sessionId);
    }

    public List<Entry> matching(Predicate<Entry> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Whether any received text (QUERY or PREPARE) contains this substring. */
    public boolean containsSql(String substring) {
        return countSql(substring) > 0;
    }

    /** How many received texts (QUERY or PREPARE) contain this substring. */
    public long countSql(String substring) {
        return all().stream().filter(e -> e.isText() && e.sql().contains(substring)).count();
    }

    public synchronized Optional<Entry> last() {
        return Optional.ofNullable(entries.peekLast());
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
