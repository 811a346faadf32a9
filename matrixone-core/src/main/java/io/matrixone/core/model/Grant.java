package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Privileges on an object for roles (grammar rules {@code grant_stmt} / {@code revoke_stmt}):
 * {@code GRANT p1, p2 ON type level TO r1, r2 [WITH GRANT OPTION]} and the matching REVOKE. In MatrixOne privileges
 * go to roles, and roles to users ({@link RoleGrant}).
 *
 * @param privileges      what is granted, each applicable to the object's type
 * @param on              the object
 * @param roles           the roles that receive it
 * @param grantable       whether they may grant it on (ignored by REVOKE)
 */
public record Grant(List<Privilege> privileges, GrantObject on, List<String> roles, boolean grantable) {

    public Grant {
        Objects.requireNonNull(on, "on");
        Models.require(privileges != null && !privileges.isEmpty(), "name at least one privilege");
        for (Privilege p : privileges) {
            Models.require(p != null, "privileges must not contain null");
        }
        privileges = List.copyOf(new LinkedHashSet<>(privileges)); // duplicates dropped, order kept
        for (Privilege p : privileges) {
            Models.require(p.appliesTo(on.type()), "privilege " + p.sql() + " does not apply to " + on.type()
                    + " (MatrixOne: the object type does not support the privilege)");
        }
        Models.require(roles != null && !roles.isEmpty(), "name at least one role");
        roles = Models.names(roles, NameKind.ROLE, "roles");
    }

    /** {@code GRANT privileges ON object TO roles}. */
    public static Grant of(GrantObject on, List<Privilege> privileges, String... roles) {
        return new Grant(privileges, on, roles == null ? null : Arrays.asList(roles), false);
    }

    /** One privilege to one role. */
    public static Grant of(Privilege privilege, GrantObject on, String role) {
        return new Grant(List.of(Objects.requireNonNull(privilege, "privilege")), on, Collections.singletonList(role),
                false); // singletonList: a null role is refused by the name check, naming the role
    }

    public Grant withGrantOption() {
        return new Grant(privileges, on, roles, true);
    }
}
