package io.matrixone.core.model;

import java.util.Objects;

/**
 * Who the session is: {@code SELECT current_account_name(), current_user_name(), current_role_name()}
 * (mo_sql.md §9.5). Asked from the server, never assumed from the login name.
 */
public record Identity(String account, String user, String role) {

    public Identity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
    }

    /** Whether this is the system account, the only one that may manage accounts and run mo_ctl. */
    public boolean isSysAccount() {
        return "sys".equalsIgnoreCase(account);
    }
}
