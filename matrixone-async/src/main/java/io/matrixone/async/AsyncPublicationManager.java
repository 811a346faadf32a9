package io.matrixone.async;

import io.matrixone.core.model.Publication;
import io.matrixone.core.model.PublicationAlter;
import io.matrixone.core.model.PublicationSpec;
import io.matrixone.core.model.Subscription;
import io.matrixone.core.model.SubscriptionSpec;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.Optional;

/** Publications (sharing a database with other accounts) and subscriptions to them. */
public interface AsyncPublicationManager {

    CompletionStage<Void> create(PublicationSpec spec);

    CompletionStage<Void> alter(PublicationAlter change);

    CompletionStage<Void> drop(String name);

    CompletionStage<Void> dropIfExists(String name);

    /** {@code SHOW PUBLICATIONS}. */
    CompletionStage<List<Publication>> list();

    CompletionStage<Optional<Publication>> get(String name);

    /** Subscriptions this account holds ({@code SHOW SUBSCRIPTIONS}). */
    CompletionStage<List<Subscription>> subscriptions();

    /** Also publications this account may subscribe to but has not ({@code SHOW SUBSCRIPTIONS ALL}). */
    CompletionStage<List<Subscription>> allSubscriptions();

    /** {@code CREATE DATABASE d FROM account PUBLICATION p}. */
    CompletionStage<Void> subscribe(SubscriptionSpec spec);

    /** Drops a subscribed database. */
    CompletionStage<Void> unsubscribe(String database);
}
