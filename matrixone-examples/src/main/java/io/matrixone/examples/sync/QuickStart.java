package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.result.Result;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

import java.util.List;

/** Connect, create a table, insert with bound parameters, query, map rows to a record, count. */
public final class QuickStart implements Example {

    /** A row of {@code users}: columns are matched to components by name. */
    record Person(long id, String name, String email) {
    }

    @Override
    public String name() {
        return "quick-start";
    }

    @Override
    public String description() {
        return "connect, create a table, insert with bound parameters, query rows into a record, count";
    }

    @Override
    public void run(ExampleContext ctx) {
        // In an application: MatrixOneClient.create("matrixone://root:111@127.0.0.1:6001/app"), once, closed at exit.
        MatrixOneClient client = ctx.client();
        ctx.say("connected to " + client.serverVersion());

        client.execute("CREATE TABLE users (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "name VARCHAR(100) NOT NULL, email VARCHAR(100) NOT NULL UNIQUE)");

        // Values are always bound parameters, never pasted into the SQL text.
        Result inserted = client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Alice", "alice@example.com");
        ctx.say("inserted Alice with id " + inserted.generatedKey());
        client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Bob", "bob@example.com");

        List<Person> people = client.query("SELECT id, name, email FROM users ORDER BY id").as(Person.class);
        ctx.expect(people.stream().map(Person::name).toList(), List.of("Alice", "Bob"), "rows mapped to records");
        ctx.expect(people.get(0).id(), inserted.generatedKey(), "Alice's id is the generated key");

        long count = client.query("SELECT COUNT(*) FROM users WHERE email LIKE ?", "%@example.com").scalarLong();
        ctx.expect(count, 2L, "users counted with a bound LIKE pattern");
    }
}
