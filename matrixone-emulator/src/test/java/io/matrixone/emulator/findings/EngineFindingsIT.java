package io.matrixone.emulator.findings;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a real MatrixOne 4.2.0 answered where the emulator used to differ (findings F-05, F-06, F-07, F-18 of the
 * real-server probe), over the wire with Connector/J. Every object is named {@code fid_*}: with
 * {@code -Dmatrixone.tier=real} and {@code MATRIXONE_URL} the same class runs against a shared real server.
 */
@ExtendWith(EmulatorExtension.class)
class EngineFindingsIT {
    private Connection c;
    private Statement st;

    @BeforeEach
    void connect(Emulator mo) throws SQLException {
        c = DriverManager.getConnection("jdbc:mysql://" + mo.host() + ":" + mo.port() + "/?useServerPrepStmts=false",
                mo.user(), mo.password());
        st = c.createStatement();
        cleanUp();
        st.execute("create database fid_src");
        st.execute("create table fid_src.t (id int primary key, v varchar(10))");
        st.execute("insert into fid_src.t values (1, 'a'), (2, 'b')");
    }

    @AfterEach
    void close() throws SQLException {
        cleanUp();
        c.close();
    }

    private void cleanUp() throws SQLException {
        for (String sql : List.of("drop publication if exists fid_pub", "drop snapshot if exists fid_snap",
                "drop database if exists fid_src", "drop database if exists fid_dst")) {
            st.execute(sql);
        }
    }

    @Test
    void databaseCloneIfNotExistsOnAnExistingTargetIs1007() throws SQLException {
        st.execute("create database fid_dst");
        assertError(() -> st.execute("create database if not exists fid_dst clone fid_src"), 1007,
                "database fid_dst already exists");
    }

    @Test
    void tableCloneIfNotExistsAppendsTheSourceRowsByColumnPosition() throws SQLException {
        st.execute("create database fid_dst");
        st.execute("create table fid_dst.same (id int primary key, v varchar(10))");
        st.execute("insert into fid_dst.same values (5, 'z')");
        st.execute("create table if not exists fid_dst.same clone fid_src.t");
        assertThat(rows("select id, v from fid_dst.same order by id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"), List.of("5", "z"));
        st.execute("create table fid_dst.narrow (x int)");
        st.execute("create table if not exists fid_dst.narrow clone fid_src.t");
        assertThat(rows("select x from fid_dst.narrow order by x")).containsExactly(List.of("1"), List.of("2"));
        st.execute("create table fid_dst.wide (a int, b varchar(10), c int)");
        st.execute("create table if not exists fid_dst.wide clone fid_src.t");
        assertThat(rows("select a, b, c from fid_dst.wide order by a"))
                .containsExactly(Arrays.asList("1", "a", null), Arrays.asList("2", "b", null));
        assertError(() -> st.execute("create table if not exists fid_dst.same clone fid_src.nosuch"), 1064,
                "SQL parser error: table fid_src-nosuch does not exist");
        assertError(() -> st.execute("create table fid_dst.same clone fid_src.t"), 1050, "table same already exists");
    }

    @Test
    void publicationIfNotExistsAndIfExistsAreNotHonoured() throws SQLException {
        st.execute("create publication fid_pub database fid_src account all");
        String duplicate = "Duplicate entry '(0,fid_pub)' for key '(account_id,pub_name)'";
        assertError(() -> st.execute("create publication if not exists fid_pub database fid_src account all"), 1062, duplicate);
        assertError(() -> st.execute("create publication fid_pub database fid_src account all"), 1062, duplicate);
        st.execute("drop publication fid_pub");
        assertError(() -> st.execute("alter publication if exists fid_pub comment 'x'"), 20101,
                "internal error: publication 'fid_pub' does not exist");
        assertError(() -> st.execute("drop publication fid_pub"), 20101, "internal error: publication 'fid_pub' does not exist");
        st.execute("drop publication if exists fid_pub");
    }

    @Test
    void aDuplicatePublicationNamesTheAccountId(Emulator mo) throws SQLException {
        st.execute("drop account if exists fid_acc");
        st.execute("create account fid_acc admin_name 'admin' identified by '111'");
        try {
            String id = rows("select account_id from mo_catalog.mo_account where account_name = 'fid_acc'").get(0).get(0);
            try (Connection acc = DriverManager.getConnection("jdbc:mysql://" + mo.host() + ":" + mo.port() + "/",
                    "fid_acc:admin", "111"); Statement s = acc.createStatement()) {
                s.execute("create database fid_src");
                s.execute("create publication fid_pub database fid_src account sys");
                assertError(() -> s.execute("create publication if not exists fid_pub database fid_src account sys"), 1062,
                        "Duplicate entry '(" + id + ",fid_pub)' for key '(account_id,pub_name)'");
            }
        } finally {
            st.execute("drop account if exists fid_acc");
        }
    }

    @Test
    void theStringFormOfASnapshotHintIsCaseSensitiveOutsideRestore() throws SQLException {
        st.execute("create snapshot Fid_Snap for database fid_src");
        assertThat(rows("select sname from mo_catalog.mo_snapshots where sname like 'fid\\_snap'"))
                .containsExactly(List.of("fid_snap"));
        st.execute("insert into fid_src.t values (3, 'c')");
        String notFound = "internal error: find 0 snapshot records by name(Fid_Snap), expect only 1";
        assertError(() -> st.executeQuery("select count(*) from fid_src.t {snapshot = 'Fid_Snap'}"), 20101, notFound);
        assertError(() -> st.execute("create table fid_src.t2 clone fid_src.t {snapshot = 'Fid_Snap'}"), 20101, notFound);
        assertError(() -> st.execute("create database fid_dst clone fid_src {snapshot = 'Fid_Snap'}"), 20101, notFound);
        assertThat(rows("select count(*) from fid_src.t {snapshot = Fid_Snap}")).containsExactly(List.of("2"));
        assertThat(rows("select count(*) from fid_src.t {snapshot = 'fid_snap'}")).containsExactly(List.of("2"));
        st.execute("restore database fid_src{snapshot = 'Fid_Snap'}");
        assertThat(rows("select count(*) from fid_src.t")).containsExactly(List.of("2"));
    }

    @Test
    void showSnapshotsKeepsUpperCaseLabelsWithAWhereClause() throws SQLException {
        st.execute("create snapshot fid_snap for database fid_src");
        try (ResultSet rs = st.executeQuery("show snapshots where snapshot_name = 'fid_snap'")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            assertThat(labels).containsExactly("SNAPSHOT_NAME", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME",
                    "DATABASE_NAME", "TABLE_NAME");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("snapshot_level")).isEqualTo("database");
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return rows(st, sql);
    }

    /** A query's rows, every value as a string. */
    static List<List<String>> rows(Statement st, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    interface Sql {
        void run() throws SQLException;
    }

    static void assertError(Sql sql, int code, String message) {
        SQLException e = catchThrowableOfType(sql::run, SQLException.class);
        assertThat(e != null).as("expected error %d", code).isTrue();
        assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
