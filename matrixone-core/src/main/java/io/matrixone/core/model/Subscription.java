package io.matrixone.core.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code SHOW SUBSCRIPTIONS [ALL]} (columns {@code pub_name, pub_account, pub_database, pub_tables,
 * pub_comment, pub_time, sub_name, sub_time, status}, mo_sql.md §6.2).
 *
 * @param publication       the publication
 * @param publisherAccount  the account that publishes it
 * @param publishedDatabase the published database
 * @param publishedTables   the published tables; empty for the whole database
 * @param comment           the publication's comment; empty when none
 * @param publishedTime     when it was published
 * @param database          the local database subscribed to it; {@code null} when not subscribed (ALL only)
 * @param subscribedTime    when it was subscribed, or {@code null}
 * @param status            0 normal, 1 no right to subscribe any more, 2 publication deleted
 */
public record Subscription(String publication, String publisherAccount, String publishedDatabase,
                           List<String> publishedTables, String comment, LocalDateTime publishedTime, String database,
                           LocalDateTime subscribedTime, int status) {

    public static final int STATUS_NORMAL = 0;
    public static final int STATUS_NOT_AUTHORIZED = 1;
    public static final int STATUS_PUBLICATION_DELETED = 2;

    public Subscription {
        Objects.requireNonNull(publication, "publication");
        publishedTables = List.copyOf(publishedTables);
        comment = comment == null ? "" : comment;
        database = Models.blankToNull(database);
    }

    /** Whether this account has subscribed (a local database exists for it). */
    public boolean isSubscribed() {
        return database != null;
    }
}
