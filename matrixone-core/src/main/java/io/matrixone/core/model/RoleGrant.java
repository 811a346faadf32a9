package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.List;

/**
 * Roles for users: {@code GRANT r1, r2 TO u1, u2 [WITH GRANT OPTION]} and {@code REVOKE r1 FROM u1}
 * (grammar rules {@code grant_stmt}, {@code revoke_stmt}).
 *
 * @param roles           the roles
 * @param users           the users that receive them
 * @param grantable       whether they may grant them on (ignored by REVOKE)
 */
public record RoleGrant(List<String> roles, List<String> users, boolean grantable) {

    public RoleGrant {
        Models.require(roles != null && !roles.isEmpty(), "name at least one role");
        Models.require(users != null && !users.isEmpty(), "name at least one user");
        roles = Models.names(roles, NameKind.ROLE, "roles");
        users = Models.names(users, NameKind.USER, "users");
    }

    public static RoleGrant of(String role, String... users) {
        return new RoleGrant(List.of(Models.name(role, NameKind.ROLE)), users == null ? null : Arrays.asList(users), false);
    }

    public static RoleGrant of(List<String> roles, List<String> users) {
        return new RoleGrant(roles, users, false);
    }

    public RoleGrant withGrantOption() {
        return new RoleGrant(roles, users, true);
    }
}
