package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.result.Result;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.reactive.MatrixOneHibernateReactive;
import io.matrixone.hibernate.reactive.MatrixOneReactiveSessionFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * Seeds 000 §3 and 003, "concurrent operations", and what they really mean on one connection.
 *
 * <ul>
 *   <li><b>Raw statements inside a transaction</b> may be issued all at once (the seed's {@code asyncio.gather}):
 *       a transaction is one connection, so the SDK queues them and they run one after another, in the order the
 *       calls were made; each stage completes with its own statement's result.</li>
 *   <li><b>ORM calls are chained, never gathered.</b> A Hibernate Reactive session is a single unit of work, not
 *       thread-safe, and runs one operation at a time: two {@code persist}/{@code flush} calls in flight at once
 *       would interleave on its persistence context. So each ORM call is composed on the previous one; and raw
 *       statements are not issued while an ORM call is in flight.</li>
 *   <li><b>Independent queries outside a transaction</b> do run concurrently, each on a pooled connection of its
 *       own for its duration (seed 003's three counts); MatrixOne takes one command at a time per connection, so
 *       concurrency comes from connections, never more than the pool's size.</li>
 * </ul>
 */
public final class AsyncConcurrentOperations implements Example {
    private static final int RAW_INSERTS = 20;
    private static final int QUERIES = 30;

    @Override
    public String name() {
        return "async-concurrent-operations";
    }

    @Override
    public String description() {
        return "seeds 000 §3/003: gathered raw statements in a transaction run in call order on its connection;"
                + " ORM calls chained; independent queries concurrent over the pool";
    }

    @Override
    public void run(ExampleContext ctx) {
        // 8 connections at most, shared by transactions (one each, held) and statements outside them (one each, borrowed)
        AsyncMatrixOneClient client = ctx.asyncClient(o -> o.maxPoolSize(8));
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, User.class);
        ctx.onCleanupAsync(orm::closeAsync);

        CompletionStage<Void> done = client.execute(User.CREATE_TABLE)
                .thenCompose(r -> client.execute("CREATE TABLE writes (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "seq INT NOT NULL, conn BIGINT NOT NULL)"))
                .thenCompose(r -> client.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)"))
                .thenCompose(r -> client.execute("CREATE TABLE products (id BIGINT PRIMARY KEY)"))
                .thenCompose(r -> client.transaction(tx -> {
                    // gather: every insert issued now, none waited for; the transaction queues them in call order
                    CompletableFuture<?>[] raw = IntStream.range(0, RAW_INSERTS)
                            .mapToObj(seq -> tx.execute("INSERT INTO writes (seq, conn) VALUES (?, CONNECTION_ID())", seq)
                                    .toCompletableFuture())
                            .toArray(CompletableFuture[]::new);
                    ctx.say(RAW_INSERTS + " raw inserts issued at once inside the transaction");
                    return CompletableFuture.allOf(raw)
                            // then the ORM: one call after another on the transaction's one session
                            .thenCompose(v -> tx.orm(orm.stage()))
                            .thenCompose(session -> session.persist(new User("User2", "user2@example.com"))
                                    .thenCompose(v -> session.persist(new User("User4", "user4@example.com")))
                                    .thenCompose(v -> session.flush()))
                            .thenCompose(v -> tx.execute("INSERT INTO users (name, email) VALUES (?, ?), (?, ?)",
                                    "User1", "user1@example.com", "User3", "user3@example.com"));
                }))
                .thenCompose(r -> client.query("SELECT seq FROM writes ORDER BY id"))
                .thenAccept(rows -> ctx.expect(rows.column(0, Integer.class),
                        IntStream.range(0, RAW_INSERTS).boxed().toList(), "gathered inserts ran in call order"))
                .thenCompose(v -> client.query("SELECT COUNT(DISTINCT conn) FROM writes"))
                .thenAccept(conns -> ctx.expect(conns.scalarLong(), 1L, "connections the gathered inserts used"))
                .thenCompose(v -> client.query("SELECT name FROM users ORDER BY name"))
                .thenAccept(users -> ctx.expect(users.column(0, String.class),
                        List.of("User1", "User2", "User3", "User4"), "ORM and raw users committed together"))
                .thenCompose(v -> client.execute("INSERT INTO orders VALUES (1), (2), (3)"))
                .thenCompose(r -> client.execute("INSERT INTO products VALUES (1), (2)"))
                .thenCompose(r -> countsAtOnce(client))
                .thenAccept(counts -> ctx.expect(counts, List.of(4L, 3L, 2L),
                        "users, orders, products counted by three concurrent queries"))
                .thenCompose(v -> connectionsOf(client))
                .thenAccept(ids -> ctx.check(ids.size() <= 8, QUERIES + " concurrent queries ran over "
                        + ids.size() + " pooled connection(s), at most the pool's 8"));

        ctx.await(done);
    }

    /** Seed 003's {@code asyncio.gather} of three counts: issued together, combined when all three answered. */
    private static CompletionStage<List<Long>> countsAtOnce(AsyncMatrixOneClient client) {
        CompletableFuture<Long> users = count(client, "users");
        CompletableFuture<Long> orders = count(client, "orders");
        CompletableFuture<Long> products = count(client, "products");
        return CompletableFuture.allOf(users, orders, products)
                .thenApply(v -> List.of(users.join(), orders.join(), products.join())); // all done: join returns at once
    }

    private static CompletableFuture<Long> count(AsyncMatrixOneClient client, String table) {
        return client.query("SELECT COUNT(*) FROM " + table).thenApply(Result::scalarLong).toCompletableFuture();
    }

    /** Many queries at once outside a transaction: the server connections that answered them. */
    private static CompletionStage<Set<Long>> connectionsOf(AsyncMatrixOneClient client) {
        List<CompletableFuture<Long>> ids = IntStream.range(0, QUERIES)
                .mapToObj(i -> client.query("SELECT CONNECTION_ID()").thenApply(Result::scalarLong).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new))
                .thenApply(v -> new HashSet<>(ids.stream().map(CompletableFuture::join).toList()));
    }
}
