package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.SnapshotExistsException;
import io.matrixone.core.error.TransactionConflictException;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.User;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exception hierarchy in practice. Every SDK exception is an unchecked {@link MatrixOneException} carrying
 * the server's error number (MatrixOne answers SQLSTATE HY000 for most errors, so the number is what
 * classifies), the SQLSTATE and the statement with its literals redacted.
 */
public final class ErrorHandling implements Example {

    @Override
    public String name() {
        return "error-handling";
    }

    @Override
    public String description() {
        return "typed exceptions with error codes, statements refused inside a transaction, retry of conflicts";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        String db = ctx.database();
        String snapshot = ctx.snapshotName("dup");
        String refused = ctx.snapshotName("refused");
        ctx.onCleanup(() -> client.snapshots().dropIfExists(snapshot));
        ctx.onCleanup(() -> client.snapshots().dropIfExists(refused));
        client.execute(User.CREATE_TABLE);

        // 1. A snapshot name that is taken.
        client.snapshots().create(SnapshotSpec.database(snapshot, db));
        try {
            client.snapshots().create(SnapshotSpec.database(snapshot, db));
            ctx.check(false, "a second snapshot of the same name should fail");
        } catch (SnapshotExistsException e) {
            ctx.check(true, "SnapshotExistsException, error " + e.errorCode() + ": " + e.serverMessage());
        }

        // 2. A unique key violated: the error number comes from the server (the SQLSTATE from the driver), the SQL is redacted.
        client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Alice", "alice@example.com");
        try {
            client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Alice again", "alice@example.com");
            ctx.check(false, "a duplicate email should fail");
        } catch (DuplicateKeyException e) {
            ctx.check(e.errorCode() == 1062, "DuplicateKeyException, error " + e.errorCode() + ", SQLSTATE "
                    + e.sqlState() + ", statement: " + e.sql());
        }

        // 3. Statements that would break a transaction are refused before anything is sent.
        String marker = "@" + refused;
        try (Transaction tx = client.begin()) {
            tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Bob", "bob@example.com");
            try {
                tx.execute("SET " + marker + " = 1");
                ctx.check(false, "SET inside a transaction should be refused");
            } catch (NotAllowedInTransactionException e) {
                ctx.check(true, "SET refused (MatrixOne <= 4.2.0 would silently COMMIT): "
                        + e.getClass().getSimpleName());
            }
            try {
                tx.execute("CREATE SNAPSHOT " + refused + " FOR DATABASE " + db);
                ctx.check(false, "CREATE SNAPSHOT inside a transaction should be refused");
            } catch (NotAllowedInTransactionException e) {
                ctx.check(true, "raw CREATE SNAPSHOT refused (use tx.snapshots() or tx.afterCommit(sql))");
            }
            tx.commit();
        }
        ctx.expect(client.query("SELECT COUNT(*) FROM users WHERE name = ?", "Bob").scalarLong(), 1L,
                "the transaction survived both refusals and committed Bob");
        ctx.check(!client.snapshots().exists(refused), "the refused snapshot was never created");
        ctx.emulator().ifPresent(mo -> ctx.check(!mo.statements().containsSql(marker)
                && !mo.statements().containsSql("CREATE SNAPSHOT " + refused), "neither statement reached the server"));

        // 4. Conflicts: the lambda form runs the whole body again on "retry the transaction" errors.
        ctx.say("retry policy of client.transaction(..): " + client.options().retryPolicy());
        ctx.emulator().ifPresentOrElse(mo -> conflicts(ctx, client, mo), () -> ctx.say("conflict retry: skipped on "
                + "a real server, where a conflict cannot be provoked on demand"));
    }

    /** On the emulator only: its fault injection makes the next COMMIT fail with MatrixOne's conflict 20619. */
    private static void conflicts(ExampleContext ctx, MatrixOneClient client, Emulator mo) {
        mo.faults().failNext("^COMMIT$", 20619, "txn need retry in rc mode, def changed (injected)");
        AtomicInteger attempts = new AtomicInteger();
        client.inTransaction(tx -> {
            attempts.incrementAndGet();
            tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Carol", "carol@example.com");
        });
        ctx.expect(attempts.get(), 2, "attempts of client.inTransaction(..) after an injected conflict at COMMIT");
        ctx.expect(client.query("SELECT COUNT(*) FROM users WHERE name = ?", "Carol").scalarLong(), 1L,
                "Carol committed once");

        mo.faults().failNext("^COMMIT$", 20619, "txn need retry in rc mode, def changed (injected)");
        try (Transaction tx = client.begin()) {       // try-with-resources: no retry, the caller decides
            tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Dave", "dave@example.com");
            tx.commit();
            ctx.check(false, "the injected conflict should surface");
        } catch (TransactionConflictException e) {
            ctx.check(e.isRetryable(), "client.begin() does not retry: TransactionConflictException, error "
                    + e.errorCode() + ", isRetryable() = true");
        }
        ctx.expect(client.query("SELECT COUNT(*) FROM users WHERE name = ?", "Dave").scalarLong(), 0L,
                "Dave committed");
    }
}
