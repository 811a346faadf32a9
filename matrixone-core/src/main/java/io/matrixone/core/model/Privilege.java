package io.matrixone.core.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The privileges MatrixOne lets a role be granted, with the object types each applies to (grammar rule
 * {@code priv_type}; the server's check {@code convertAstPrivilegeTypeToPrivilegeType} refuses the others, and
 * CREATE/ALTER/DROP/UPGRADE ACCOUNT can never be granted).
 */
public enum Privilege {
    // account level
    CREATE_USER("CREATE USER", GrantObject.Type.ACCOUNT),
    DROP_USER("DROP USER", GrantObject.Type.ACCOUNT),
    ALTER_USER("ALTER USER", GrantObject.Type.ACCOUNT),
    CREATE_ROLE("CREATE ROLE", GrantObject.Type.ACCOUNT),
    DROP_ROLE("DROP ROLE", GrantObject.Type.ACCOUNT),
    ALTER_ROLE("ALTER ROLE", GrantObject.Type.ACCOUNT),
    CREATE_DATABASE("CREATE DATABASE", GrantObject.Type.ACCOUNT),
    DROP_DATABASE("DROP DATABASE", GrantObject.Type.ACCOUNT),
    SHOW_DATABASES("SHOW DATABASES", GrantObject.Type.ACCOUNT),
    CONNECT("CONNECT", GrantObject.Type.ACCOUNT),
    MANAGE_GRANTS("MANAGE GRANTS", GrantObject.Type.ACCOUNT),
    // database level
    SHOW_TABLES("SHOW TABLES", GrantObject.Type.DATABASE),
    CREATE_TABLE("CREATE TABLE", GrantObject.Type.DATABASE),
    DROP_TABLE("DROP TABLE", GrantObject.Type.DATABASE),
    ALTER_TABLE("ALTER TABLE", GrantObject.Type.DATABASE),
    CREATE_VIEW("CREATE VIEW", GrantObject.Type.DATABASE),
    DROP_VIEW("DROP VIEW", GrantObject.Type.DATABASE),
    ALTER_VIEW("ALTER VIEW", GrantObject.Type.DATABASE),
    // table level
    SELECT("SELECT", GrantObject.Type.TABLE),
    INSERT("INSERT", GrantObject.Type.TABLE),
    UPDATE("UPDATE", GrantObject.Type.TABLE),
    DELETE("DELETE", GrantObject.Type.TABLE),
    TRUNCATE("TRUNCATE", GrantObject.Type.TABLE),
    INDEX("INDEX", GrantObject.Type.TABLE),
    REFERENCE("REFERENCE", GrantObject.Type.TABLE),
    EXECUTE("EXECUTE", GrantObject.Type.TABLE),
    // several levels
    /** Every privilege of the object's level. */
    ALL("ALL", GrantObject.Type.ACCOUNT, GrantObject.Type.DATABASE, GrantObject.Type.TABLE),
    /** Ownership of a database or table. */
    OWNERSHIP("OWNERSHIP", GrantObject.Type.DATABASE, GrantObject.Type.TABLE);

    private final String sql;
    private final Set<GrantObject.Type> appliesTo;

    Privilege(String sql, GrantObject.Type first, GrantObject.Type... more) {
        this.sql = sql;
        this.appliesTo = EnumSet.of(first, more);
    }

    /** The keywords, e.g. {@code CREATE TABLE}. */
    public String sql() {
        return sql;
    }

    public boolean appliesTo(GrantObject.Type type) {
        return appliesTo.contains(type);
    }
}
