package io.matrixone.client;

import io.matrixone.core.model.Account;
import io.matrixone.core.model.AccountSpec;
import io.matrixone.core.model.AccountStatus;
import io.matrixone.core.model.Grant;
import io.matrixone.core.model.Identity;
import io.matrixone.core.model.RoleGrant;
import io.matrixone.core.model.RoleSpec;
import io.matrixone.core.model.UserSpec;

import java.util.List;

/**
 * Accounts (tenants), users, roles and grants, outside a transaction. Passwords are sent as escaped literals
 * (MatrixOne cannot bind them) and never appear in logs or exception messages.
 */
public interface AccountManager {

    /** {@code CREATE ACCOUNT}: a tenant with its admin user (sys account, moadmin role only). */
    void createAccount(AccountSpec spec);

    void alterAccountStatus(String account, AccountStatus status);

    void alterAccountAdminPassword(String account, String adminName, String newPassword);

    void alterAccountComment(String account, String comment);

    void dropAccount(String account);

    void dropAccountIfExists(String account);

    /** {@code SHOW ACCOUNTS}. */
    List<Account> listAccounts();

    void createUser(UserSpec spec);

    void alterUserPassword(String user, String newPassword);

    void dropUser(String user);

    void dropUserIfExists(String user);

    void createRole(RoleSpec spec);

    void dropRole(String role);

    void dropRoleIfExists(String role);

    /** Grants privileges on an object to roles. */
    void grant(Grant grant);

    void revoke(Grant grant);

    /** Grants roles to users. */
    void grantRoles(RoleGrant grant);

    void revokeRoles(RoleGrant grant);

    /** The account, user and role of this session ({@code current_account_name()} ...). */
    Identity current();
}
