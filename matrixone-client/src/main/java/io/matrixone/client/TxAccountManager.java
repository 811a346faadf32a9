package io.matrixone.client;

import io.matrixone.core.model.Account;
import io.matrixone.core.model.AccountSpec;
import io.matrixone.core.model.AccountStatus;
import io.matrixone.core.model.Grant;
import io.matrixone.core.model.Identity;
import io.matrixone.core.model.RoleGrant;
import io.matrixone.core.model.RoleSpec;
import io.matrixone.core.model.UserSpec;
import io.matrixone.core.tx.AfterCommit;

import java.util.List;

/**
 * Accounts, users, roles and grants inside a transaction. MatrixOne refuses every administrative statement in
 * an open transaction ("administrative command is unsupported in transactions"), so they run after COMMIT,
 * in order; a created account, user or role is dropped again if a later step fails.
 */
public interface TxAccountManager {

    /** {@code CREATE ACCOUNT}: a tenant with its admin user (sys account, moadmin role only). */
    AfterCommit<Void> createAccount(AccountSpec spec);

    AfterCommit<Void> alterAccountStatus(String account, AccountStatus status);

    AfterCommit<Void> alterAccountAdminPassword(String account, String adminName, String newPassword);

    AfterCommit<Void> alterAccountComment(String account, String comment);

    AfterCommit<Void> dropAccount(String account);

    AfterCommit<Void> dropAccountIfExists(String account);

    /** {@code SHOW ACCOUNTS}. */
    List<Account> listAccounts();

    AfterCommit<Void> createUser(UserSpec spec);

    AfterCommit<Void> alterUserPassword(String user, String newPassword);

    AfterCommit<Void> dropUser(String user);

    AfterCommit<Void> dropUserIfExists(String user);

    AfterCommit<Void> createRole(RoleSpec spec);

    AfterCommit<Void> dropRole(String role);

    AfterCommit<Void> dropRoleIfExists(String role);

    /** Grants privileges on an object to roles. */
    AfterCommit<Void> grant(Grant grant);

    AfterCommit<Void> revoke(Grant grant);

    /** Grants roles to users. */
    AfterCommit<Void> grantRoles(RoleGrant grant);

    AfterCommit<Void> revokeRoles(RoleGrant grant);

    /** The account, user and role of this session ({@code current_account_name()} ...). */
    Identity current();
}
