package io.matrixone.examples.async;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.result.Result;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Seeds 002 and 003, the basics without blocking: create tables, insert with bound parameters, query rows into
 * records, a JOIN (002 "异步查询操作"), a count. Every call returns a {@link CompletionStage} at once; each step is
 * composed on the previous one, and the program waits once, at its end.
 */
public final class AsyncQuickStart implements Example {

    /** A row of {@code users}: columns are matched to components by name. */
    record Person(long id, String name, String email) {
    }

    /** A row of the JOIN of {@code users} and {@code orders}. */
    record UserOrder(String name, String product, BigDecimal amount) {
    }

    @Override
    public String name() {
        return "async-quick-start";
    }

    @Override
    public String description() {
        return "seeds 002/003: create, insert, query into records, a JOIN and a count, all as chained stages";
    }

    @Override
    public void run(ExampleContext ctx) {
        // In an application: AsyncMatrixOneClient.create("matrixone://root:111@127.0.0.1:6001/app"), once.
        AsyncMatrixOneClient client = ctx.asyncClient();

        CompletionStage<Void> done = client.serverVersion()
                .thenAccept(version -> ctx.say("connected to " + version))
                .thenCompose(v -> client.execute("CREATE TABLE users (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "name VARCHAR(100) NOT NULL, email VARCHAR(100) NOT NULL UNIQUE)"))
                .thenCompose(r -> client.execute("CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "user_id BIGINT NOT NULL, product VARCHAR(100) NOT NULL, amount DECIMAL(10,2) NOT NULL)"))
                // values are always bound parameters, never pasted into the SQL text
                .thenCompose(r -> client.execute("INSERT INTO users (name, email) VALUES (?, ?)",
                        "Alice", "alice@example.com"))
                .thenCompose(alice -> client.execute("INSERT INTO users (name, email) VALUES (?, ?)",
                                "Bob", "bob@example.com")
                        .thenCompose(bob -> {
                            ctx.say("inserted Alice with id " + alice.generatedKey() + ", Bob with id "
                                    + bob.generatedKey());
                            return client.executeBatch("INSERT INTO orders (user_id, product, amount) VALUES (?, ?, ?)",
                                    List.of(List.of(alice.generatedKey(), "keyboard", new BigDecimal("49.90")),
                                            List.of(alice.generatedKey(), "monitor", new BigDecimal("199.00")),
                                            List.of(bob.generatedKey(), "mouse", new BigDecimal("19.90"))));
                        }))
                .thenCompose(counts -> client.query("SELECT id, name, email FROM users ORDER BY id"))
                .thenAccept(rows -> {
                    List<Person> people = rows.as(Person.class);
                    ctx.expect(people.stream().map(Person::name).toList(), List.of("Alice", "Bob"),
                            "rows mapped to records");
                })
                .thenCompose(v -> client.query("SELECT u.name, o.product, o.amount FROM users u "
                        + "JOIN orders o ON o.user_id = u.id WHERE o.amount > ? ORDER BY o.amount DESC",
                        new BigDecimal("20.00")))
                .thenAccept(rows -> ctx.expect(rows.as(UserOrder.class), List.of(
                                new UserOrder("Alice", "monitor", new BigDecimal("199.00")),
                                new UserOrder("Alice", "keyboard", new BigDecimal("49.90"))),
                        "JOIN of users and orders over 20.00"))
                .thenCompose(v -> client.query("SELECT COUNT(*) FROM users WHERE email LIKE ?", "%@example.com"))
                .thenApply(Result::scalarLong)
                .thenAccept(count -> ctx.expect(count, 2L, "users counted with a bound LIKE pattern"));

        ctx.await(done); // the program's edge: the only place that waits
    }
}
