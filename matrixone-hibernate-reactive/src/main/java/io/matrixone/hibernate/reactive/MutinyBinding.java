package io.matrixone.hibernate.reactive;

import java.util.concurrent.CompletionStage;

import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Binds {@link Mutiny.Session}s to MatrixOne transactions: {@code tx.orm(factory.mutiny())}. Mutiny is lazy: each
 * step is subscribed here, on the transaction's context, so it runs at once and on the right thread.
 */
final class MutinyBinding extends ReactiveSessionBinding<Mutiny.Session> {
    private final Mutiny.SessionFactory factory;

    MutinyBinding(Mutiny.SessionFactory factory, MatrixOneSqlClientPool pool) {
        super(pool);
        this.factory = factory;
    }

    @Override
    CompletionStage<Mutiny.Session> openSession(String key) {
        return factory.openSession(key).subscribeAsCompletionStage();
    }

    @Override
    CompletionStage<Void> flushSession(Mutiny.Session session) {
        return session.flush().subscribeAsCompletionStage();
    }

    @Override
    CompletionStage<Void> closeSession(Mutiny.Session session) {
        return session.close().subscribeAsCompletionStage();
    }

    @Override
    boolean isOpen(Mutiny.Session session) {
        return session.isOpen();
    }

    @Override
    public String toString() {
        return "MatrixOne Mutiny.Session binding of " + factory;
    }
}
