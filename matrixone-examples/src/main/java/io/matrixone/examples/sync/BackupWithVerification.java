package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Seeds 000 and 001, "data backup": a snapshot of the production database, a clone of it as the backup, a
 * verification that the backup has the same rows (counts and a SHA-256 over every row, streamed in constant
 * memory), and the backup dropped again.
 */
public final class BackupWithVerification implements Example {

    @Override
    public String name() {
        return "backup-with-verification";
    }

    @Override
    public String description() {
        return "seeds 000/001: snapshot + clone as a backup, verified by counts and checksums, then dropped";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String production = ctx.database();
        String snapshot = ctx.snapshotName("daily_backup");
        String backup = ctx.databaseName("backup");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
        ctx.onCleanup(() -> client.execute("DROP DATABASE IF EXISTS " + backup));

        client.execute(User.CREATE_TABLE);
        client.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, amount DECIMAL(10,2))");
        List<List<?>> users = new ArrayList<>();
        List<List<?>> orders = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            users.add(List.of("User " + i, "user" + i + "@example.com"));
            orders.add(List.of(2 * i - 1, i, i + 0.5));
            orders.add(List.of(2 * i, i, i * 2 + 0.25));
        }
        client.executeBatch("INSERT INTO users (name, email) VALUES (?, ?)", users);
        client.executeBatch("INSERT INTO orders (id, user_id, amount) VALUES (?, ?, ?)", orders);

        client.snapshots().create(SnapshotSpec.database(snapshot, production));
        client.clones().database(CloneSpec.database(backup, production).fromSnapshot(snapshot));
        ctx.say("backup " + backup + " cloned from snapshot " + snapshot);

        // The seed counts with the ORM; an ORM session lives in a transaction, read-only here.
        try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, User.class)) {
            long ormCount = client.transaction(tx -> tx.orm(orm)
                    .createSelectionQuery("select count(*) from User", Long.class).getSingleResult());
            long backupCount = client.query("SELECT COUNT(*) FROM " + backup + ".users").scalarLong();
            ctx.expect(backupCount, ormCount, "users in the backup (counted by the ORM in production)");
        }
        for (String table : List.of("users", "orders")) {
            String original = checksum(client, production, table);
            String copy = checksum(client, backup, table);
            ctx.expect(copy, original, table + " checksum of the backup");
        }

        client.execute("DROP DATABASE " + backup);
        client.snapshots().drop(snapshot);
        ctx.check(client.query("SHOW DATABASES").stream().noneMatch(r -> r.getString(0).equals(backup))
                && !client.snapshots().exists(snapshot), "backup database and snapshot dropped");
    }

    /** SHA-256 over every row in primary-key order, streamed: the table never sits in memory. */
    static String checksum(MatrixOneClient client, String database, String table) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        client.stream("SELECT * FROM " + database + "." + table + " ORDER BY id", List.of(),
                row -> digest.update((row.values() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
