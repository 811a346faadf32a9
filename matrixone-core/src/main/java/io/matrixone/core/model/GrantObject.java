package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Objects;

/**
 * What a privilege is granted on: {@code ON object_type priv_level} (grammar rules {@code object_type},
 * {@code priv_level}; the levels each type accepts are the server's {@code objectType2privilegeLevels}):
 * {@code ACCOUNT *}, {@code DATABASE *}, {@code DATABASE d}, {@code TABLE *.*}, {@code TABLE d.*},
 * {@code TABLE d.t}.
 *
 * @param type     the object type
 * @param database the database, or {@code null} for every database
 * @param table    table type only: the table, or {@code null} for every table of the level
 */
public record GrantObject(Type type, String database, String table) {

    /** The object types of the grammar this SDK grants on. */
    public enum Type {
        ACCOUNT, DATABASE, TABLE
    }

    public GrantObject {
        Objects.requireNonNull(type, "type");
        Models.optionalName(database, NameKind.DATABASE);
        Models.optionalName(table, NameKind.TABLE);
        Models.require(type != Type.ACCOUNT || database == null && table == null, "ACCOUNT * names no database or table");
        Models.require(type != Type.DATABASE || table == null, "a DATABASE grant names no table");
        Models.require(table == null || database != null, "a table needs its database");
    }

    /** {@code ACCOUNT *}. */
    public static GrantObject account() {
        return new GrantObject(Type.ACCOUNT, null, null);
    }

    /** {@code DATABASE *}. */
    public static GrantObject allDatabases() {
        return new GrantObject(Type.DATABASE, null, null);
    }

    /** {@code DATABASE d}. */
    public static GrantObject database(String database) {
        return new GrantObject(Type.DATABASE, Models.name(database, NameKind.DATABASE), null);
    }

    /** {@code TABLE *.*}. */
    public static GrantObject allTables() {
        return new GrantObject(Type.TABLE, null, null);
    }

    /** {@code TABLE d.*}. */
    public static GrantObject tablesOf(String database) {
        return new GrantObject(Type.TABLE, Models.name(database, NameKind.DATABASE), null);
    }

    /** {@code TABLE d.t}. */
    public static GrantObject table(String database, String table) {
        return new GrantObject(Type.TABLE, Models.name(database, NameKind.DATABASE), Models.name(table, NameKind.TABLE));
    }
}
