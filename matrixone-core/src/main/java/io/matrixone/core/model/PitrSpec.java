package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Objects;

/**
 * A PITR to create: {@code CREATE PITR [IF NOT EXISTS] name <target> RANGE n 'unit'}, with the seven targets of
 * grammar rule {@code create_pitr_stmt} (mo_sql.md §5.1), one factory each.
 *
 * @param name         the PITR name ({@code sys_mo_catalog_pitr} is reserved by the server)
 * @param target       which of the seven forms
 * @param account      for {@link Target#ACCOUNT}
 * @param database     for {@link Target#DATABASE}, {@link Target#TABLE}, {@link Target#DATABASE_TABLE}
 * @param table        for {@link Target#TABLE}, {@link Target#DATABASE_TABLE}
 * @param range        how far back it reaches
 * @param keepExisting IF NOT EXISTS (then no undo is offered)
 */
public record PitrSpec(String name, Target target, String account, String database, String table, PitrRange range,
                       boolean keepExisting) {

    /** The forms of the grammar, in its order. */
    public enum Target {
        /** {@code FOR ACCOUNT}: the current account. */
        CURRENT_ACCOUNT,
        /** {@code FOR CLUSTER}: sys only. */
        CLUSTER,
        /** {@code FOR ACCOUNT a}. */
        ACCOUNT,
        /** {@code FOR DATABASE d}. */
        DATABASE,
        /** {@code FOR TABLE d t}. */
        TABLE,
        /** No FOR clause: {@code CREATE PITR p RANGE n 'u'}. */
        NONE,
        /** {@code FOR DATABASE d TABLE t}. */
        DATABASE_TABLE
    }

    public PitrSpec {
        Models.name(name, NameKind.PITR);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(range, "range");
        Models.require(!"sys_mo_catalog_pitr".equalsIgnoreCase(name), "PITR name sys_mo_catalog_pitr is reserved");
        Models.optionalName(account, NameKind.ACCOUNT);
        Models.optionalName(database, NameKind.DATABASE);
        Models.optionalName(table, NameKind.TABLE);
        boolean wantsDb = target == Target.DATABASE || target == Target.TABLE || target == Target.DATABASE_TABLE;
        boolean wantsTable = target == Target.TABLE || target == Target.DATABASE_TABLE;
        Models.require((account != null) == (target == Target.ACCOUNT), target + " PITR: account "
                + (account == null ? "missing" : "not allowed"));
        Models.require((database != null) == wantsDb, target + " PITR: database " + (database == null ? "missing" : "not allowed"));
        Models.require((table != null) == wantsTable, target + " PITR: table " + (table == null ? "missing" : "not allowed"));
    }

    public static PitrSpec currentAccount(String name, PitrRange range) {
        return new PitrSpec(name, Target.CURRENT_ACCOUNT, null, null, null, range, false);
    }

    public static PitrSpec cluster(String name, PitrRange range) {
        return new PitrSpec(name, Target.CLUSTER, null, null, null, range, false);
    }

    public static PitrSpec account(String name, String account, PitrRange range) {
        return new PitrSpec(name, Target.ACCOUNT, Models.name(account, NameKind.ACCOUNT), null, null, range, false);
    }

    public static PitrSpec database(String name, String database, PitrRange range) {
        return new PitrSpec(name, Target.DATABASE, null, Models.name(database, NameKind.DATABASE), null, range, false);
    }

    /** {@code FOR TABLE d t}. */
    public static PitrSpec table(String name, String database, String table, PitrRange range) {
        return new PitrSpec(name, Target.TABLE, null, Models.name(database, NameKind.DATABASE),
                Models.name(table, NameKind.TABLE), range, false);
    }

    /** {@code FOR DATABASE d TABLE t}. */
    public static PitrSpec databaseTable(String name, String database, String table, PitrRange range) {
        return new PitrSpec(name, Target.DATABASE_TABLE, null, Models.name(database, NameKind.DATABASE),
                Models.name(table, NameKind.TABLE), range, false);
    }

    /** No FOR clause. */
    public static PitrSpec withoutTarget(String name, PitrRange range) {
        return new PitrSpec(name, Target.NONE, null, null, null, range, false);
    }

    public PitrSpec ifNotExists() {
        return new PitrSpec(name, target, account, database, table, range, true);
    }
}
