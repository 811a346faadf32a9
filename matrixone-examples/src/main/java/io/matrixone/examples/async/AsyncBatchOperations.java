package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.result.Row;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.reactive.MatrixOneHibernateReactive;
import io.matrixone.hibernate.reactive.MatrixOneReactiveSessionFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Seed 002, "异步批量操作": 1,000 rows in one {@code executeBatch}, all-or-nothing (a batch with a duplicate key
 * leaves nothing); 100 entities persisted through Hibernate Reactive in one transaction; then the table read row
 * by row as it arrives ({@code stream}) and reduced without an interim list ({@code collect}).
 */
public final class AsyncBatchOperations implements Example {
    private static final int BATCH = 1_000;
    private static final int ORM_USERS = 100;
    private static final String INSERT = "INSERT INTO users (name, email) VALUES (?, ?)";

    @Override
    public String name() {
        return "async-batch-operations";
    }

    @Override
    public String description() {
        return "seed 002: executeBatch of 1,000 rows, all-or-nothing; ORM batch; streaming and collecting rows";
    }

    @Override
    public void run(ExampleContext ctx) {
        AsyncMatrixOneClient client = ctx.asyncClient();
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, User.class);
        ctx.onCleanupAsync(orm::closeAsync);

        List<List<Object>> rows = IntStream.range(0, BATCH)
                .mapToObj(i -> List.<Object>of("User" + i, "user" + i + (i % 2 == 0 ? "@example.com" : "@example.org")))
                .toList();
        // ten new users, the seventh with an e-mail already taken: the whole batch must fail
        List<List<Object>> clashing = IntStream.range(0, 10)
                .mapToObj(i -> List.<Object>of("Late" + i, i == 6 ? "user6@example.com" : "late" + i + "@example.com"))
                .toList();
        AtomicLong streamed = new AtomicLong();
        AtomicLong lastId = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong();

        CompletionStage<Void> done = client.execute(User.CREATE_TABLE)
                .thenCompose(r -> client.executeBatch(INSERT, rows)) // a transaction of its own
                .thenAccept(counts -> ctx.expect(Arrays.stream(counts).sum(), (long) BATCH,
                        "rows inserted by one executeBatch"))
                .thenCompose(v -> client.executeBatch(INSERT, clashing).handle((counts, error) -> unwrap(error)))
                .thenAccept(error -> ctx.check(error instanceof DuplicateKeyException,
                        "a batch with a duplicate e-mail failed with "
                                + (error == null ? "nothing" : error.getClass().getSimpleName())))
                .thenCompose(v -> client.query("SELECT COUNT(*) FROM users WHERE name LIKE ?", "Late%"))
                .thenAccept(late -> ctx.expect(late.scalarLong(), 0L, "rows left by the failed batch"))
                // the ORM's batch: persist all entities in one call, flushed once (by the SDK, before COMMIT)
                .thenCompose(v -> client.inTransaction(tx -> tx.orm(orm.stage())
                        .thenCompose(session -> session.persist(IntStream.range(0, ORM_USERS)
                                .mapToObj(i -> new User("Orm" + i, "orm" + i + "@example.com")).toArray()))))
                .thenCompose(v -> client.stream("SELECT id, name FROM users ORDER BY id", List.of(), row -> {
                    // runs on the event loop for each row as it is decoded: quick work only, never blocking
                    long id = row.getLong("id");
                    if (id <= lastId.getAndSet(id)) {
                        outOfOrder.incrementAndGet();
                    }
                    streamed.incrementAndGet();
                }))
                .thenAccept(count -> {
                    ctx.expect(count, (long) (BATCH + ORM_USERS), "rows streamed one by one");
                    ctx.check(streamed.get() == count && outOfOrder.get() == 0,
                            "each row handed over once, in id order");
                })
                .thenCompose(v -> client.collect("SELECT email FROM users WHERE name LIKE ?", List.of("User%"),
                        Collectors.groupingBy(AsyncBatchOperations::domain, Collectors.counting())))
                .thenAccept(byDomain -> ctx.expect(byDomain, Map.of("example.com", 500L, "example.org", 500L),
                        "batch users by e-mail domain, collected without a list"));

        ctx.await(done);
    }

    private static String domain(Row row) {
        String email = row.getString("email");
        return email.substring(email.indexOf('@') + 1);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
