package io.matrixone.async;

import io.matrixone.core.model.Account;
import io.matrixone.core.model.AccountSpec;
import io.matrixone.core.model.AccountStatus;
import io.matrixone.core.model.Grant;
import io.matrixone.core.model.Identity;
import io.matrixone.core.model.RoleGrant;
import io.matrixone.core.model.RoleSpec;
import io.matrixone.core.model.UserSpec;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Accounts (tenants), users, roles and grants, outside a transaction. Passwords are sent as escaped literals
 * (MatrixOne cannot bind them) and never appear in logs or exception messages.
 */
public interface AsyncAccountManager {

    /** {@code CREATE ACCOUNT}: a tenant with its admin user (sys account, moadmin role only). */
    CompletionStage<Void> createAccount(AccountSpec spec);

    CompletionStage<Void> alterAccountStatus(String account, AccountStatus status);

    CompletionStage<Void> alterAccountAdminPassword(String account, String adminName, String newPassword);

    CompletionStage<Void> alterAccountComment(String account, String comment);

    CompletionStage<Void> dropAccount(String account);

    CompletionStage<Void> dropAccountIfExists(String account);

    /** {@code SHOW ACCOUNTS}. */
    CompletionStage<List<Account>> listAccounts();

    CompletionStage<Void> createUser(UserSpec spec);

    CompletionStage<Void> alterUserPassword(String user, String newPassword);

    CompletionStage<Void> dropUser(String user);

    CompletionStage<Void> dropUserIfExists(String user);

    CompletionStage<Void> createRole(RoleSpec spec);

    CompletionStage<Void> dropRole(String role);

    CompletionStage<Void> dropRoleIfExists(String role);

    /** Grants privileges on an object to roles. */
    CompletionStage<Void> grant(Grant grant);

    CompletionStage<Void> revoke(Grant grant);

    /** Grants roles to users. */
    CompletionStage<Void> grantRoles(RoleGrant grant);

    CompletionStage<Void> revokeRoles(RoleGrant grant);

    /** The account, user and role of this session ({@code current_account_name()} ...). */
    CompletionStage<Identity> current();
}
