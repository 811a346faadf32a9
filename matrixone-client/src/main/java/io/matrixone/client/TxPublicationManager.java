package io.matrixone.client;

import io.matrixone.core.model.Publication;
import io.matrixone.core.model.PublicationAlter;
import io.matrixone.core.model.PublicationSpec;
import io.matrixone.core.model.Subscription;
import io.matrixone.core.model.SubscriptionSpec;
import io.matrixone.core.tx.AfterCommit;

import java.util.List;
import java.util.Optional;

/**
 * Publications inside a transaction: CREATE/ALTER/DROP PUBLICATION are refused by MatrixOne in an open
 * transaction and run after COMMIT; listing and subscribing (a CREATE DATABASE) run at once.
 */
public interface TxPublicationManager {

    AfterCommit<Void> create(PublicationSpec spec);

    AfterCommit<Void> alter(PublicationAlter change);

    AfterCommit<Void> drop(String name);

    AfterCommit<Void> dropIfExists(String name);

    List<Publication> list();

    Optional<Publication> get(String name);

    List<Subscription> subscriptions();

    List<Subscription> allSubscriptions();

    AfterCommit<Void> subscribe(SubscriptionSpec spec);

    AfterCommit<Void> unsubscribe(String database);
}
