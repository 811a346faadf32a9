package io.matrixone.async.internal;

import io.matrixone.async.AsyncAccountManager;
import io.matrixone.async.AsyncCloneManager;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.AsyncMoCtlManager;
import io.matrixone.async.AsyncPitrManager;
import io.matrixone.async.AsyncPublicationManager;
import io.matrixone.async.AsyncRestoreManager;
import io.matrixone.async.AsyncSnapshotManager;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.async.AsyncVersionManager;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.model.Account;
import io.matrixone.core.model.AccountSpec;
import io.matrixone.core.model.AccountStatus;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.Grant;
import io.matrixone.core.model.Identity;
import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.MoCtlService;
import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.model.Publication;
import io.matrixone.core.model.PublicationAlter;
import io.matrixone.core.model.PublicationSpec;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.RoleGrant;
import io.matrixone.core.model.RoleSpec;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.Subscription;
import io.matrixone.core.model.SubscriptionSpec;
import io.matrixone.core.model.UserSpec;
import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The async managers, one line per method: build the dialect's operation and hand it to a {@link Runner}. The
 * same classes serve the client (run at once) and a transaction ({@code submit}: at once where MatrixOne allows
 * it, after COMMIT where it does not), so the two cannot drift. All SQL and mapping live in {@code core.dialect},
 * shared with the sync client.
 */
public final class AsyncManagers {
    private final AsyncSnapshotManager snapshots;
    private final AsyncCloneManager clones;
    private final AsyncRestoreManager restores;
    private final AsyncPitrManager pitr;
    private final AsyncPublicationManager publications;
    private final AsyncAccountManager accounts;
    private final AsyncMoCtlManager moCtl;
    private final AsyncVersionManager version;
    private final Runner runner;

    private AsyncManagers(Runner r, String loginAccount) {
        this.runner = r;
        this.snapshots = new Snapshots(r);
        this.clones = new Clones(r);
        this.restores = new Restores(r, loginAccount);
        this.pitr = new Pitrs(r);
        this.publications = new Publications(r);
        this.accounts = new Accounts(r);
        this.moCtl = new MoCtl(r);
        this.version = new Versions(r);
    }

    /** Managers on the client: the dialect follows the version detected on first use. */
    public static AsyncManagers forClient(AsyncMatrixOneClient client) {
        return new AsyncManagers(new ClientRunner(client), client.options().login().effectiveAccount());
    }

    /** Managers on a transaction: operations go through {@link AsyncTransaction#submit}. */
    public static AsyncManagers forTransaction(AsyncTransaction tx, String loginAccount) {
        Dialect dialect = Dialect.of(tx.serverVersion());
        return new AsyncManagers(new Runner() {
            @Override
            public <T> CompletionStage<T> run(Function<Dialect, Operation<T>> build) {
                Operation<T> op;
                try {
                    op = build.apply(dialect);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e); // bad input: nothing was sent
                }
                return tx.submit(op);
            }

            @Override
            public CompletionStage<Dialect> dialect() {
                return CompletableFuture.completedFuture(dialect);
            }
        }, loginAccount);
    }

    /** The dialect for the server's version, once known. */
    public CompletionStage<Dialect> dialect() {
        return runner.dialect();
    }

    public AsyncSnapshotManager snapshots() {
        return snapshots;
    }

    public AsyncCloneManager clones() {
        return clones;
    }

    public AsyncRestoreManager restores() {
        return restores;
    }

    public AsyncPitrManager pitr() {
        return pitr;
    }

    public AsyncPublicationManager publications() {
        return publications;
    }

    public AsyncAccountManager accounts() {
        return accounts;
    }

    public AsyncMoCtlManager moCtl() {
        return moCtl;
    }

    public AsyncVersionManager version() {
        return version;
    }

    /** Builds an operation with the right dialect and runs it; a builder's IllegalArgumentException fails the stage. */
    interface Runner {
        <T> CompletionStage<T> run(Function<Dialect, Operation<T>> build);

        CompletionStage<Dialect> dialect();
    }

    /** Runs on the client once its server version is known; the dialect is built once. */
    private static final class ClientRunner implements Runner {
        private final AsyncMatrixOneClient client;
        private volatile Dialect dialect;

        ClientRunner(AsyncMatrixOneClient client) {
            this.client = client;
        }

        @Override
        public <T> CompletionStage<T> run(Function<Dialect, Operation<T>> build) {
            Dialect d = dialect;
            if (d != null) {
                return runWith(d, build);
            }
            return dialect().thenCompose(created -> runWith(created, build));
        }

        @Override
        public CompletionStage<Dialect> dialect() {
            Dialect d = dialect;
            if (d != null) {
                return CompletableFuture.completedFuture(d);
            }
            return client.serverVersion().thenApply(v -> {
                Dialect created = Dialect.of(v);
                dialect = created;
                return created;
            });
        }

        private <T> CompletionStage<T> runWith(Dialect d, Function<Dialect, Operation<T>> build) {
            Operation<T> op;
            try {
                op = build.apply(d);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e); // bad input: nothing was sent
            }
            return client.run(op);
        }
    }

    private abstract static class Base {
        final Runner r;

        Base(Runner r) {
            this.r = r;
        }
    }

    private static final class Snapshots extends Base implements AsyncSnapshotManager {
        Snapshots(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<Snapshot> create(SnapshotSpec spec) {
            return r.run(d -> d.snapshots().create(spec));
        }

        @Override
        public CompletionStage<Void> drop(String name) {
            return r.run(d -> d.snapshots().drop(name));
        }

        @Override
        public CompletionStage<Void> dropIfExists(String name) {
            return r.run(d -> d.snapshots().dropIfExists(name));
        }

        @Override
        public CompletionStage<Optional<Snapshot>> get(String name) {
            return r.run(d -> d.snapshots().get(name));
        }

        @Override
        public CompletionStage<Boolean> exists(String name) {
            return r.run(d -> d.snapshots().exists(name));
        }

        @Override
        public CompletionStage<List<Snapshot>> list() {
            return r.run(d -> d.snapshots().list());
        }
    }

    private static final class Clones extends Base implements AsyncCloneManager {
        Clones(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<Void> clone(CloneSpec spec) {
            return r.run(d -> d.clones().clone(spec));
        }

        @Override
        public CompletionStage<Void> database(CloneSpec spec) {
            return r.run(d -> d.clones().database(spec));
        }

        @Override
        public CompletionStage<Void> table(CloneSpec spec) {
            return r.run(d -> d.clones().table(spec));
        }
    }

    private static final class Restores extends Base implements AsyncRestoreManager {
        private final String loginAccount;

        Restores(Runner r, String loginAccount) {
            super(r);
            this.loginAccount = loginAccount;
        }

        @Override
        public CompletionStage<Void> restore(RestoreSpec spec) {
            return r.run(d -> d.restores().restore(spec, loginAccount));
        }
    }

    private static final class Pitrs extends Base implements AsyncPitrManager {
        Pitrs(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<Void> create(PitrSpec spec) {
            return r.run(d -> d.pitr().create(spec));
        }

        @Override
        public CompletionStage<Void> alter(String name, PitrRange range) {
            return r.run(d -> d.pitr().alter(name, range));
        }

        @Override
        public CompletionStage<Void> alterIfExists(String name, PitrRange range) {
            return r.run(d -> d.pitr().alterIfExists(name, range));
        }

        @Override
        public CompletionStage<Void> drop(String name) {
            return r.run(d -> d.pitr().drop(name));
        }

        @Override
        public CompletionStage<Void> dropIfExists(String name) {
            return r.run(d -> d.pitr().dropIfExists(name));
        }

        @Override
        public CompletionStage<List<Pitr>> list() {
            return r.run(d -> d.pitr().list());
        }

        @Override
        public CompletionStage<Optional<Pitr>> get(String name) {
            return r.run(d -> d.pitr().get(name));
        }

        @Override
        public CompletionStage<Void> restore(PitrRestoreSpec spec) {
            return r.run(d -> d.pitr().restore(spec));
        }
    }

    private static final class Publications extends Base implements AsyncPublicationManager {
        Publications(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<Void> create(PublicationSpec spec) {
            return r.run(d -> d.publications().create(spec));
        }

        @Override
        public CompletionStage<Void> alter(PublicationAlter change) {
            return r.run(d -> d.publications().alter(change));
        }

        @Override
        public CompletionStage<Void> drop(String name) {
            return r.run(d -> d.publications().drop(name));
        }

        @Override
        public CompletionStage<Void> dropIfExists(String name) {
            return r.run(d -> d.publications().dropIfExists(name));
        }

        @Override
        public CompletionStage<List<Publication>> list() {
            return r.run(d -> d.publications().list());
        }

        @Override
        public CompletionStage<Optional<Publication>> get(String name) {
            return r.run(d -> d.publications().get(name));
        }

        @Override
        public CompletionStage<List<Subscription>> subscriptions() {
            return r.run(d -> d.publications().subscriptions());
        }

        @Override
        public CompletionStage<List<Subscription>> allSubscriptions() {
            return r.run(d -> d.publications().allSubscriptions());
        }

        @Override
        public CompletionStage<Void> subscribe(SubscriptionSpec spec) {
            return r.run(d -> d.publications().subscribe(spec));
        }

        @Override
        public CompletionStage<Void> unsubscribe(String database) {
            return r.run(d -> d.publications().unsubscribe(database));
        }
    }

    private static final class Accounts extends Base implements AsyncAccountManager {
        Accounts(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<Void> createAccount(AccountSpec spec) {
            return r.run(d -> d.accounts().createAccount(spec));
        }

        @Override
        public CompletionStage<Void> alterAccountStatus(String account, AccountStatus status) {
            return r.run(d -> d.accounts().alterAccountStatus(account, status));
        }

        @Override
        public CompletionStage<Void> alterAccountAdminPassword(String account, String adminName, String newPassword) {
            return r.run(d -> d.accounts().alterAccountAdminPassword(account, adminName, newPassword));
        }

        @Override
        public CompletionStage<Void> alterAccountComment(String account, String comment) {
            return r.run(d -> d.accounts().alterAccountComment(account, comment));
        }

        @Override
        public CompletionStage<Void> dropAccount(String account) {
            return r.run(d -> d.accounts().dropAccount(account));
        }

        @Override
        public CompletionStage<Void> dropAccountIfExists(String account) {
            return r.run(d -> d.accounts().dropAccountIfExists(account));
        }

        @Override
        public CompletionStage<List<Account>> listAccounts() {
            return r.run(d -> d.accounts().listAccounts());
        }

        @Override
        public CompletionStage<Void> createUser(UserSpec spec) {
            return r.run(d -> d.accounts().createUser(spec));
        }

        @Override
        public CompletionStage<Void> alterUserPassword(String user, String newPassword) {
            return r.run(d -> d.accounts().alterUserPassword(user, newPassword));
        }

        @Override
        public CompletionStage<Void> dropUser(String user) {
            return r.run(d -> d.accounts().dropUser(user));
        }

        @Override
        public CompletionStage<Void> dropUserIfExists(String user) {
            return r.run(d -> d.accounts().dropUserIfExists(user));
        }

        @Override
        public CompletionStage<Void> createRole(RoleSpec spec) {
            return r.run(d -> d.accounts().createRole(spec));
        }

        @Override
        public CompletionStage<Void> dropRole(String role) {
            return r.run(d -> d.accounts().dropRole(role));
        }

        @Override
        public CompletionStage<Void> dropRoleIfExists(String role) {
            return r.run(d -> d.accounts().dropRoleIfExists(role));
        }

        @Override
        public CompletionStage<Void> grant(Grant grant) {
            return r.run(d -> d.accounts().grant(grant));
        }

        @Override
        public CompletionStage<Void> revoke(Grant grant) {
            return r.run(d -> d.accounts().revoke(grant));
        }

        @Override
        public CompletionStage<Void> grantRoles(RoleGrant grant) {
            return r.run(d -> d.accounts().grantRoles(grant));
        }

        @Override
        public CompletionStage<Void> revokeRoles(RoleGrant grant) {
            return r.run(d -> d.accounts().revokeRoles(grant));
        }

        @Override
        public CompletionStage<Identity> current() {
            return r.run(d -> d.accounts().current());
        }
    }

    private static final class MoCtl extends Base implements AsyncMoCtlManager {
        MoCtl(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<MoCtlResult> flush(String database, String table) {
            return r.run(d -> d.moCtl().flush(database, table));
        }

        @Override
        public CompletionStage<MoCtlResult> flushTable(long tableId) {
            return r.run(d -> d.moCtl().flushTable(tableId));
        }

        @Override
        public CompletionStage<MoCtlResult> checkpoint() {
            return r.run(d -> d.moCtl().checkpoint());
        }

        @Override
        public CompletionStage<MoCtlResult> globalCheckpoint() {
            return r.run(d -> d.moCtl().globalCheckpoint());
        }

        @Override
        public CompletionStage<MoCtlResult> call(MoCtlService service, String command, String parameter) {
            return r.run(d -> d.moCtl().call(service, command, parameter));
        }
    }

    private static final class Versions extends Base implements AsyncVersionManager {
        Versions(Runner r) {
            super(r);
        }

        @Override
        public CompletionStage<ServerVersion> version() {
            return r.run(d -> d.version().version());
        }

        @Override
        public CompletionStage<String> gitVersion() {
            return r.run(d -> d.version().gitVersion());
        }

        @Override
        public CompletionStage<VersionInfo> info() {
            return r.run(d -> d.version().info());
        }
    }
}
