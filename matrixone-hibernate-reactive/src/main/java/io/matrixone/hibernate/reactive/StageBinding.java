package io.matrixone.hibernate.reactive;

import java.util.concurrent.CompletionStage;

import org.hibernate.reactive.stage.Stage;

/** Binds {@link Stage.Session}s to MatrixOne transactions: {@code tx.orm(factory.stage())}. */
final class StageBinding extends ReactiveSessionBinding<Stage.Session> {
    private final Stage.SessionFactory factory;

    StageBinding(Stage.SessionFactory factory, MatrixOneSqlClientPool pool) {
        super(pool);
        this.factory = factory;
    }

    @Override
    CompletionStage<Stage.Session> openSession(String key) {
        return factory.openSession(key);
    }

    @Override
    CompletionStage<Void> flushSession(Stage.Session session) {
        return session.flush();
    }

    @Override
    CompletionStage<Void> closeSession(Stage.Session session) {
        return session.close();
    }

    @Override
    boolean isOpen(Stage.Session session) {
        return session.isOpen();
    }

    @Override
    public String toString() {
        return "MatrixOne Stage.Session binding of " + factory;
    }
}
