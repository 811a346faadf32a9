package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mo_catalog.mo_indexes}, an IVF-flat index's hidden tables and vector types in information_schema, on a
 * 4.2.0 target. The shapes and values expected are those MatrixOne 4.2.0 answered to the same statements; the
 * centroid each row belongs to is checked against distances computed here from the centroids read back.
 */
class IvfIndexTablesIT extends EngineTestBase {
    private static final String INDEX_TABLES = "select i.algo_table_type, i.index_table_name from mo_catalog.mo_indexes i "
            + "join mo_catalog.mo_tables t on i.table_id = t.rel_id and i.column_name = '%s' and t.relname = '%s' "
            + "and t.reldatabase = 'ivf_db' and i.algo = 'ivfflat'";
    EngineHarness.Client c;

    @BeforeEach
    void table() throws Exception {
        c = harness.root();
        c.ok("drop database if exists ivf_db");
        c.ok("drop database if exists ivf_clone");
        c.ok("create database ivf_db");
        c.ok("use ivf_db");
        c.ok("create table t (id bigint primary key, name varchar(20), body text, v vecf32(3), w vecf64(2), "
                + "key k_name (name), unique key u_name (name, id))");
        c.ok("insert into t values (1,'a','hello world','[1,2,3]','[1,2]'),(2,'b','foo bar','[4,5,6]','[3,4]'),"
                + "(3,'c','x y','[7,8,9]','[5,6]'),(4,'d','z','[1,1,1]','[0,0]'),(5,'e','q','[9,9,9]','[1,1]')");
    }

    /** role -> hidden table name, from mo_indexes joined with mo_tables as the Python SDK joins them. */
    private Map<String, String> hiddenTables(String table, String column) {
        Map<String, String> out = new HashMap<>();
        c.ok(INDEX_TABLES.formatted(column, table)).rows().forEach(r -> out.put(r.get(0), r.get(1)));
        return out;
    }

    @Test
    void moIndexesHasMatrixOnesRowsForEveryKindOfIndex() {
        c.ok("create index ivf1 using ivfflat on t (v) lists = 2 op_type 'vector_l2_ops'");
        c.ok("set experimental_hnsw_index = 1");
        c.ok("create table h (id bigint primary key, w vecf64(2))");
        c.ok("create index h1 using hnsw on h (w) op_type 'vector_l2_ops'");
        c.ok("create fulltext index ft1 on t (body) with parser ngram");
        c.ok("create index kc on t (body(10)) comment 'hello'");
        List<List<String>> rows = c.ok("select t.relname, i.name, i.type, i.algo, i.algo_table_type, i.algo_params, "
                + "i.comment, i.column_name, i.ordinal_position, i.is_visible, i.hidden, i.index_table_name is null "
                + "from mo_catalog.mo_indexes i join mo_catalog.mo_tables t on i.table_id = t.rel_id "
                + "where t.reldatabase = 'ivf_db'").rows();
        String params = "{\"lists\":\"2\",\"op_type\":\"vector_l2_ops\"}";
        assertThat(rows).containsExactlyInAnyOrder(
                List.of("h", "PRIMARY", "PRIMARY", "", "", "", "", "id", "1", "1", "0", "1"),
                List.of("h", "h1", "MULTIPLE", "hnsw", "hnsw_index", "{\"op_type\":\"vector_l2_ops\"}", "", "w", "1", "1", "0", "0"),
                List.of("h", "h1", "MULTIPLE", "hnsw", "hnsw_meta", "{\"op_type\":\"vector_l2_ops\"}", "", "w", "1", "1", "0", "0"),
                List.of("t", "PRIMARY", "PRIMARY", "", "", "", "", "id", "1", "1", "0", "1"),
                List.of("t", "ft1", "FULLTEXT", "fulltext", "", "{\"parser\":\"ngram\"}", "", "body", "1", "1", "0", "0"),
                List.of("t", "ivf1", "MULTIPLE", "ivfflat", "centroids", params, "", "v", "1", "1", "0", "0"),
                List.of("t", "ivf1", "MULTIPLE", "ivfflat", "entries", params, "", "v", "1", "1", "0", "0"),
                List.of("t", "ivf1", "MULTIPLE", "ivfflat", "metadata", params, "", "v", "1", "1", "0", "0"),
                List.of("t", "k_name", "MULTIPLE", "", "", "", "", "name", "1", "1", "0", "0"),
                List.of("t", "k_name", "MULTIPLE", "", "", "", "", "__mo_alias_id", "2", "1", "0", "0"),
                List.of("t", "kc", "MULTIPLE", "", "", "", "hello", "body", "1", "1", "0", "0"),
                List.of("t", "kc", "MULTIPLE", "", "", "", "hello", "__mo_alias_id", "2", "1", "0", "0"),
                List.of("t", "u_name", "UNIQUE", "", "", "", "", "name", "1", "1", "0", "0"),
                List.of("t", "u_name", "UNIQUE", "", "", "", "", "id", "2", "1", "0", "0"));
        // every hidden table mo_indexes names is a mo_tables row of the database, with MatrixOne's relkind
        Map<String, String> relkinds = new HashMap<>();
        c.ok("select relname, relkind from mo_catalog.mo_tables where reldatabase = 'ivf_db'").rows()
                .forEach(r -> relkinds.put(r.get(0), r.get(1)));
        Map<String, String> ivf = hiddenTables("t", "v");
        assertThat(ivf.keySet()).containsExactlyInAnyOrder("metadata", "centroids", "entries");
        ivf.forEach((role, name) -> {
            assertThat(name).matches("__mo_index_secondary_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(relkinds).containsEntry(name, role);
        });
        assertThat(c.ok("select i.index_table_name from mo_catalog.mo_indexes i join mo_catalog.mo_tables t on "
                + "i.table_id = t.rel_id where t.reldatabase = 'ivf_db' and i.name in ('u_name', 'k_name', 'ft1')").rows())
                .allSatisfy(r -> assertThat(relkinds).containsKey(r.get(0)));
        assertThat(relkinds.values()).filteredOn("i"::equals).hasSize(3); // u_name, k_name, kc
        assertThat(relkinds.values()).filteredOn("fulltext"::equals).hasSize(1);
        assertThat(relkinds.values()).filteredOn(""::equals).hasSize(2); // HNSW's two
    }

    @Test
    void theHiddenTablesHoldTheCentroidsAndEveryRowsNearestOne() {
        c.ok("create index ivf1 using ivfflat on t (v) lists = 2 op_type 'vector_l2_ops'");
        Map<String, String> tables = hiddenTables("t", "v");
        assertThat(c.ok("select __mo_index_key, __mo_index_val from ivf_db.`" + tables.get("metadata") + "`").rows())
                .extracting(r -> r.get(0)).containsExactlyInAnyOrder("version", "clustering_start", "clustering_end",
                        "mapping_start", "mapping_end", "pruning_start", "pruning_end");
        assertThat(c.scalar("select __mo_index_val from `" + tables.get("metadata") + "` where __mo_index_key = 'version'"))
                .isEqualTo("0");
        // 4.2.0 clusters these five rows into [8, 8.5, 9] and [2, 2.6666667, 3.3333333]
        assertThat(c.ok("select __mo_index_centroid from `" + tables.get("centroids") + "`").rows())
                .extracting(r -> r.get(0)).containsExactlyInAnyOrder("[8, 8.5, 9]", "[2, 2.6666667, 3.3333333]");
        assertEntriesAreNearest(tables, "vector_l2_ops", 5);

        // the entries follow every write, as MatrixOne maintains them
        c.ok("insert into t values (6,'f','new','[8,8,8]','[1,1]'), (7,'g','nul',null,null)");
        c.ok("update t set v = '[1,2,2]' where id = 5");
        c.ok("delete from t where id = 2");
        assertEntriesAreNearest(tables, "vector_l2_ops", 6);
        assertThat(c.ok("select count(*) as centroid_count, __mo_index_centroid_fk_id as centroid_id, "
                + "__mo_index_centroid_fk_version as centroid_version from `ivf_db`.`" + tables.get("entries") + "` "
                + "group by `__mo_index_centroid_fk_id`, `__mo_index_centroid_fk_version` order by centroid_id").rows())
                .extracting(r -> Integer.parseInt(r.get(0))).satisfies(counts -> assertThat(counts.stream()
                        .mapToInt(Integer::intValue).sum()).isEqualTo(6)).hasSize(2);

        // REINDEX: new centroids from the rows now present, the next version, the same hidden tables
        c.ok("alter table t alter reindex ivf1 ivfflat lists = 3");
        assertThat(hiddenTables("t", "v")).isEqualTo(tables);
        assertThat(c.scalar("select __mo_index_val from `" + tables.get("metadata") + "` where __mo_index_key = 'version'"))
                .isEqualTo("1");
        assertThat(c.ok("select distinct __mo_index_centroid_version from `" + tables.get("centroids") + "`").rows())
                .containsExactly(List.of("1"));
        assertThat(c.ok("select __mo_index_centroid_id from `" + tables.get("centroids") + "` order by 1").rows())
                .extracting(r -> r.get(0)).containsExactly("0", "1", "2");
        assertEntriesAreNearest(tables, "vector_l2_ops", 6);
        assertThat(c.ok("select distinct __mo_index_centroid_fk_version from `" + tables.get("entries") + "`").rows())
                .containsExactly(List.of("1"));
    }

    /** Each non-NULL row's centroid is the nearest by the op type (computed here); a NULL vector's is the first. */
    private void assertEntriesAreNearest(Map<String, String> tables, String opType, int rows) {
        assertEntriesAreNearest(tables, opType, rows, "t", "id");
    }

    private void assertEntriesAreNearest(Map<String, String> tables, String opType, int rows, String table, String pk) {
        Map<Long, float[]> centroids = new HashMap<>();
        c.ok("select __mo_index_centroid_id, __mo_index_centroid from `" + tables.get("centroids") + "`").rows()
                .forEach(r -> centroids.put(Long.parseLong(r.get(0)), IvfIndexTables.parse(r.get(1))));
        List<List<String>> entries = c.ok("select e.__mo_index_pri_col, e.__mo_index_centroid_fk_id, "
                + "e.__mo_index_centroid_fk_entry, t.v from `" + tables.get("entries") + "` e join " + table + " t on t."
                + pk + " = e.__mo_index_pri_col").rows();
        assertThat(entries).hasSize(rows);
        for (List<String> e : entries) {
            assertThat(e.get(2)).as("the entry carries the row's vector").isEqualTo(e.get(3));
            long expected = centroids.keySet().stream().min(Long::compare).orElseThrow();
            if (e.get(3) != null) {
                float[] v = IvfIndexTables.parse(e.get(3));
                double best = Double.MAX_VALUE;
                for (Map.Entry<Long, float[]> ce : new java.util.TreeMap<>(centroids).entrySet()) {
                    double d = IvfIndexTables.distance(v, ce.getValue(), opType);
                    if (d < best) {
                        best = d;
                        expected = ce.getKey();
                    }
                }
            }
            assertThat(Long.parseLong(e.get(1))).as("centroid of row %s", e.get(0)).isEqualTo(expected);
        }
    }

    @Test
    void fewerVectorsThanListsGiveOneNullCentroidAsOnMatrixOne() {
        c.ok("create table e (id int primary key, v vecf32(2))");
        c.ok("create index ie using ivfflat on e (v) lists = 4");
        Map<String, String> tables = hiddenTables("e", "v");
        assertThat(c.ok("select * from `" + tables.get("centroids") + "`").rows())
                .containsExactly(java.util.Arrays.asList("0", "1", null));
        assertThat(c.ok("select * from `" + tables.get("entries") + "`").rows()).isEmpty();
        c.ok("insert into e values (1, '[1,0]'), (2, '[0,1]'), (3, null)");
        assertThat(c.ok("select __mo_index_centroid_fk_id, count(*) from `" + tables.get("entries") + "` group by 1").rows())
                .containsExactly(List.of("1", "3"));
        // cosine and inner-product indexes assign by their own distance
        for (int i = 4; i < 24; i++) {
            c.ok("insert into e values (" + i + ", '[" + (i % 5 - 2) + "," + (i % 7 - 3) + "]')");
        }
        c.ok("alter table e alter reindex ie ivfflat lists = 3");
        assertEntriesAreNearest(tables, "vector_l2_ops", 23, "e", "id");
        c.ok("create table f (a varchar(10) primary key, v vecf32(2))");
        c.ok("insert into f select id, v from e where v is not null");
        c.ok("create index icos using ivfflat on f (v) lists = 3 op_type 'vector_cosine_ops'");
        assertEntriesAreNearest(hiddenTables("f", "v"), "vector_cosine_ops", 22, "f", "a");
        c.ok("create table g (id bigint primary key, v vecf32(2))");
        c.ok("insert into g select id, v from e where v is not null and id > 3");
        c.ok("create index iip using ivfflat on g (v) lists = 2 op_type 'vector_ip_ops'");
        assertEntriesAreNearest(hiddenTables("g", "v"), "vector_ip_ops", 20, "g", "id");
    }

    @Test
    void theSameRowsGiveTheSameCentroids() {
        c.ok("create table u (id bigint primary key, v vecf32(3))");
        c.ok("insert into u select id, v from t");
        c.ok("create index iu using ivfflat on u (v) lists = 2");
        c.ok("create index ivf1 using ivfflat on t (v) lists = 2");
        assertThat(c.ok("select __mo_index_centroid_id, __mo_index_centroid from `" + hiddenTables("u", "v")
                .get("centroids") + "` order by 1").rows()).isEqualTo(c.ok("select __mo_index_centroid_id, "
                + "__mo_index_centroid from `" + hiddenTables("t", "v").get("centroids") + "` order by 1").rows());
    }

    @Test
    void theHiddenTablesAreListedNowhereElseAndGoWithTheirIndex() {
        c.ok("create index ivf1 using ivfflat on t (v) lists = 2");
        Map<String, String> tables = hiddenTables("t", "v");
        assertThat(c.ok("show tables").rows()).containsExactly(List.of("t"));
        assertThat(c.ok("select table_name from information_schema.tables where table_schema = 'ivf_db'").rows())
                .containsExactly(List.of("t"));
        c.ok("drop index ivf1 on t");
        assertThat(hiddenTables("t", "v")).isEmpty();
        assertThat(c.ok("select relname from mo_catalog.mo_tables where reldatabase = 'ivf_db'").rows())
                .extracting(r -> r.get(0)).doesNotContainAnyElementsOf(tables.values());
        assertThat(c.run("select * from `" + tables.get("entries") + "`").isError()).isTrue();
        c.ok("create table k (id bigint primary key, v vecf32(3), key ik using ivfflat (v) lists = 2)");
        Map<String, String> inline = hiddenTables("k", "v");
        assertThat(inline).hasSize(3);
        c.ok("drop table k");
        assertThat(c.run("select * from `" + inline.get("centroids") + "`").isError()).isTrue();
    }

    @Test
    void clonesSnapshotsAndRestoresKeepTheirCentroids() {
        c.ok("create index ivf1 using ivfflat on t (v) lists = 2");
        String before = c.ok("select group_concat(__mo_index_centroid order by __mo_index_centroid_id) from `"
                + hiddenTables("t", "v").get("centroids") + "`").scalar();
        c.ok("create snapshot ivf_snap for database ivf_db");
        c.ok("create database ivf_clone clone ivf_db");
        c.ok("alter table t alter reindex ivf1 ivfflat lists = 3");
        // the clone has hidden tables of its own, with the centroids of the clone's time
        Map<String, String> clone = new HashMap<>();
        c.ok(INDEX_TABLES.replace("'ivf_db'", "'ivf_clone'").formatted("v", "t")).rows().forEach(r -> clone.put(r.get(0), r.get(1)));
        assertThat(clone).hasSize(3).doesNotContainValue(hiddenTables("t", "v").get("entries"));
        assertThat(c.scalar("select group_concat(__mo_index_centroid order by __mo_index_centroid_id) from ivf_clone.`"
                + clone.get("centroids") + "`")).isEqualTo(before);
        assertThat(c.scalar("select count(*) from ivf_clone.`" + clone.get("entries") + "`")).isEqualTo("5");
        // a restore brings back the index as the snapshot saw it: version 0, two lists
        c.ok("restore database ivf_db{snapshot = 'ivf_snap'}");
        Map<String, String> restored = hiddenTables("t", "v");
        assertThat(c.scalar("select group_concat(__mo_index_centroid order by __mo_index_centroid_id) from `"
                + restored.get("centroids") + "`")).isEqualTo(before);
        assertThat(c.scalar("select max(__mo_index_centroid_fk_version) from `" + restored.get("entries") + "`"))
                .isEqualTo("0");
        c.ok("drop snapshot ivf_snap");
        c.ok("drop database ivf_clone");
    }

    @Test
    void anotherAccountSeesItsOwnIndexesUnderItsOwnNames() throws Exception {
        c.ok("create index ivf1 using ivfflat on t (v) lists = 2");
        c.ok("drop account if exists acc_ivf");
        c.ok("create account acc_ivf admin_name 'admin' identified by '111'");
        try (EngineHarness.Client acc = harness.client("acc_ivf", "admin", null, "acc_ivf#admin", "111")) {
            acc.ok("create database ivf_db");
            acc.ok("create table ivf_db.t (id bigint primary key, v vecf32(3))");
            acc.ok("insert into ivf_db.t values (1, '[1,2,3]'), (2, '[3,2,1]'), (3, '[0,0,1]')");
            acc.ok("create index ivf_acc using ivfflat on ivf_db.t (v) lists = 2");
            Map<String, String> tables = new HashMap<>();
            acc.ok(INDEX_TABLES.formatted("v", "t")).rows().forEach(r -> tables.put(r.get(0), r.get(1)));
            assertThat(tables).hasSize(3).doesNotContainValue(hiddenTables("t", "v").get("entries"));
            assertThat(acc.ok("select i.name from mo_catalog.mo_indexes i join mo_catalog.mo_tables t on i.table_id = "
                    + "t.rel_id where t.reldatabase = 'ivf_db'").rows()).extracting(r -> r.get(0))
                    .containsOnly("PRIMARY", "ivf_acc").doesNotContain("ivf1");
            assertThat(acc.ok("select __mo_index_pri_col from ivf_db.`" + tables.get("entries") + "` order by 1").rows())
                    .containsExactly(List.of("1"), List.of("2"), List.of("3"));
            assertThat(acc.run("select * from ivf_db.`" + hiddenTables("t", "v").get("entries") + "`").isError()).isTrue();
            acc.ok("drop database ivf_db");
        }
        c.ok("drop account acc_ivf");
    }

    @Test
    void informationSchemaShowsVectorTypesAsMatrixOne() {
        c.ok("alter table t modify w vecf64(2) comment 'two'");
        List<List<String>> cols = new ArrayList<>(c.ok("select column_name, data_type, column_type, column_comment from "
                + "information_schema.columns where table_schema = 'ivf_db' and table_name = 't' and "
                + "(data_type like '%VEC%' or data_type like '%vec%') order by ordinal_position").rows());
        assertThat(cols).containsExactly(List.of("v", "VECF32", "VECF32(3)", ""), List.of("w", "VECF64", "VECF64(2)", "two"));
        assertThat(c.scalar("select c.data_type from information_schema.COLUMNS as c where c.table_schema = 'ivf_db' "
                + "and c.column_name = 'name'")).isEqualTo("varchar");
    }
}
