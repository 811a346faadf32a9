package io.matrixone.client;

import io.matrixone.core.dialect.Dialect;
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

/**
 * The client-level managers: each method is one line that runs the dialect's operation on the client. All
 * SQL and result mapping live in {@code core.dialect}, shared with the async client.
 */
final class ClientManagers {
    private ClientManagers() {
    }

    /** Runs operations at once: the client, or a transaction for the operations it allows now. */
    interface Runner {
        <T> T run(io.matrixone.core.dialect.Operation<T> operation);

        Dialect dialect();
    }

    static Runner of(MatrixOneClient client) {
        return new Runner() {
            @Override
            public <T> T run(io.matrixone.core.dialect.Operation<T> operation) {
                return client.run(operation);
            }

            @Override
            public Dialect dialect() {
                return client.dialect();
            }
        };
    }

    /** Base: the runner and its dialect. */
    private abstract static class Base {
        final Runner client;

        Base(Runner client) {
            this.client = client;
        }

        final Dialect d() {
            return client.dialect();
        }
    }

    static final class Snapshots extends Base implements SnapshotManager {
        Snapshots(Runner c) {
            super(c);
        }

        @Override
        public Snapshot create(SnapshotSpec spec) {
            return client.run(d().snapshots().create(spec));
        }

        @Override
        public void drop(String name) {
            client.run(d().snapshots().drop(name));
        }

        @Override
        public void dropIfExists(String name) {
            client.run(d().snapshots().dropIfExists(name));
        }

        @Override
        public Optional<Snapshot> get(String name) {
            return client.run(d().snapshots().get(name));
        }

        @Override
        public boolean exists(String name) {
            return client.run(d().snapshots().exists(name));
        }

        @Override
        public List<Snapshot> list() {
            return client.run(d().snapshots().list());
        }
    }

    static final class Clones extends Base implements CloneManager {
        Clones(Runner c) {
            super(c);
        }

        @Override
        public void clone(CloneSpec spec) {
            client.run(d().clones().clone(spec));
        }

        @Override
        public void database(CloneSpec spec) {
            client.run(d().clones().database(spec));
        }

        @Override
        public void table(CloneSpec spec) {
            client.run(d().clones().table(spec));
        }
    }

    static final class Restores extends Base implements RestoreManager {
        private final String loginAccount;

        Restores(Runner c, String loginAccount) {
            super(c);
            this.loginAccount = loginAccount;
        }

        @Override
        public void restore(RestoreSpec spec) {
            client.run(d().restores().restore(spec, loginAccount));
        }
    }

    static final class Pitrs extends Base implements PitrManager {
        Pitrs(Runner c) {
            super(c);
        }

        @Override
        public void create(PitrSpec spec) {
            client.run(d().pitr().create(spec));
        }

        @Override
        public void alter(String name, PitrRange range) {
            client.run(d().pitr().alter(name, range));
        }

        @Override
        public void alterIfExists(String name, PitrRange range) {
            client.run(d().pitr().alterIfExists(name, range));
        }

        @Override
        public void drop(String name) {
            client.run(d().pitr().drop(name));
        }

        @Override
        public void dropIfExists(String name) {
            client.run(d().pitr().dropIfExists(name));
        }

        @Override
        public List<Pitr> list() {
            return client.run(d().pitr().list());
        }

        @Override
        public Optional<Pitr> get(String name) {
            return client.run(d().pitr().get(name));
        }

        @Override
        public void restore(PitrRestoreSpec spec) {
            client.run(d().pitr().restore(spec));
        }
    }

    static final class Publications extends Base implements PublicationManager {
        Publications(Runner c) {
            super(c);
        }

        @Override
        public void create(PublicationSpec spec) {
            client.run(d().publications().create(spec));
        }

        @Override
        public void alter(PublicationAlter change) {
            client.run(d().publications().alter(change));
        }

        @Override
        public void drop(String name) {
            client.run(d().publications().drop(name));
        }

        @Override
        public void dropIfExists(String name) {
            client.run(d().publications().dropIfExists(name));
        }

        @Override
        public List<Publication> list() {
            return client.run(d().publications().list());
        }

        @Override
        public Optional<Publication> get(String name) {
            return client.run(d().publications().get(name));
        }

        @Override
        public List<Subscription> subscriptions() {
            return client.run(d().publications().subscriptions());
        }

        @Override
        public List<Subscription> allSubscriptions() {
            return client.run(d().publications().allSubscriptions());
        }

        @Override
        public void subscribe(SubscriptionSpec spec) {
            client.run(d().publications().subscribe(spec));
        }

        @Override
        public void unsubscribe(String database) {
            client.run(d().publications().unsubscribe(database));
        }
    }

    static final class Accounts extends Base implements AccountManager {
        Accounts(Runner c) {
            super(c);
        }

        @Override
        public void createAccount(AccountSpec spec) {
            client.run(d().accounts().createAccount(spec));
        }

        @Override
        public void alterAccountStatus(String account, AccountStatus status) {
            client.run(d().accounts().alterAccountStatus(account, status));
        }

        @Override
        public void alterAccountAdminPassword(String account, String adminName, String newPassword) {
            client.run(d().accounts().alterAccountAdminPassword(account, adminName, newPassword));
        }

        @Override
        public void alterAccountComment(String account, String comment) {
            client.run(d().accounts().alterAccountComment(account, comment));
        }

        @Override
        public void dropAccount(String account) {
            client.run(d().accounts().dropAccount(account));
        }

        @Override
        public void dropAccountIfExists(String account) {
            client.run(d().accounts().dropAccountIfExists(account));
        }

        @Override
        public List<Account> listAccounts() {
            return client.run(d().accounts().listAccounts());
        }

        @Override
        public void createUser(UserSpec spec) {
            client.run(d().accounts().createUser(spec));
        }

        @Override
        public void alterUserPassword(String user, String newPassword) {
            client.run(d().accounts().alterUserPassword(user, newPassword));
        }

        @Override
        public void dropUser(String user) {
            client.run(d().accounts().dropUser(user));
        }

        @Override
        public void dropUserIfExists(String user) {
            client.run(d().accounts().dropUserIfExists(user));
        }

        @Override
        public void createRole(RoleSpec spec) {
            client.run(d().accounts().createRole(spec));
        }

        @Override
        public void dropRole(String role) {
            client.run(d().accounts().dropRole(role));
        }

        @Override
        public void dropRoleIfExists(String role) {
            client.run(d().accounts().dropRoleIfExists(role));
        }

        @Override
        public void grant(Grant grant) {
            client.run(d().accounts().grant(grant));
        }

        @Override
        public void revoke(Grant grant) {
            client.run(d().accounts().revoke(grant));
        }

        @Override
        public void grantRoles(RoleGrant grant) {
            client.run(d().accounts().grantRoles(grant));
        }

        @Override
        public void revokeRoles(RoleGrant grant) {
            client.run(d().accounts().revokeRoles(grant));
        }

        @Override
        public Identity current() {
            return client.run(d().accounts().current());
        }
    }

    static final class MoCtl extends Base implements MoCtlManager {
        MoCtl(Runner c) {
            super(c);
        }

        @Override
        public MoCtlResult flush(String database, String table) {
            return client.run(d().moCtl().flush(database, table));
        }

        @Override
        public MoCtlResult flushTable(long tableId) {
            return client.run(d().moCtl().flushTable(tableId));
        }

        @Override
        public MoCtlResult checkpoint() {
            return client.run(d().moCtl().checkpoint());
        }

        @Override
        public MoCtlResult globalCheckpoint() {
            return client.run(d().moCtl().globalCheckpoint());
        }

        @Override
        public MoCtlResult call(MoCtlService service, String command, String parameter) {
            return client.run(d().moCtl().call(service, command, parameter));
        }
    }

    static final class Versions extends Base implements VersionManager {
        Versions(Runner c) {
            super(c);
        }

        @Override
        public ServerVersion version() {
            return client.run(d().version().version());
        }

        @Override
        public String gitVersion() {
            return client.run(d().version().gitVersion());
        }

        @Override
        public VersionInfo info() {
            return client.run(d().version().info());
        }
    }
}
