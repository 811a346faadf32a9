package io.matrixone.client;

import io.matrixone.core.model.Publication;
import io.matrixone.core.model.PublicationAlter;
import io.matrixone.core.model.PublicationSpec;
import io.matrixone.core.model.Subscription;
import io.matrixone.core.model.SubscriptionSpec;

import java.util.List;
import java.util.Optional;

/** Publications (sharing a database with other accounts) and subscriptions to them. */
public interface PublicationManager {

    void create(PublicationSpec spec);

    void alter(PublicationAlter change);

    void drop(String name);

    void dropIfExists(String name);

    /** {@code SHOW PUBLICATIONS}. */
    List<Publication> list();

    Optional<Publication> get(String name);

    /** Subscriptions this account holds ({@code SHOW SUBSCRIPTIONS}). */
    List<Subscription> subscriptions();

    /** Also publications this account may subscribe to but has not ({@code SHOW SUBSCRIPTIONS ALL}). */
    List<Subscription> allSubscriptions();

    /** {@code CREATE DATABASE d FROM account PUBLICATION p}. */
    void subscribe(SubscriptionSpec spec);

    /** Drops a subscribed database. */
    void unsubscribe(String database);
}
