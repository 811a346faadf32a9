package io.matrixone.core.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code SHOW ACCOUNTS} (columns {@code account_name, admin_name, created_time, status, suspended_time,
 * db_count, tbl_count, size, snapshot_size, comments}).
 *
 * @param name          the account
 * @param adminName     its admin user
 * @param createdTime   when it was created
 * @param status        open, suspended or restricted
 * @param suspendedTime when it was suspended, or {@code null}
 * @param databaseCount number of databases
 * @param tableCount    number of tables
 * @param size          storage size as the server reports it (MB)
 * @param snapshotSize  storage held by snapshots (MB), or {@code null} when the server has no such column
 * @param comment       the comment; empty when none
 */
public record Account(String name, String adminName, LocalDateTime createdTime, AccountStatus status,
                      LocalDateTime suspendedTime, long databaseCount, long tableCount, double size, Double snapshotSize,
                      String comment) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        comment = comment == null ? "" : comment;
    }
}
