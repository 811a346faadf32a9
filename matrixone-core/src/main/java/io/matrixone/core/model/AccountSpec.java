package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

/**
 * An account to create (grammar rule {@code create_account_stmt}, mo_sql.md §7.1):
 * {@code CREATE ACCOUNT [IF NOT EXISTS] a ADMIN_NAME 'admin' IDENTIFIED BY 'password' [OPEN | SUSPEND |
 * RESTRICTED] [COMMENT 'c']}. Only {@code sys} may create accounts. {@link #toString()} never shows the password.
 *
 * @param name          the account name ({@code [0-9A-Za-z_-]})
 * @param adminName     the account's first user, who gets role {@code accountadmin}
 * @param adminPassword that user's password; written as an escaped literal, never logged
 * @param status        the initial status, or {@code null} for the server's default (open)
 * @param comment       the comment, or {@code null}
 * @param keepExisting  IF NOT EXISTS (then no undo is offered)
 */
public record AccountSpec(String name, String adminName, String adminPassword, AccountStatus status, String comment,
                          boolean keepExisting) {

    public AccountSpec {
        Models.name(name, NameKind.ACCOUNT);
        Models.name(adminName, NameKind.USER);
        Secrets.checkPassword(adminPassword, "admin password");
    }

    public static AccountSpec of(String name, String adminName, String adminPassword) {
        return new AccountSpec(name, adminName, adminPassword, null, null, false);
    }

    public AccountSpec status(AccountStatus newStatus) {
        return new AccountSpec(name, adminName, adminPassword, java.util.Objects.requireNonNull(newStatus, "status"),
                comment, keepExisting);
    }

    public AccountSpec comment(String text) {
        return new AccountSpec(name, adminName, adminPassword, status, Models.requireText(text, "comment"), keepExisting);
    }

    public AccountSpec ifNotExists() {
        return new AccountSpec(name, adminName, adminPassword, status, comment, true);
    }

    @Override
    public String toString() {
        return "AccountSpec[name=" + name + ", adminName=" + adminName + ", adminPassword=" + Secrets.MASK + ", status="
                + status + ", comment=" + comment + ", keepExisting=" + keepExisting + "]";
    }
}
