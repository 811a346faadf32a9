package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB tables the engine keeps: MatrixOne's own catalog tables in {@code mo_catalog} (real tables, so
 * that SDK queries such as {@code SELECT ... FROM mo_catalog.mo_snapshots WHERE sname = ?} pass through
 * unchanged) and the emulator's hidden metadata.
 */
final class Catalog {

    /** The emulator's metadata schema (never in a snapshot's scope, never listed as a user database). */
    static final String META_SCHEMA = "__mo_emulator";
    /** Prefix of the hidden schemas holding snapshot copies: {@code __mo_snap_<n>}. */
    static final String COPY_PREFIX = "__mo_snap_";
    /**
     * What a snapshot held: one row per database (table_name '') and per table or view, keyed by the account that
     * took the snapshot (snapshot names are per account) and naming the account the database belongs to.
     */
    static final String SNAPSHOT_OBJECTS = Sql.id(META_SCHEMA, "snapshot_contents");
    /** The accounts a snapshot covered, so that a restore can bring back a dropped account. */
    static final String SNAPSHOT_ACCOUNTS = Sql.id(META_SCHEMA, "snapshot_accounts");
    /** The publications a cluster snapshot saw, created again by a cluster restore. */
    static final String SNAPSHOT_PUBS = Sql.id(META_SCHEMA, "snapshot_publications");
    /** Where new account ids come from: never reused (a sequence keeps counting after drops). */
    static final String ACCOUNT_IDS = Sql.id(META_SCHEMA, "account_ids");
    /** MatrixOne's system databases that the emulator creates empty, so that they can be listed and used. */
    static final List<String> EMPTY_SYSTEM_DATABASES = List.of("system", "system_metrics", "mo_task", "mo_debug");

    private Catalog() {
    }

    /** DDL run by {@link MoStatementEngine#install}; every statement is idempotent. */
    static List<String> installStatements(TargetVersion version) {
        String snapshots = snapshotsTable(version, "mo_catalog");
        // mo_pitr as in predefined.go (mo_sql.md §5.1). MariaDB cannot index varchar(5000): pitr_name is
        // varchar(512) here and the long names are TEXT (DIFFERENCES.md).
        String pitr = "CREATE TABLE IF NOT EXISTS mo_catalog.mo_pitr ("
                + "pitr_id uuid unique key, pitr_name varchar(512), create_account bigint unsigned, "
                + "create_time bigint not null, modified_time bigint not null, level varchar(10), "
                + "account_id bigint unsigned, account_name varchar(300), database_name text, table_name text, "
                + "obj_id bigint unsigned, pitr_length tinyint unsigned, pitr_unit varchar(10), "
                + "pitr_status tinyint unsigned default 1 comment '1: active, 0: inactive', "
                + "pitr_status_changed_time bigint not null"
                + (version.isV4OrLater() ? ", kind varchar(32) not null default 'user'" : "")
                + ", primary key(pitr_name, create_account))";
        String account = "CREATE TABLE IF NOT EXISTS mo_catalog.mo_account ("
                + "account_id int primary key, account_name varchar(300) unique key, admin_name varchar(300), "
                + "status varchar(300), created_time timestamp null default current_timestamp, comments varchar(256), "
                + "version bigint unsigned default 0, suspended_time timestamp null default null, "
                + "create_version varchar(50) default '" + version.text() + "')";
        String pubs = "CREATE TABLE IF NOT EXISTS mo_catalog.mo_pubs ("
                + "account_id int not null, account_name varchar(300), pub_name varchar(64), database_name varchar(5000), "
                + "database_id bigint unsigned, all_table bool, table_list text, account_list text, created_time timestamp null, "
                + "update_time timestamp null default null, owner int unsigned, creator int unsigned, `comment` text, "
                + "primary key(account_id, pub_name))";
        String subs = "CREATE TABLE IF NOT EXISTS mo_catalog.mo_subs ("
                + "sub_account_id int not null, sub_account_name varchar(300), sub_name varchar(5000) null, "
                + "sub_time timestamp null, pub_account_id int not null, pub_account_name varchar(300), pub_name varchar(64), "
                + "pub_database varchar(5000), pub_tables text, pub_time timestamp null, pub_comment text, "
                + "status tinyint(8), primary key(pub_account_name, pub_name, sub_account_id))";
        String objects = "CREATE TABLE IF NOT EXISTS " + SNAPSHOT_OBJECTS + " ("
                + "owner varchar(128) not null, sname varchar(64) not null, obj_account varchar(128) not null, "
                + "db_name varchar(64) not null, table_name varchar(64) not null, "
                + "kind varchar(16) not null, copy_schema varchar(64), create_sql longtext, "
                + "primary key(owner, sname, obj_account, db_name, table_name))";
        String accounts = "CREATE TABLE IF NOT EXISTS " + SNAPSHOT_ACCOUNTS + " (owner varchar(128) not null, "
                + "sname varchar(64) not null, account_name varchar(300) not null, admin_name varchar(300), auth text, "
                + "comments varchar(256), primary key(owner, sname, account_name))";
        List<String> out = new ArrayList<>();
        EMPTY_SYSTEM_DATABASES.forEach(d -> out.add("CREATE DATABASE IF NOT EXISTS " + Sql.id(d)));
        out.addAll(List.of(
                "CREATE DATABASE IF NOT EXISTS mo_catalog",
                snapshots, pitr, account, pubs, subs,
                "INSERT IGNORE INTO mo_catalog.mo_account (account_id, account_name, admin_name, status, comments) "
                        + "VALUES (0, 'sys', 'root', 'open', 'system account')",
                "CREATE DATABASE IF NOT EXISTS " + Sql.id(META_SCHEMA),
                objects, accounts,
                "CREATE TABLE IF NOT EXISTS " + SNAPSHOT_PUBS + " (owner varchar(128) not null, sname varchar(64) not null, "
                        + "account_name varchar(128) not null, pub_name varchar(64) not null, database_name varchar(64), "
                        + "table_list text, account_list text, `comment` text, primary key(owner, sname, account_name, pub_name))",
                "CREATE SEQUENCE IF NOT EXISTS " + ACCOUNT_IDS + " START WITH 1",
                // MatrixOne's built-in cast_range_value_unit(value, unit): a PITR range in hours (func_mo.go)
                "CREATE OR REPLACE FUNCTION mo_catalog.cast_range_value_unit(v BIGINT, u VARCHAR(10)) RETURNS BIGINT "
                        + "DETERMINISTIC RETURN CASE u WHEN 'h' THEN v WHEN 'd' THEN v * 24 WHEN 'mo' THEN v * 720 "
                        + "WHEN 'y' THEN v * 8760 ELSE -1 END",
                // PITR uses system-versioned tables; let users keep altering them (mo_sql.md §5, DIFFERENCES.md)
                "SET GLOBAL system_versioning_alter_history = KEEP"));
        return out;
    }

    /**
     * {@code mo_snapshots} as in predefined.go MoCatalogMoSnapshotsDDL (mo_sql.md §1.4), in an account's own
     * {@code mo_catalog}: each account has its own snapshot rows. v3.0.x has no {@code kind} column.
     */
    static String snapshotsTable(TargetVersion version, String catalogSchema) {
        return "CREATE TABLE IF NOT EXISTS " + Sql.id(catalogSchema, "mo_snapshots") + " ("
                + "snapshot_id uuid unique key, sname varchar(64) primary key, ts bigint, "
                + "level enum('cluster','account','database','table'), account_name varchar(300), "
                + "database_name varchar(5000), table_name varchar(5000), obj_id bigint unsigned"
                + (version.isV4OrLater() ? ", kind varchar(32) not null default 'user'" : "") + ")";
    }
}
