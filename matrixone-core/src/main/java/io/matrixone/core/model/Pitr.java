package io.matrixone.core.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code SHOW PITR} (mo_sql.md §5.2). The server shows {@code *} for names that do not apply;
 * they are {@code null} here. Times are {@code FROM_UNIXTIME} values: the server's local time, whole seconds.
 */
public record Pitr(String name, LocalDateTime createdTime, LocalDateTime modifiedTime, SnapshotLevel level,
                   String account, String database, String table, PitrRange range) {

    public Pitr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(range, "range");
        account = star(account);
        database = star(database);
        table = star(table);
    }

    private static String star(String s) {
        s = Models.blankToNull(s);
        return "*".equals(s) ? null : s;
    }
}
