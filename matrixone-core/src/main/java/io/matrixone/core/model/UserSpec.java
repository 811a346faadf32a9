package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

/**
 * A user to create in the current account (grammar rule {@code create_user_stmt}):
 * {@code CREATE USER [IF NOT EXISTS] u IDENTIFIED BY 'password' [DEFAULT ROLE r] [COMMENT 'c']}.
 * {@link #toString()} never shows the password.
 *
 * @param name         the user name (no ':' or '#')
 * @param password     the password; written as an escaped literal, never logged
 * @param defaultRole  the role the user gets at login, or {@code null} ({@code public})
 * @param comment      the comment, or {@code null}
 * @param keepExisting IF NOT EXISTS (then no undo is offered)
 */
public record UserSpec(String name, String password, String defaultRole, String comment, boolean keepExisting) {

    public UserSpec {
        Models.name(name, NameKind.USER);
        Secrets.checkPassword(password, "password");
        Models.optionalName(defaultRole, NameKind.ROLE);
    }

    public static UserSpec of(String name, String password) {
        return new UserSpec(name, password, null, null, false);
    }

    public UserSpec defaultRole(String role) {
        return new UserSpec(name, password, Models.name(role, NameKind.ROLE), comment, keepExisting);
    }

    public UserSpec comment(String text) {
        return new UserSpec(name, password, defaultRole, Models.requireText(text, "comment"), keepExisting);
    }

    public UserSpec ifNotExists() {
        return new UserSpec(name, password, defaultRole, comment, true);
    }

    @Override
    public String toString() {
        return "UserSpec[name=" + name + ", password=" + Secrets.MASK + ", defaultRole=" + defaultRole + ", comment="
                + comment + ", keepExisting=" + keepExisting + "]";
    }
}
