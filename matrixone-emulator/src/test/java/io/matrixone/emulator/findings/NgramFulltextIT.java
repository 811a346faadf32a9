package io.matrixone.emulator.findings;

import static io.matrixone.emulator.findings.EngineFindingsIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Full-text indexes {@code WITH PARSER ngram} over the wire with Connector/J: which rows MatrixOne 4.2.0 finds in
 * Chinese and mixed text (the rows of MatrixOne's Python SDK tests and more), natural and boolean mode, rows written
 * after the index, DDL around it, and that SHOW and DESCRIBE show the user's index only. Every expectation is 4.2.0's
 * answer: with {@code -Dmatrixone.tier=real} and {@code MATRIXONE_URL} the class runs against a real server (objects
 * named {@code ng_*}).
 */
@ExtendWith(EmulatorExtension.class)
class NgramFulltextIT {
    private Emulator mo;
    private Connection c;
    private Statement st;

    @BeforeEach
    void connect(Emulator mo) throws SQLException {
        this.mo = mo;
        c = DriverManager.getConnection("jdbc:mysql://" + mo.host() + ":" + mo.port() + "/?useServerPrepStmts=false",
                mo.user(), mo.password());
        st = c.createStatement();
        st.execute("drop snapshot if exists ng_snap");
        st.execute("drop database if exists ng_db");
        st.execute("create database ng_db");
        st.execute("use ng_db");
    }

    @AfterEach
    void close() throws SQLException {
        st.execute("drop snapshot if exists ng_snap");
        st.execute("drop database if exists ng_db");
        c.close();
    }

    /** The Python SDK's test_fulltext_ngram_parser_chinese table, the index made before the rows are written. */
    private void articles() throws SQLException {
        st.execute("create table articles (id int primary key auto_increment, title varchar(200), body text, "
                + "fulltext ftidx_ngram (title, body) with parser ngram)");
        st.execute("insert into articles (id, title, body) values "
                + "(1, '神雕侠侣 第一回 风月无情', '越女采莲秋水畔，窄袖轻罗，暗露双金钏'), "
                + "(2, '神雕侠侣 第二回 故人之子', '正自发痴，忽听左首屋中传出一人喝道：这是在人家府上，你又提小龙女干什么？'), "
                + "(3, '神雕侠侣 第三回 投师终南', '郭靖在舟中潜运神功，数日间伤势便已痊愈了大半。'), "
                + "(4, '神雕侠侣 第四回 全真门下', '郭靖摆脱众道纠缠，提气向重阳宫奔去，忽听得钟声镗镗响起'), "
                + "(5, '神雕侠侣 第五回 活死人墓', '杨过摔下山坡，滚入树林长草丛中，便即昏晕'), "
                + "(6, '神雕侠侣 第六回 玉女心经', '小龙女从怀里取出一个瓷瓶，交在杨过手里')");
    }

    private List<String> ids(String against) throws SQLException {
        return column("select id from articles where match(title, body) against(" + against + ") order by id");
    }

    @Test
    void chineseWordsOfOneToFourCharactersAreFoundInsideLongerRuns() throws SQLException {
        articles();
        assertThat(ids("'风月无情'")).containsExactly("1");
        assertThat(ids("'杨过'")).containsExactly("5", "6"); // "杨过摔下山坡" and "交在杨过手里"
        assertThat(ids("'杨'")).containsExactly("5", "6");
        assertThat(ids("'小龙女'")).containsExactly("2", "6");
        assertThat(ids("'神雕侠侣'")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(ids("'摔下山坡' in natural language mode")).containsExactly("5");
        assertThat(ids("'郭靖 摆脱'")).isEmpty(); // a phrase, by byte offsets: "郭靖摆脱" has no space
        assertThat(ids("'郭靖摆脱'")).containsExactly("4");
        assertThat(ids("'神雕侠侣 第五'")).containsExactly("5"); // the short last word a prefix right after the rest
        assertThat(ids("'神雕侠侣 杨过'")).isEmpty();
        assertError(() -> ids("'杨过' with query expansion"), 20101, "internal error: Query Expansion mode not supported");
        // the select list's MATCH filters as on MatrixOne, here on the tokens
        assertThat(column("select id, match(title, body) against('杨过') as score from articles"))
                .containsExactlyInAnyOrder("5", "6");
    }

    @Test
    void mixedLatinAndChineseTextAsInThePythonSdksExample() throws SQLException {
        st.execute("create table mixed (id int primary key, title varchar(255), content text)");
        st.execute("create fulltext index ftidx_ngram_mixed on mixed (title, content) with parser ngram");
        st.execute("insert into mixed values (1, 'MO全文索引示例', '这是一个关于MO全文索引的例子。它展示了如何使用ngram解析器进行全文搜索。'), "
                + "(2, 'ngram解析器', 'ngram解析器允许MO对中文等语言进行分词，以优化全文搜索。'), "
                + "(3, 'Quick Brown', 'model 全文 索引擎 mox全文索引')");
        String q = "select id from mixed where match(title, content) against(%s) order by id";
        assertThat(column(q.formatted("'全文索引'"))).containsExactly("1", "3");
        assertThat(column(q.formatted("'ngram'"))).containsExactly("1", "2");
        assertThat(column(q.formatted("'NGRAM解析器'"))).containsExactly("1", "2"); // Latin letters lower-cased
        assertThat(column(q.formatted("'mo'"))).containsExactly("1", "2", "3"); // a prefix: "model", "mox"
        assertThat(column(q.formatted("'MO'"))).isEmpty(); // the prefix is not lower-cased
        assertThat(column(q.formatted("'MO全文索引'"))).containsExactly("1");
        assertThat(column(q.formatted("'mo全文' in boolean mode"))).containsExactly("1"); // not "mox全文" nor "MO对中文"
        assertThat(column(q.formatted("'全文 索引'"))).containsExactly("3");
    }

    @Test
    void rowsWrittenAfterTheIndexAreFoundAndFollowUpdatesAndDeletes() throws SQLException {
        articles();
        st.execute("insert into articles values (7, '射雕英雄传', '郭靖与黄蓉')");
        assertThat(ids("'黄蓉'")).containsExactly("7");
        st.execute("update articles set body = '杨过与小龙女' where id = 7");
        assertThat(ids("'黄蓉'")).isEmpty();
        assertThat(ids("'小龙女'")).containsExactly("2", "6", "7");
        st.execute("update articles set title = null where id = 7");
        assertThat(ids("'射雕'")).isEmpty();
        st.execute("delete from articles where id in (6, 7)");
        assertThat(ids("'小龙女'")).containsExactly("2");
        st.execute("insert into articles (title) values ('笑傲江湖 第一回')");
        assertThat(ids("'笑傲'")).containsExactly("8");
        st.execute("replace into articles values (8, '天龙八部', null)");
        assertThat(ids("'笑傲'")).isEmpty();
        assertThat(ids("'天龙'")).containsExactly("8");
    }

    @Test
    void booleanModeIsReadAsMatrixOneReadsIt() throws SQLException {
        articles();
        assertThat(ids("'+杨过 +小龙女' in boolean mode")).containsExactly("6");
        assertThat(ids("'杨过 -小龙女' in boolean mode")).containsExactly("5");
        assertThat(ids("'杨过 小龙女' in boolean mode")).containsExactly("2", "5", "6");
        assertThat(ids("'+神雕 +(<杨过 >郭靖)' in boolean mode")).containsExactly("3", "4", "5", "6");
        assertThat(ids("'~杨过' in boolean mode")).containsExactly("5", "6");
        assertThat(ids("'郭*' in boolean mode")).containsExactly("3", "4");
        // a phrase's words are whole tokens: "杨过" is one only where a run ends with it
        assertThat(ids("'\"杨过\"' in boolean mode")).isEmpty();
        assertThat(ids("'\"小龙女从\"' in boolean mode")).isEmpty();
        assertThat(ids("'\"第五回 活死人\"' in boolean mode")).containsExactly("5");
        // a bare group after a required word is required too (4.2.0), not only a ranking
        assertThat(ids("'+神雕侠侣 (杨过 小龙女)' in boolean mode")).containsExactly("2", "5", "6");
        assertThat(ids("'+神雕侠侣 (郭靖)' in boolean mode")).containsExactly("3", "4");
        assertError(() -> ids("'+' in boolean mode"), 20101, "internal error: +/- must have single child with value");
        assertError(() -> ids("'\"\"' in boolean mode"), 20101, "internal error: phrase is empty string");
        assertError(() -> ids("'，，，'"), 20101,
                "internal error: Invalid input search string.  search string converted to empty pattern");
    }

    @Test
    void aBoundPatternIsTokenisedAsALiteralIs() throws SQLException {
        articles();
        try (Connection prepared = DriverManager.getConnection("jdbc:mysql://" + mo.host() + ":" + mo.port()
                + "/ng_db?useServerPrepStmts=true", mo.user(), mo.password());
             PreparedStatement natural = prepared.prepareStatement(
                     "select id from articles where match(title, body) against(?) order by id");
             PreparedStatement bool = prepared.prepareStatement(
                     "select id from articles where match(title, body) against(? in boolean mode) order by id")) {
            natural.setString(1, "杨过");
            assertThat(column(natural)).containsExactly("5", "6");
            natural.setString(1, "风月无情");
            assertThat(column(natural)).containsExactly("1");
            bool.setString(1, "+小龙女 -杨过");
            assertThat(column(bool)).containsExactly("2");
        }
    }

    @Test
    void showCreateTableShowIndexAndDescribeShowTheUsersIndexOnly() throws SQLException {
        articles();
        assertThat(ids("'杨过'")).containsExactly("5", "6");
        assertThat(column("show index from articles")).containsExactly("articles", "articles", "articles");
        List<List<String>> index = rows("show index from articles");
        assertThat(index).extracting(r -> r.get(2) + " " + r.get(4) + " " + r.get(10) + " " + r.get(13))
                .containsExactlyInAnyOrder("PRIMARY id  ", "ftidx_ngram title fulltext {\"parser\":\"ngram\"}",
                        "ftidx_ngram body fulltext {\"parser\":\"ngram\"}");
        String ddl = rows("show create table articles").get(0).get(1);
        assertThat(ddl).contains("FULLTEXT `ftidx_ngram`(`title`,`body`) WITH PARSER ngram\n)").doesNotContain("__mo");
        assertThat(column("describe articles")).containsExactly("id", "title", "body");
        assertThat(column("show columns from articles")).containsExactly("id", "title", "body");
        assertThat(rows("select * from articles where id = 1").get(0)).hasSize(3);
        // nor does MatrixOne's catalog (its hidden columns aside), nor information_schema.columns
        assertThat(column("select attname from mo_catalog.mo_columns where att_relname = 'articles' and att_is_hidden = 0"))
                .containsExactlyInAnyOrder("id", "title", "body");
        assertThat(column("select name from mo_catalog.mo_indexes i join mo_catalog.mo_tables t on i.table_id = t.rel_id "
                + "where t.relname = 'articles'")).doesNotContain("__mo_ft_ftidx_ngram").contains("ftidx_ngram");
        assertThat(column("select column_name from information_schema.columns where table_name = 'articles'"))
                .containsExactlyInAnyOrder("id", "title", "body");
        st.execute("insert into articles values (7, '射雕英雄传', '郭靖与黄蓉')"); // no column list: three values
        assertThat(ids("'黄蓉'")).containsExactly("7");
    }

    @Test
    void dropIndexAndDdlInATransactionKeepTheIndexAsItShouldBe() throws SQLException {
        articles();
        exec("begin", "drop index ftidx_ngram on articles", "rollback",
                "insert into articles values (7, '射雕英雄传', '郭靖与黄蓉')");
        assertThat(ids("'黄蓉'")).containsExactly("7");
        assertThat(ids("'杨过'")).containsExactly("5", "6");

        exec("begin", "drop table articles", "rollback", "insert into articles values (8, '天龙八部', '乔峰')");
        assertThat(ids("'乔峰'")).containsExactly("8");

        exec("alter table articles add column extra int", "insert into articles (id, title, extra) values (9, '鹿鼎记', 1)");
        assertThat(ids("'鹿鼎'")).containsExactly("9");

        st.execute("drop index ftidx_ngram on articles");
        assertThat(column("show index from articles")).hasSize(1);
        assertThat(column("describe articles")).containsExactly("id", "title", "body", "extra");
        assertError(() -> ids("'杨过'"), 20105, "not supported: MATCH() AGAINST() function cannot be replaced by "
                + "FULLTEXT INDEX and full table scan with fulltext search is not supported yet.");

        exec("begin", "create fulltext index ftidx_ngram on articles (title, body) with parser ngram", "rollback");
        assertThat(column("show index from articles")).hasSize(1);
        st.execute("alter table articles add fulltext index ftidx_ngram (title, body) with parser ngram");
        assertThat(ids("'鹿鼎'")).containsExactly("9"); // the rows there before the index
    }

    @Test
    void clonesAndRestoredTablesKeepFindingNewRows() throws SQLException {
        articles();
        st.execute("create table copy clone articles");
        st.execute("insert into copy values (7, '射雕英雄传', '郭靖与黄蓉')");
        assertThat(column("select id from copy where match(title, body) against('郭靖') order by id"))
                .containsExactly("3", "4", "7");
        exec("create snapshot ng_snap for database ng_db", "drop table articles",
                "restore database ng_db {snapshot = 'ng_snap'}", "insert into articles values (8, '天龙八部', '乔峰与段誉')");
        assertThat(ids("'段誉'")).containsExactly("8");
        assertThat(ids("'杨过'")).containsExactly("5", "6");
    }

    private List<String> column(String sql) throws SQLException {
        return rows(sql).stream().map(r -> r.get(0)).toList();
    }

    private static List<String> column(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return EngineFindingsIT.rows(st, sql);
    }

    private void exec(String... sqls) throws SQLException {
        for (String sql : sqls) {
            st.execute(sql);
        }
    }
}
