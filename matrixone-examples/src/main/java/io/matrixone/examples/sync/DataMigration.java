package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.hibernate.Session;

/**
 * Seeds 000 and 001, "data migration": copy customers of a legacy database into {@code users} through the ORM,
 * in one transaction, with a snapshot taken before as a safety net.
 *
 * <p>Two layers of protection. A check inside the transaction (row counts) that fails rolls everything back. A
 * check that can only run after commit (here: every customer arrived unchanged, compared across databases)
 * cannot roll back any more, so the table is restored from the snapshot. The first attempt has a bug in its
 * mapping, to show that path; the second is correct and takes a post-migration snapshot at its commit.
 */
public final class DataMigration implements Example {
    private static final int CUSTOMERS = 50;

    /** A row of the legacy table. */
    record Customer(long id, String fullName, String mail) {
    }

    @Override
    public String name() {
        return "data-migration";
    }

    @Override
    public String description() {
        return "seeds 000/001: migrate in a transaction, snapshot before, restore when verification fails";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String db = ctx.database();
        String legacy = ctx.databaseName("legacy");
        String before = ctx.snapshotName("pre_migration");
        String after = ctx.snapshotName("post_migration");
        ctx.onCleanup(() -> client.execute("DROP DATABASE IF EXISTS " + legacy));
        ctx.onCleanup(() -> client.snapshots().dropIfExists(before));
        ctx.onCleanup(() -> client.snapshots().dropIfExists(after));

        client.execute("CREATE DATABASE " + legacy);
        client.execute("CREATE TABLE " + legacy + ".customers (id BIGINT PRIMARY KEY, full_name VARCHAR(100), "
                + "mail VARCHAR(100))");
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            rows.add(List.of(i, "Customer Number " + i, "Customer" + i + "@Example.COM"));
        }
        client.executeBatch("INSERT INTO " + legacy + ".customers (id, full_name, mail) VALUES (?, ?, ?)", rows);
        client.execute(User.CREATE_TABLE);
        client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Admin", "admin@example.com");

        client.snapshots().create(SnapshotSpec.table(before, db, "users"));
        ctx.say("safety net: snapshot " + before + " of table users (1 row)");

        try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, User.class)) {
            // Attempt 1: a buggy mapping that cuts names to 12 characters. The counts inside the transaction
            // match, so it commits; the content check afterwards finds the damage.
            migrate(client, orm, db, legacy, name -> name.substring(0, Math.min(12, name.length())), null);
            long intact = migratedIntact(client, legacy);
            ctx.say("attempt 1 committed; verification after commit: " + intact + " of " + CUSTOMERS
                    + " customers intact");
            if (intact != CUSTOMERS) {
                client.restores().restore(RestoreSpec.table(db, "users", before));
                ctx.say("verification failed: restored table users from " + before);
            }
            ctx.expect(client.query("SELECT COUNT(*) FROM users").scalarLong(), 1L, "users after the restore");

            // Attempt 2: the correct mapping; the post-migration snapshot is taken at its commit.
            migrate(client, orm, db, legacy, UnaryOperator.identity(), after);
            ctx.expect(migratedIntact(client, legacy), (long) CUSTOMERS, "attempt 2: customers migrated intact");
            ctx.expect(client.query("SELECT COUNT(*) FROM users").scalarLong(), CUSTOMERS + 1L, "users now");
            ctx.check(client.snapshots().exists(after), "post-migration snapshot taken at commit");
        }
    }

    /** Copies every customer into users in one transaction; checks the counts before it commits. */
    private static void migrate(MatrixOneClient client, MatrixOneSessionFactory orm, String db, String legacy,
                                UnaryOperator<String> mapName, String snapshotAfter) {
        client.inTransaction(tx -> {
            long usersBefore = tx.query("SELECT COUNT(*) FROM users").scalarLong();
            List<Customer> customers = tx.query("SELECT id, full_name, mail FROM " + legacy + ".customers ORDER BY id")
                    .as(Customer.class);
            Session session = tx.orm(orm);
            for (Customer c : customers) {
                session.persist(new User(mapName.apply(c.fullName()), c.mail().toLowerCase(Locale.ROOT)));
            }
            long usersAfter = tx.query("SELECT COUNT(*) FROM users").scalarLong();   // flushes the session first
            if (usersAfter != usersBefore + customers.size()) {
                throw new IllegalStateException("count mismatch: rolling back");     // the whole copy is undone
            }
            if (snapshotAfter != null) {
                tx.snapshots().create(SnapshotSpec.table(snapshotAfter, db, "users"));   // taken at COMMIT
            }
        });
    }

    /** How many customers have a user with the same name and the lower-cased mail. */
    private static long migratedIntact(MatrixOneClient client, String legacy) {
        return client.query("SELECT COUNT(*) FROM " + legacy + ".customers c JOIN users u "
                + "ON u.email = LOWER(c.mail) AND u.name = c.full_name").scalarLong();
    }
}
