package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureClassifierTest {

    private static String f(String sql) {
        return FeatureClassifier.feature(sql).orElse("-");
    }

    @Test
    void matrixOneStatementsByFeature() {
        assertThat(f("create snapshot sp1 for account;")).isEqualTo("snapshot");
        assertThat(f("SHOW   SNAPSHOTS where snapshot_name = 'x';")).isEqualTo("snapshot");
        assertThat(f("restore account acc01{snapshot=\"sp\"} to account acc02;")).isEqualTo("restore");
        assertThat(f("create pitr p1 for account range 1 'h';")).isEqualTo("pitr");
        assertThat(f("create database `d2` clone d1 {snapshot = 'sp'};")).isEqualTo("clone");
        assertThat(f("create table if not exists db.t2 clone db.t1;")).isEqualTo("clone");
        assertThat(f("create database sub1 from sys publication pub1;")).isEqualTo("pubsub");
        assertThat(f("show subscriptions all;")).isEqualTo("pubsub");
        assertThat(f("alter account acc1 suspend;")).isEqualTo("account");
        assertThat(f("select mo_ctl('dn', 'flush', 'db.t');")).isEqualTo("mo_ctl");
        assertThat(f("select count(*) from t1 { snapshot = 'sp1' };")).isEqualTo("time-travel");
        assertThat(f("select * from t {AS OF TIMESTAMP '2020-01-01 00:00:00'};")).isEqualTo("time-travel");
        assertThat(f("select sname from mo_catalog . mo_snapshots;")).isEqualTo("catalog");
        assertThat(f("data branch create table t1 from t0{snapshot=\"sp0\"};")).isEqualTo("branch");
    }

    @Test
    void ordinaryStatementsIncludingLookalikes() {
        assertThat(f("create table snapshot (a int);")).isEqualTo("-");
        assertThat(f("select 'create snapshot s for account';")).isEqualTo("-");
        assertThat(f("insert into t values ('{snapshot = 1}');")).isEqualTo("-");
        assertThat(f("create database clone_db;")).isEqualTo("-");
        assertThat(f("select * from mo_catalog.mo_tables; -- mo_ctl(")).isEqualTo("-");
        assertThat(f("drop database if exists snapshot_read;")).isEqualTo("-");
    }
}
