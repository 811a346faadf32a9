package io.matrixone.core.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code SHOW PUBLICATIONS} (columns {@code publication, database, tables, sub_account,
 * subscribed_accounts, create_time, update_time, comments}, mo_sql.md §6.2).
 *
 * @param name               the publication
 * @param database           the published database ({@code *} for every database)
 * @param tables             the published tables; empty when the whole database is published ({@code *})
 * @param allAccounts        published to every account ({@code sub_account = *})
 * @param accounts           the accounts it is published to, when not all
 * @param subscribedAccounts the accounts that subscribed
 * @param createTime         creation time, as the server shows it
 * @param updateTime         last change, or {@code null}
 * @param comment            the comment; empty when none
 */
public record Publication(String name, String database, List<String> tables, boolean allAccounts, List<String> accounts,
                          List<String> subscribedAccounts, LocalDateTime createTime, LocalDateTime updateTime,
                          String comment) {

    public Publication {
        Objects.requireNonNull(name, "name");
        tables = List.copyOf(tables);
        accounts = List.copyOf(accounts);
        subscribedAccounts = List.copyOf(subscribedAccounts);
        comment = comment == null ? "" : comment;
    }
}
