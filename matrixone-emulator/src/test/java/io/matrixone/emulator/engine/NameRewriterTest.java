package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameRewriterTest {
    private static final Namespace ACC = new Namespace("acc1", 7);

    private static String rw(String sql) {
        return NameRewriter.rewrite(sql, ACC);
    }

    @Test
    void databasePositionsAreMapped() {
        assertThat(rw("use db1")).isEqualTo("use `a7#db1`");
        assertThat(rw("create database if not exists db1")).isEqualTo("create database if not exists `a7#db1`");
        assertThat(rw("drop database db1;")).isEqualTo("drop database `a7#db1`;");
        assertThat(rw("show tables from db1 like 't%'")).isEqualTo("show tables from `a7#db1` like 't%'");
        assertThat(rw("show columns from t1 from db1")).isEqualTo("show columns from t1 from `a7#db1`");
        assertThat(rw("show create database db1")).isEqualTo("show create database `a7#db1`");
    }

    @Test
    void qualifiedTablesAreMappedColumnsAreNot() {
        assertThat(rw("select t1.a, db1.t2.b from db1.t1, db2.t2 where t1.a = t2.a"))
                .isEqualTo("select t1.a, `a7#db1`.t2.b from `a7#db1`.t1, `a7#db2`.t2 where t1.a = t2.a");
        assertThat(rw("insert into db1.t select * from db2.s join db3.u on s.a = u.a"))
                .isEqualTo("insert into `a7#db1`.t select * from `a7#db2`.s join `a7#db3`.u on s.a = u.a");
        assertThat(rw("create table if not exists db1.t like db2.s")).isEqualTo("create table if not exists `a7#db1`.t like `a7#db2`.s");
        assertThat(rw("drop table db1.a, db2.b")).isEqualTo("drop table `a7#db1`.a, `a7#db2`.b");
        assertThat(rw("update db1.t set t.a = 1")).isEqualTo("update `a7#db1`.t set t.a = 1");
        assertThat(rw("insert into t values (1) on duplicate key update t.a = 2")).isEqualTo("insert into t values (1) on duplicate key update t.a = 2");
        assertThat(rw("create index i on db1.t (a)")).isEqualTo("create index i on `a7#db1`.t (a)");
        assertThat(rw("select * from t1 x, db1.t2 y")).isEqualTo("select * from t1 x, `a7#db1`.t2 y");
        assertThat(rw("select a, b from t where x in (select c from db1.u)")).isEqualTo("select a, b from t where x in (select c from `a7#db1`.u)");
    }

    @Test
    void sharedAndSysAreLeftAlone() {
        assertThat(rw("select * from information_schema.tables")).isEqualTo("select * from information_schema.tables");
        assertThat(rw("select * from `__mo_snap_x_0`.t")).isEqualTo("select * from `__mo_snap_x_0`.t");
        assertThat(rw("select * from mo_catalog.mo_tables")).isEqualTo("select * from `a7#mo_catalog`.mo_tables");
        assertThat(NameRewriter.rewrite("use db1", Namespace.sys())).isEqualTo("use db1");
    }

    @Test
    void namespaceMapsBothWays() {
        assertThat(ACC.physical("db1")).isEqualTo("a7#db1");
        assertThat(ACC.logical("a7#db1")).isEqualTo("db1");
        assertThat(ACC.owns("a7#db1")).isTrue();
        assertThat(ACC.owns("a8#db1")).isFalse();
        assertThat(Namespace.sys().owns("a8#db1")).isFalse();
        assertThat(Namespace.sys().owns("db1")).isTrue();
        assertThat(ACC.unmap("Unknown database 'a7#db1'")).isEqualTo("Unknown database 'db1'");
    }
}
