package io.matrixone.client;

import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.model.Account;
import io.matrixone.core.model.AccountSpec;
import io.matrixone.core.model.AccountStatus;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.Grant;
import io.matrixone.core.model.Identity;
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
import io.matrixone.core.tx.AfterCommit;

import java.util.List;
import java.util.Optional;

/**
 * The transaction-level managers. Operations MatrixOne allows inside a transaction run at once on its
 * connection ({@link Transaction#run}); the others go through {@link Transaction#submit}, which queues them as
 * after-commit steps. Which is which is decided by the dialect (each statement's {@code TxRule}), not here.
 */
final class TxManagers {
    private TxManagers() {
    }

    /** A runner over the transaction, for the managers whose operations all run at once (mo_ctl, version). */
    static ClientManagers.Runner runner(Transaction tx, Dialect dialect) {
        return new ClientManagers.Runner() {
            @Override
            public <T> T run(Operation<T> operation) {
                return tx.run(operation);
            }

            @Override
            public Dialect dialect() {
                return dialect;
            }
        };
    }

    private abstract static class Base {
        final Transaction tx;
        final Dialect dialect;

        Base(Transaction tx, Dialect dialect) {
            this.tx = tx;
            this.dialect = dialect;
        }

        final <T> AfterCommit<T> submit(Operation<T> operation) {
            return tx.submit(operation);
        }
    }

    static final class Snapshots extends Base implements TxSnapshotManager {
        Snapshots(Transaction tx, Dialect d) {
            super(tx, d);
        }

        @Override
        public AfterCommit<Snapshot> create(SnapshotSpec spec) {
            return submit(dialect.snapshots().create(spec));
        }

        @Override
        public AfterCommit<Void> drop(String name) {
            return submit(dialect.snapshots().drop(name));
        }

        @Override
        public AfterCommit<Void> dropIfExists(String name) {
            return submit(dialect.snapshots().dropIfExists(name));
        }

        @Override
        public Optional<Snapshot> get(String name) {
            return tx.run(dialect.snapshots().get(name));
        }

        @Override
        public boolean exists(String name) {
            return tx.run(dialect.snapshots().exists(name));
        }

        @Override
        public List<Snapshot> list() {
            return tx.run(dialect.snapshots().list());
        }
    }

    static final class Clones extends Base implements TxCloneManager {
        Clones(Transaction tx, Dialect d) {
            super(tx, d);
        }

        @Override
        public AfterCommit<Void> clone(CloneSpec spec) {
            return submit(dialect.clones().clone(spec));
        }

        @Override
        public AfterCommit<Void> database(CloneSpec spec) {
            return submit(dialect.clones().database(spec));
        }

        @Override
        public AfterCommit<Void> table(CloneSpec spec) {
            return submit(dialect.clones().table(spec));
        }
    }

    static final class Restores extends Base implements TxRestoreManager {
        private final String loginAccount;

        Restores(Transaction tx, Dialect d, String loginAccount) {
            super(tx, d);
            this.loginAccount = loginAccount;
        }

        @Override
        public AfterCommit<Void> restore(RestoreSpec spec) {
            return submit(dialect.restores().restore(spec, loginAccount));
        }
    }

    static final class Pitrs extends Base implements TxPitrManager {
        Pitrs(Transaction tx, Dialect d) {
            super(tx, d);
        }

        @Override
        public AfterCommit<Void> create(PitrSpec spec) {
            return submit(dialect.pitr().create(spec));
        }

        @Override
        public AfterCommit<Void> alter(String name, PitrRange range) {
            return submit(dialect.pitr().alter(name, range));
        }

        @Override
        public AfterCommit<Void> alterIfExists(String name, PitrRange range) {
            return submit(dialect.pitr().alterIfExists(name, range));
        }

        @Override
        public AfterCommit<Void> drop(String name) {
            return submit(dialect.pitr().drop(name));
        }

        @Override
        public AfterCommit<Void> dropIfExists(String name) {
            return submit(dialect.pitr().dropIfExists(name));
        }

        @Override
        public AfterCommit<List<Pitr>> list() {
            return submit(dialect.pitr().list());
        }

        @Override
        public AfterCommit<Optional<Pitr>> get(String name) {
            return submit(dialect.pitr().get(name));
        }

        @Override
        public AfterCommit<Void> restore(PitrRestoreSpec spec) {
            return submit(dialect.pitr().restore(spec));
        }
    }

    static final class Publications extends Base implements TxPublicationManager {
        Publications(Transaction tx, Dialect d) {
            super(tx, d);
        }

        @Override
        public AfterCommit<Void> create(PublicationSpec spec) {
            return submit(dialect.publications().create(spec));
        }

        @Override
        public AfterCommit<Void> alter(PublicationAlter change) {
            return submit(dialect.publications().alter(change));
        }

        @Override
        public AfterCommit<Void> drop(String name) {
            return submit(dialect.publications().drop(name));
        }

        @Override
        public AfterCommit<Void> dropIfExists(String name) {
            return submit(dialect.publications().dropIfExists(name));
        }

        @Override
        public List<Publication> list() {
            return tx.run(dialect.publications().list());
        }

        @Override
        public Optional<Publication> get(String name) {
            return tx.run(dialect.publications().get(name));
        }

        @Override
        public List<Subscription> subscriptions() {
            return tx.run(dialect.publications().subscriptions());
        }

        @Override
        public List<Subscription> allSubscriptions() {
            return tx.run(dialect.publications().allSubscriptions());
        }

        @Override
        public AfterCommit<Void> subscribe(SubscriptionSpec spec) {
            return submit(dialect.publications().subscribe(spec));
        }

        @Override
        public AfterCommit<Void> unsubscribe(String database) {
            return submit(dialect.publications().unsubscribe(database));
        }
    }

    static final class Accounts extends Base implements TxAccountManager {
        Accounts(Transaction tx, Dialect d) {
            super(tx, d);
        }

        @Override
        public AfterCommit<Void> createAccount(AccountSpec spec) {
            return submit(dialect.accounts().createAccount(spec));
        }

        @Override
        public AfterCommit<Void> alterAccountStatus(String account, AccountStatus status) {
            return submit(dialect.accounts().alterAccountStatus(account, status));
        }

        @Override
        public AfterCommit<Void> alterAccountAdminPassword(String account, String adminName, String newPassword) {
            return submit(dialect.accounts().alterAccountAdminPassword(account, adminName, newPassword));
        }

        @Override
        public AfterCommit<Void> alterAccountComment(String account, String comment) {
            return submit(dialect.accounts().alterAccountComment(account, comment));
        }

        @Override
        public AfterCommit<Void> dropAccount(String account) {
            return submit(dialect.accounts().dropAccount(account));
        }

        @Override
        public AfterCommit<Void> dropAccountIfExists(String account) {
            return submit(dialect.accounts().dropAccountIfExists(account));
        }

        @Override
        public List<Account> listAccounts() {
            return tx.run(dialect.accounts().listAccounts());
        }

        @Override
        public AfterCommit<Void> createUser(UserSpec spec) {
            return submit(dialect.accounts().createUser(spec));
        }

        @Override
        public AfterCommit<Void> alterUserPassword(String user, String newPassword) {
            return submit(dialect.accounts().alterUserPassword(user, newPassword));
        }

        @Override
        public AfterCommit<Void> dropUser(String user) {
            return submit(dialect.accounts().dropUser(user));
        }

        @Override
        public AfterCommit<Void> dropUserIfExists(String user) {
            return submit(dialect.accounts().dropUserIfExists(user));
        }

        @Override
        public AfterCommit<Void> createRole(RoleSpec spec) {
            return submit(dialect.accounts().createRole(spec));
        }

        @Override
        public AfterCommit<Void> dropRole(String role) {
            return submit(dialect.accounts().dropRole(role));
        }

        @Override
        public AfterCommit<Void> dropRoleIfExists(String role) {
            return submit(dialect.accounts().dropRoleIfExists(role));
        }

        @Override
        public AfterCommit<Void> grant(Grant grant) {
            return submit(dialect.accounts().grant(grant));
        }

        @Override
        public AfterCommit<Void> revoke(Grant grant) {
            return submit(dialect.accounts().revoke(grant));
        }

        @Override
        public AfterCommit<Void> grantRoles(RoleGrant grant) {
            return submit(dialect.accounts().grantRoles(grant));
        }

        @Override
        public AfterCommit<Void> revokeRoles(RoleGrant grant) {
            return submit(dialect.accounts().revokeRoles(grant));
        }

        @Override
        public Identity current() {
            return tx.run(dialect.accounts().current());
        }
    }
}
