package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

/**
 * A role to create in the current account: {@code CREATE ROLE [IF NOT EXISTS] r}.
 *
 * @param name         the role name (no ':' or '#')
 * @param keepExisting IF NOT EXISTS (then no undo is offered)
 */
public record RoleSpec(String name, boolean keepExisting) {

    public RoleSpec {
        Models.name(name, NameKind.ROLE);
    }

    public static RoleSpec of(String name) {
        return new RoleSpec(name, false);
    }

    public RoleSpec ifNotExists() {
        return new RoleSpec(name, true);
    }
}
