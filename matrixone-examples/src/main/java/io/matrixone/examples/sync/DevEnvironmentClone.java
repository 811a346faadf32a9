package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;

import java.util.List;

/**
 * Seeds 001 and 004, "development environment management": copy production into development databases, one
 * as it is now (a live clone) and one as of a snapshot, change the copies freely, and production stays as it was.
 */
public final class DevEnvironmentClone implements Example {

    @Override
    public String name() {
        return "dev-environment-clone";
    }

    @Override
    public String description() {
        return "seeds 001/004: clone production to dev (live and from a snapshot), change dev, prod untouched";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String production = ctx.database();
        String snapshot = ctx.snapshotName("prod_for_dev");
        String dev = ctx.databaseName("dev");
        String devAtSnapshot = ctx.databaseName("dev_snap");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
        ctx.onCleanup(() -> client.execute("DROP DATABASE IF EXISTS " + dev));
        ctx.onCleanup(() -> client.execute("DROP DATABASE IF EXISTS " + devAtSnapshot));

        client.execute(User.CREATE_TABLE);
        client.executeBatch("INSERT INTO users (name, email) VALUES (?, ?)", List.of(
                List.of("Alice", "alice@example.com"), List.of("Bob", "bob@example.com")));
        client.snapshots().create(SnapshotSpec.database(snapshot, production));
        client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Carol", "carol@example.com");

        client.clones().database(CloneSpec.database(dev, production));                             // as it is now
        client.clones().database(CloneSpec.database(devAtSnapshot, production).fromSnapshot(snapshot)); // as it was
        ctx.expect(names(client, dev), List.of("Alice", "Bob", "Carol"), "live clone");
        ctx.expect(names(client, devAtSnapshot), List.of("Alice", "Bob"), "clone from the snapshot (before Carol)");

        client.execute("INSERT INTO " + dev + ".users (name, email) VALUES (?, ?)", "Dev User", "dev@example.com");
        client.execute("UPDATE " + dev + ".users SET email = CONCAT('test+', email)");
        client.execute("DELETE FROM " + devAtSnapshot + ".users");
        ctx.expect(names(client, dev).size(), 4, "users in dev after adding a dev user");

        ctx.expect(names(client, production), List.of("Alice", "Bob", "Carol"), "production users untouched");
        ctx.expect(client.query("SELECT COUNT(*) FROM users WHERE email LIKE ?", "test+%").scalarLong(), 0L,
                "production emails changed by the dev update");
    }

    private static List<String> names(MatrixOneClient client, String database) {
        return client.query("SELECT name FROM " + database + ".users ORDER BY id").column(0, String.class);
    }
}
