package io.matrixone.emulator.findings;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.PayloadReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements can be prepared (COM_STMT_PREPARE), as on MatrixOne 4.2.0 (finding F-17): the MatrixOne-only
 * statements it prepares run on COM_STMT_EXECUTE with binary-protocol rows; the others are refused with its codes.
 * Objects are named {@code fid_prep*}: with {@code -Dmatrixone.tier=real} the class runs against a real server.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparableStatementsIT {
    private Emulator mo;

    @BeforeAll
    void setUp(Emulator mo) throws IOException {
        this.mo = mo;
        try (RawClient c = RawClient.connect(mo)) {
            cleanUp(c);
            ok(c.single("create database fid_prep"));
            ok(c.single("create table fid_prep.t (id int primary key)"));
            ok(c.single("create snapshot fid_prep_snap for database fid_prep"));
        }
    }

    @AfterAll
    void tearDown() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            cleanUp(c);
        }
    }

    private static void cleanUp(RawClient c) throws IOException {
        c.single("drop pitr if exists fid_prep_pitr");
        c.single("drop snapshot if exists fid_prep_snap");
        c.single("drop database if exists fid_prep");
    }

    private static void ok(RawClient.Result r) {
        assertThat(r.error()).as("error").isNull();
    }

    @Test
    void showSnapshotsIsPreparedAndExecutedWithBinaryRows() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            RawClient.Prepared p = c.prepare("SHOW SNAPSHOTS WHERE SNAPSHOT_NAME = 'fid_prep_snap'");
            assertThat(p.error()).isNull();
            assertThat(p.parameters()).isEmpty();
            assertThat(p.columns()).extracting(ColumnDefinition::name).containsExactly("SNAPSHOT_NAME", "TIMESTAMP",
                    "SNAPSHOT_LEVEL", "ACCOUNT_NAME", "DATABASE_NAME", "TABLE_NAME");
            for (int run = 0; run < 2; run++) { // a prepared statement runs again on each execute
                RawClient.Result r = c.execute(p.ok().statementId());
                ok(r);
                assertThat(r.rows()).hasSize(1);
                List<Object> row = decode(r.columns(), r.rows().get(0));
                assertThat(row).element(0).isEqualTo("fid_prep_snap");
                assertThat(row.subList(2, 6)).containsExactly("database", "sys", "fid_prep", "");
            }
        }
    }

    @Test
    void pitrStatementsArePreparedAndShowPitrEncodesItsNumbersAndTimes() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            RawClient.Prepared create = c.prepare("CREATE PITR fid_prep_pitr FOR DATABASE fid_prep RANGE 2 'd'");
            assertThat(create.error()).isNull();
            assertThat(create.columns()).isEmpty();
            assertThat(c.single("show pitr where pitr_name = 'fid_prep_pitr'").rows()).as("not run by the prepare").isEmpty();
            ok(c.execute(create.ok().statementId()));

            RawClient.Prepared show = c.prepare("SHOW PITR WHERE PITR_NAME = 'fid_prep_pitr'");
            assertThat(show.error()).isNull();
            assertThat(show.columns()).hasSize(9);
            RawClient.Result r = c.execute(show.ok().statementId());
            ok(r);
            assertThat(r.rows()).hasSize(1);
            List<Object> row = decode(r.columns(), r.rows().get(0));
            assertThat(row.get(0)).isEqualTo("fid_prep_pitr");
            assertThat(row.get(1)).asString().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*"); // binary DATETIME
            assertThat(row.subList(3, 9)).containsExactly("database", "sys", "fid_prep", "*", 2L, "d");

            RawClient.Prepared drop = c.prepare("DROP PITR IF EXISTS fid_prep_pitr");
            assertThat(drop.error()).isNull();
            ok(c.execute(drop.ok().statementId()));
            assertThat(c.single("show pitr where pitr_name = 'fid_prep_pitr'").rows()).isEmpty();
        }
    }

    @Test
    void otherMatrixOneStatementsAreRefusedWithMatrixOnesErrors() throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            assertRefused(c.prepare("CREATE SNAPSHOT fid_prep_snap2 FOR DATABASE fid_prep"), 20101,
                    "internal error: statement: 'create snapshot fid_prep_snap2 for database fid_prep'");
            assertRefused(c.prepare("SHOW PUBLICATIONS"), 20101, "internal error: statement: 'show publications'");
            assertRefused(c.prepare("SHOW ACCOUNTS"), 20101, "internal error: statement: 'show accounts'");
            assertRefused(c.prepare("SHOW PITR WHERE PITR_NAME = ?"), 20301, "invalid input: only prepare statement can use ? expr");
            assertRefused(c.prepare("select 1; select 2"), 20105, "not supported: prepare multi statements");
            RawClient.Prepared commit = c.prepare("COMMIT");
            assertThat(commit.error()).isNotNull();
            assertThat(commit.error().errorCode()).isEqualTo(1064);
            assertThat(commit.error().message()).startsWith("SQL parser error: You have an error in your SQL syntax")
                    .endsWith("near \" COMMIT\";");
            assertThat(c.prepare("RESTORE DATABASE fid_prep {SNAPSHOT = 'fid_prep_snap'}").error().errorCode()).isEqualTo(1064);
            // the snapshot the refused prepare named was not made
            assertThat(c.single("show snapshots where snapshot_name = 'fid_prep_snap2'").rows()).isEmpty();
        }
    }

    private static void assertRefused(RawClient.Prepared p, int code, String message) {
        assertThat(p.ok()).isNull();
        assertThat(p.error().errorCode()).isEqualTo(code);
        assertThat(p.error().message()).isEqualTo(message);
    }

    /** A binary-protocol row by its column types: strings, integers (Long) and times (as text). */
    private static List<Object> decode(List<ColumnDefinition> columns, byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        assertThat(r.u8()).isZero();
        byte[] nulls = r.bytes((columns.size() + 7 + 2) / 8);
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if ((nulls[(i + 2) / 8] & (1 << ((i + 2) % 8))) != 0) {
                row.add(null);
                continue;
            }
            switch (columns.get(i).type()) {
                case 1 -> row.add((long) r.u8());
                case 3 -> row.add(r.u32());
                case 8 -> row.add(r.u64());
                case 7, 10, 12 -> {
                    int length = r.u8();
                    PayloadReader t = new PayloadReader(r.bytes(length));
                    row.add(length == 0 ? "0000-00-00" : String.format("%04d-%02d-%02d %02d:%02d:%02d", t.u16(), t.u8(), t.u8(),
                            length > 4 ? t.u8() : 0, length > 4 ? t.u8() : 0, length > 4 ? t.u8() : 0));
                }
                default -> row.add(new String(r.lenencBytes(), StandardCharsets.UTF_8));
            }
        }
        return row;
    }
}
