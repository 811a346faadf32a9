package io.matrixone.emulator.engine;

import static io.matrixone.emulator.engine.SnapshotIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vector columns, distance functions, vector and full-text index DDL and full-text search on a 4.2.0 target; the
 * expected values and messages are MatrixOne 4.2.0's answers to the same statements.
 */
class VectorEngineIT extends EngineTestBase {
    EngineHarness.Client c;

    @BeforeEach
    void table() throws Exception {
        c = harness.root();
        c.ok("DROP DATABASE IF EXISTS v_db");
        c.ok("create database v_db");
        c.ok("use v_db");
        c.ok("create table t (id bigint primary key, title varchar(100), body text, emb vecf32(3), e64 vecf64(2))");
        c.ok("insert into t values (1, 'hello world', 'quick brown fox', '[1,2,3]', '[1,2]'), "
                + "(2, 'good bye', 'lazy dog jumps', '[0.1,0.2,0.3]', '[3,4]'), (3, 'matrix one', 'database vector search', '[3,2,1]', null)");
    }

    @Test
    void vectorsAreStoredInMatrixOnesTextForm() {
        assertThat(c.ok("select id, emb, e64 from t order by id").rows()).containsExactly(
                List.of("1", "[1, 2, 3]", "[1, 2]"), List.of("2", "[0.1, 0.2, 0.3]", "[3, 4]"),
                java.util.Arrays.asList("3", "[3, 2, 1]", null));
        c.ok("update t set emb = '[0.5, 1e-7, 2.0]' where id = 3");
        assertThat(c.scalar("select emb from t where id = 3")).isEqualTo("[0.5, 0.0000001, 2]");
        assertThat(c.scalar("select cast('[1,2,3]' as vecf32(3))")).isEqualTo("[1, 2, 3]");
    }

    @Test
    void wrongDimensionsAndMalformedVectorsAreRefusedAsMatrixOneRefusesThem() {
        assertError(c.run("insert into t (id, emb) values (9, '[1,2]')"), 20301,
                "invalid input: expected vector dimension 3 != actual dimension 2.");
        assertThat(c.run("insert into t (id, emb) values (9, '[1,a]')").code()).isEqualTo(20101);
        assertError(c.run("select l2_distance(emb, '[1,1]') from t"), 20101, "internal error: vector dimension not matched");
        assertError(c.run("select cosine_distance('[0,0]', '[1,1]')"), 20101,
                "internal error: cosine similarity zero denominator");
        assertThat(c.scalar("select count(*) from t")).isEqualTo("3");
    }

    @Test
    void distancesAreMatrixOnes() {
        List<List<String>> rows = c.ok("select id, l2_distance(emb, '[1,1,1]') as d, inner_product(emb, '[1,1,1]'), "
                + "l2_distance_sq(emb, '[1,1,1]'), cosine_distance(emb, '[1,1,1]') from t where id in (1, 3) order by id").rows();
        // compared as numbers: the JDBC harness prints a double 6 as 6.0 where the wire has 6
        assertThat(rows).extracting(r -> r.stream().map(Double::parseDouble).toList()).containsExactly(
                List.of(1.0, 2.23606797749979, -6.0, 5.0, 0.07417990267276764),
                List.of(3.0, 2.23606797749979, -6.0, 5.0, 0.07417990267276764));
        assertThat(c.ok("select id from t order by l2_distance(emb, '[0,0,0]') limit 2").rows())
                .containsExactly(List.of("2"), List.of("1"));
        assertThat(c.scalar("select l2_distance(emb, '[1,1,1]') from t where id = 2")).startsWith("1.39283881");
        assertThat(c.scalar("select vector_dims(emb) from t where id = 1")).isEqualTo("3");
    }

    @Test
    void vectorIndexesAreRecordedAndShownAsMatrixOneShowsThem() {
        c.ok("create index iv using ivfflat on t(emb) lists=2 op_type 'vector_l2_ops'");
        List<List<String>> index = c.ok("show index from t").rows();
        assertThat(c.ok("show index from t").columns()).containsExactly("Table", "Non_unique", "Key_name",
                "Seq_in_index", "Column_name", "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type",
                "Comment", "Index_comment", "Index_params", "Visible", "Expression");
        assertThat(index).filteredOn(r -> r.get(2).equals("iv")).singleElement().satisfies(r -> {
            assertThat(r.get(10)).isEqualTo("ivfflat");
            assertThat(r.get(13)).isEqualTo("{\"lists\":\"2\",\"op_type\":\"vector_l2_ops\"}");
            assertThat(r.get(7)).isNull();
        });
        c.ok("alter table t alter reindex iv ivfflat lists = 3");
        assertThat(c.ok("show index from t").rows()).filteredOn(r -> r.get(2).equals("iv")).singleElement()
                .satisfies(r -> assertThat(r.get(13)).contains("\"lists\":\"3\""));
        // the index changes nothing in the answers: searches are exact
        assertThat(c.ok("select id from t order by l2_distance(emb, '[3,2,1]') limit 1").rows()).containsExactly(List.of("3"));

        assertError(c.run("create index h using hnsw on t(emb) op_type 'vector_l2_ops'"), 20101,
                "internal error: experimental_hnsw_index is not enabled");
        c.ok("set experimental_hnsw_index = 1");
        c.ok("create index h using hnsw on t(emb) m 16 ef_construction 64 ef_search 32 op_type 'vector_cosine_ops'");
        assertThat(c.ok("show index from t").rows()).filteredOn(r -> r.get(2).equals("h")).singleElement()
                .satisfies(r -> assertThat(r.get(13)).isEqualTo(
                        "{\"ef_construction\":\"64\",\"ef_search\":\"32\",\"m\":\"16\",\"op_type\":\"vector_cosine_ops\"}"));
        c.ok("create table n (id int primary key, emb vecf32(3))");
        assertError(c.run("create index h2 using hnsw on n(emb) op_type 'vector_l2_ops'"), 20101,
                "internal error: type of primary key must be bigint");
        c.ok("drop index iv on t");
        c.ok("drop index h on t");
        assertThat(c.ok("show index from t").rows()).extracting(r -> r.get(2)).containsOnly("PRIMARY");

        c.ok("create table k (id bigint primary key, emb vecf32(2), key ik using ivfflat (emb) lists = 4 op_type 'vector_ip_ops')");
        assertThat(c.ok("show index from k").rows()).filteredOn(r -> r.get(2).equals("ik")).singleElement()
                .satisfies(r -> assertThat(r.get(13)).isEqualTo("{\"lists\":\"4\",\"op_type\":\"vector_ip_ops\"}"));
        assertError(c.run("insert into k values (1, '[1,2,3]')"), 20301,
                "invalid input: expected vector dimension 2 != actual dimension 3.");
    }

    @Test
    void fulltextNaturalLanguageIsAPhraseAndBooleanModeIsMariaDbs() {
        c.ok("create fulltext index ft on t(title, body)");
        assertThat(c.ok("select id from t where match(title, body) against('quick brown')").rows()).containsExactly(List.of("1"));
        assertThat(c.ok("select id from t where match(title, body) against('quick fox')").rows()).isEmpty();
        assertThat(c.ok("select id from t where match(title, body) against('fox' in natural language mode)").rows())
                .containsExactly(List.of("1"));
        assertThat(c.ok("select id from t where match(title, body) against('dog fox' in boolean mode) order by id").rows())
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(c.ok("select id from t where match(title, body) against('+database -lazy' in boolean mode)").rows())
                .containsExactly(List.of("3"));
        c.ok("create table j (id bigint primary key, doc text)");
        c.ok("create fulltext index fj on j(doc) with parser ngram");
        assertThat(c.ok("show index from j").rows()).filteredOn(r -> r.get(2).equals("fj")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get(10)).isEqualTo("fulltext");
                    assertThat(r.get(13)).isEqualTo("{\"parser\":\"ngram\"}");
                });
        assertError(c.run("create fulltext index fe on t(emb)"), 20105,
                "not supported: fulltext index only support char, varchar, text, datalink and json");
    }
    @Test
    void showCreateTableAndDescribeShowMatrixOnesTypesAndIndexes() {
        c.ok("create index iv using ivfflat on t(emb) lists=2 op_type 'vector_l2_ops'");
        c.ok("create fulltext index ft on t(title, body) with parser ngram");
        String ddl = c.ok("show create table t").rows().get(0).get(1);
        assertThat(ddl).contains("`emb` vecf32(3) DEFAULT NULL", "`e64` vecf64(2) DEFAULT NULL",
                "KEY `iv` USING ivfflat (`emb`) lists = 2  op_type 'vector_l2_ops' ",
                "FULLTEXT `ft`(`title`,`body`) WITH PARSER ngram").doesNotContain("mediumtext", "mo:");
        assertThat(c.ok("describe t").rows()).extracting(r -> r.get(0) + " " + r.get(1))
                .contains("emb VECF32(3)", "e64 VECF64(2)");
    }

    @Test
    void aMatchInTheSelectListFiltersAsOnMatrixOne() {
        c.ok("create fulltext index ft on t(title, body)");
        // 4.2.0 returns only the matching rows even without a WHERE
        assertThat(c.ok("select id, match(title, body) against('fox') as s from t").rows())
                .extracting(r -> r.get(0)).containsExactly("1");
        assertThat(c.ok("select id, match(title, body) against('zzz' in boolean mode) as s from t").rows()).isEmpty();
        assertThat(c.ok("select id, match(title, body) against('dog fox' in boolean mode) as s from t where id > 1 "
                + "order by id").rows()).extracting(r -> r.get(0)).containsExactly("2");
    }

    @Test
    void booleanPatternsAreReadAsMatrixOneReadsThem() {
        c.ok("create fulltext index ft on t(title, body)");
        // with a required word a bare group is required too (4.2.0: '+quick (lazy dog)' finds quick rows with lazy or dog)
        assertThat(c.ok("select id from t where match(title, body) against('+quick (lazy dog)' in boolean mode)").rows())
                .isEmpty();
        assertThat(c.ok("select id from t where match(title, body) against('+quick (fox dog)' in boolean mode)").rows())
                .extracting(r -> r.get(0)).containsExactly("1");
        // an operator inside a word is no syntax error
        assertThat(c.run("select id from t where match(title, body) against('c++' in boolean mode)").isError()).isFalse();
        assertThat(VectorFunctions.booleanPattern("+a -b (c d)")).isEqualTo("+a -b +(c d)");
        assertThat(VectorFunctions.booleanPattern("a (c d)")).isEqualTo("a (c d)");
        assertThat(VectorFunctions.booleanPattern("c++ \"x+y\"")).isEqualTo("c \"x+y\"");
    }

    @Test
    void aVectorTableCanBeDroppedInsideATransaction() {
        c.ok("begin");
        c.ok("drop table t");
        c.ok("rollback");
        assertThat(c.scalar("select count(*) from t")).isEqualTo("3");
        // its triggers are back: vectors are still checked
        assertThat(c.run("insert into t (id, emb) values (9, '[1,2]')").code()).isEqualTo(20301);
        c.ok("begin");
        c.ok("drop table t");
        c.ok("commit");
        assertThat(c.run("select count(*) from t").isError()).isTrue();
    }
}
