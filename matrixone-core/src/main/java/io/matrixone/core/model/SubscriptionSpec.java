package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

/**
 * A subscription: {@code CREATE DATABASE [IF NOT EXISTS] d FROM acc PUBLICATION p} (rule {@code subscription_opt},
 * mo_sql.md §6.1), which makes local database {@code d} show what account {@code acc} publishes as {@code p}.
 *
 * @param database         the local database to create
 * @param publisherAccount the publishing account
 * @param publication      the publication
 * @param keepExisting     IF NOT EXISTS (then no undo is offered)
 */
public record SubscriptionSpec(String database, String publisherAccount, String publication, boolean keepExisting) {

    public SubscriptionSpec {
        Models.name(database, NameKind.DATABASE);
        Models.name(publisherAccount, NameKind.ACCOUNT);
        Models.name(publication, NameKind.PUBLICATION);
    }

    public static SubscriptionSpec of(String database, String publisherAccount, String publication) {
        return new SubscriptionSpec(database, publisherAccount, publication, false);
    }

    public SubscriptionSpec ifNotExists() {
        return new SubscriptionSpec(database, publisherAccount, publication, true);
    }
}
