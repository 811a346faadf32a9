package io.matrixone.emulator.findings;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.emulator.protocol.ColumnDefinition;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column definitions as MatrixOne 4.2.0 sends them (finding F-15), for the text protocol, a prepare's answer and the
 * binary protocol: MariaDB's are rewritten on the way. The expected layouts were captured from the real server with a
 * raw client; with {@code -Dmatrixone.tier=real} this class checks them against one (objects named {@code fid_*}).
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnDefinitionsIT {
    private static final long MAX = 0xFFFFFFFFL;

    /** column -> {type, charset, length, flags, decimals} as MatrixOne 4.2.0 sends it. */
    private static final Map<String, long[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("c_tinyint", new long[] {1, 63, 8, 0, 0});
        EXPECTED.put("c_smallint", new long[] {2, 63, 16, 0, 0});
        EXPECTED.put("c_int", new long[] {3, 63, 32, 0, 0});
        EXPECTED.put("c_bigint", new long[] {8, 63, 64, 0, 0});
        EXPECTED.put("c_pk", new long[] {8, 63, 64, 0x200, 0}); // AUTO_INCREMENT, no NOT_NULL / PRI_KEY
        EXPECTED.put("c_uint", new long[] {3, 63, 32, 0x20, 0});
        EXPECTED.put("c_ubigint", new long[] {8, 63, 64, 0x20, 0});
        EXPECTED.put("c_mediumint", new long[] {3, 63, 32, 0, 0});
        EXPECTED.put("c_float", new long[] {4, 63, 23, 0, 0});
        EXPECTED.put("c_double", new long[] {5, 63, 53, 0, 0});
        EXPECTED.put("c_double2", new long[] {5, 63, 10, 0, 2});
        EXPECTED.put("c_decimal", new long[] {0, 63, 12, 0, 2});
        EXPECTED.put("c_udecimal", new long[] {0, 63, 12, 0, 2});
        EXPECTED.put("c_decimal0", new long[] {0, 63, 6, 0, 0});
        EXPECTED.put("c_char", new long[] {254, 33, 30, 0, 0});
        EXPECTED.put("c_varchar", new long[] {253, 33, MAX, 0, 0});
        EXPECTED.put("c_varchar_nn", new long[] {253, 33, MAX, 0, 0});
        EXPECTED.put("c_text", new long[] {252, 33, 0, 0, 0});
        EXPECTED.put("c_longtext", new long[] {252, 33, 0, 0, 0});
        EXPECTED.put("c_blob", new long[] {252, 63, 0, 0, 0});
        EXPECTED.put("c_binary", new long[] {15, 63, 12, 0, 0});
        EXPECTED.put("c_varbinary", new long[] {15, 63, 24, 0, 0});
        EXPECTED.put("c_json", new long[] {245, 63, MAX, 0, 0});
        EXPECTED.put("c_date", new long[] {10, 63, 64, 0, 0});
        EXPECTED.put("c_time", new long[] {11, 63, 64, 0, 0});
        EXPECTED.put("c_datetime", new long[] {12, 63, 64, 0, 0});
        EXPECTED.put("c_datetime6", new long[] {12, 63, 64, 0, 6});
        EXPECTED.put("c_timestamp", new long[] {7, 63, 64, 0, 0});
        EXPECTED.put("c_year", new long[] {13, 63, 65535, 0, 0});
        EXPECTED.put("c_bool", new long[] {1, 63, 1, 0, 0});
        EXPECTED.put("c_bit", new long[] {16, 63, 8, 0x20, 0});
        EXPECTED.put("c_enum", new long[] {253, 33, MAX, 0, 0});
        EXPECTED.put("c_uuid", new long[] {253, 33, MAX, 0, 0});
    }

    private Emulator mo;

    @BeforeAll
    void createTable(Emulator mo) throws IOException {
        this.mo = mo;
        try (RawClient c = RawClient.connect(mo)) {
            c.single("drop database if exists fid_cols");
            c.single("create database fid_cols");
            ok(c.single("create table fid_cols.t (c_tinyint tinyint, c_smallint smallint, c_int int, c_bigint bigint, "
                    + "c_pk bigint auto_increment primary key, c_uint int unsigned, c_ubigint bigint unsigned, "
                    + "c_mediumint mediumint, c_float float, c_double double, c_double2 double(10,2), c_decimal decimal(10,2), "
                    + "c_udecimal decimal(10,2) unsigned, c_decimal0 decimal(5), c_char char(10), c_varchar varchar(20), "
                    + "c_varchar_nn varchar(20) not null default '', c_text text, c_longtext longtext, c_blob blob, "
                    + "c_binary binary(4), c_varbinary varbinary(8), c_json json, c_date date, c_time time, c_datetime datetime, "
                    + "c_datetime6 datetime(6), c_timestamp timestamp, c_year year, c_bool bool, c_bit bit(8), c_enum enum('a','b'), "
                    + "c_uuid uuid)"));
            ok(c.single("insert into fid_cols.t (c_int, c_decimal, c_varbinary, c_json, c_enum) values (1, 1.50, 'vb', '{\"a\":1}', 'a')"));
        }
    }

    @AfterAll
    void dropTable() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            c.single("drop database if exists fid_cols");
            c.single("drop publication if exists fid_colpub");
        }
    }

    private static void ok(RawClient.Result r) {
        assertThat(r.error()).as("error").isNull();
    }

    @Test
    void textProtocolResultsDescribeColumnsAsMatrixOne() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            RawClient.Result r = c.single("select * from fid_cols.t");
            ok(r);
            assertLayouts(r.columns());
            assertThat(r.rows()).hasSize(1);
        }
    }

    @Test
    void preparedStatementsDescribeColumnsAndParametersAsMatrixOne() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            RawClient.Prepared p = c.prepare("select * from fid_cols.t");
            assertThat(p.error()).isNull();
            assertLayouts(p.columns());
            RawClient.Result r = c.execute(p.ok().statementId());
            ok(r);
            assertLayouts(r.columns());
            assertThat(r.rows()).hasSize(1);

            RawClient.Prepared withParameters = c.prepare("select c_decimal, c_varbinary from fid_cols.t where c_int = ? and c_varchar = ?");
            assertThat(withParameters.parameters()).hasSize(2).allSatisfy(d -> {
                assertThat(d.name()).isEqualTo("?");
                assertThat(layout(d)).containsExactly(6L, 63L, 0L, 0L, 0L); // MYSQL_TYPE_NULL, binary
                assertThat(d.orgName()).isEmpty();
                assertThat(d.table()).isEmpty();
            });
            assertThat(withParameters.columns()).extracting(ColumnDefinition::type).containsExactly(0, 15);
        }
    }

    @Test
    void namesAreTheLabelAndTheRealTable() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            RawClient.Result r = c.single("select x.c_int as alias_int, x.c_varchar v, x.c_enum from fid_cols.t x");
            ok(r);
            ColumnDefinition aliased = r.columns().get(0);
            assertThat(List.of(aliased.schema(), aliased.table(), aliased.orgTable(), aliased.name(), aliased.orgName()))
                    .containsExactly("fid_cols", "x", "x", "alias_int", "alias_int");
            ColumnDefinition enumColumn = r.columns().get(2);
            assertThat(List.of(enumColumn.schema(), enumColumn.table(), enumColumn.orgTable(), enumColumn.orgName()))
                    .containsExactly("", "", "", "c_enum");
            RawClient.Result expressions = c.single("select null, 1.5, 'a'");
            assertThat(expressions.columns()).extracting(ColumnDefinitionsIT::layout)
                    .containsExactly(List.of(252L, 33L, 12L, 0L, 0L), List.of(0L, 63L, 4L, 0L, 1L), List.of(253L, 33L, MAX, 0L, 0L));
        }
    }

    @Test
    void showPublicationsColumnsHaveMatrixOnesOwnTypesAndNoCharacterSet() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            ok(c.single("create publication fid_colpub database fid_cols account all"));
            try {
                RawClient.Result r = c.single("show publications");
                ok(r);
                assertThat(r.columns()).extracting(ColumnDefinition::name).containsExactly("publication", "database", "tables",
                        "sub_account", "subscribed_accounts", "create_time", "update_time", "comments");
                assertThat(r.columns()).extracting(ColumnDefinition::type).containsExactly(15, 15, 241, 241, 241, 7, 7, 241);
                assertThat(r.columns()).allSatisfy(d -> {
                    assertThat(d.charset()).isZero();
                    assertThat(d.length()).isZero();
                    assertThat(d.orgName()).isEmpty();
                });
                RawClient.Result subscriptions = c.single("show subscriptions");
                assertThat(subscriptions.columns()).extracting(ColumnDefinition::type).containsExactly(15, 15, 15, 241, 241, 7, 15, 7, 1);
            } finally {
                c.single("drop publication if exists fid_colpub");
            }
        }
    }

    @Test
    void showPitrAndShowAccountsDescribeTheirNumbersAsMatrixOne() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            RawClient.Result pitr = c.single("show pitr");
            ok(pitr);
            assertThat(layout(pitr.columns().get(1))).containsExactly(12L, 63L, 64L, 0L, 0L); // CREATED_TIME
            assertThat(layout(pitr.columns().get(7))).containsExactly(1L, 63L, 8L, 0x20L, 0L); // PITR_LENGTH
            RawClient.Result accounts = c.single("show accounts");
            ok(accounts);
            assertThat(layout(accounts.columns().get(2))).containsExactly(7L, 63L, 64L, 0L, 0L); // created_time
            assertThat(layout(accounts.columns().get(7))).containsExactly(5L, 63L, 53L, 0L, 0L); // size
        }
    }

    private static void assertLayouts(List<ColumnDefinition> columns) {
        assertThat(columns).extracting(ColumnDefinition::name).containsExactlyElementsOf(EXPECTED.keySet());
        for (ColumnDefinition d : columns) {
            long[] e = EXPECTED.get(d.name());
            assertThat(layout(d)).as(d.name())
                    .containsExactly(e[0], e[1], e[2], e[3], e[4]);
        }
    }

    /** type, charset, length, flags, decimals. */
    private static List<Long> layout(ColumnDefinition d) {
        return List.of((long) d.type(), (long) d.charset(), d.length(), (long) d.flags(), (long) d.decimals());
    }
}
