package io.matrixone.emulator.findings;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-statement text from a client that did not announce CLIENT_MULTI_STATEMENTS (as Connector/J and Vert.x
 * connect by default) runs on MatrixOne 4.2.0, every statement answered in turn (finding F-09): a check of the first
 * statement alone can be bypassed, which is why the SDK refuses such text before sending it. Objects are named
 * {@code fid_multi*}: with {@code -Dmatrixone.tier=real} the class runs against a real server.
 */
@ExtendWith(EmulatorExtension.class)
class MultiStatementsIT {
    private RawClient c;

    @BeforeEach
    void setUp(Emulator mo) throws IOException {
        c = RawClient.connect(mo); // RawClient.BASE: no multi-statement flags
        c.single("drop database if exists fid_multi");
        assertThat(c.single("create database fid_multi").error()).isNull();
        assertThat(c.single("create table fid_multi.t (id int primary key)").error()).isNull();
    }

    @AfterEach
    void tearDown() throws IOException {
        c.single("drop database if exists fid_multi");
        c.close();
    }

    @Test
    void everyStatementIsAnsweredInTurn() throws IOException {
        List<RawClient.Result> results = c.query("select 1 as a; select 2 as b");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).moreResults()).isTrue();
        assertThat(results.get(0).columns().get(0).name()).isEqualTo("a");
        assertThat(text(results.get(1).rows().get(0))).isEqualTo("2");
        assertThat(results.get(1).moreResults()).isFalse();
    }

    @Test
    void theFirstErrorEndsTheText() throws IOException {
        List<RawClient.Result> results = c.query("insert into fid_multi.t values (1); select nosuch from fid_multi.t; "
                + "insert into fid_multi.t values (3)");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).ok()).isNotNull();
        assertThat(results.get(1).error()).isNotNull();
        assertThat(c.single("select id from fid_multi.t").rows()).extracting(MultiStatementsIT::text).containsExactly("1");
    }

    @Test
    void aSetAfterTheFirstStatementCommitsTheOpenTransaction() throws IOException {
        assertThat(c.single("begin").error()).isNull();
        assertThat(c.single("insert into fid_multi.t values (100)").error()).isNull();
        List<RawClient.Result> results = c.query("select 1; set @x = 1");
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.error()).isNull());
        assertThat(c.single("rollback").error()).isNull();
        // the SET committed the transaction (as a lone SET does on 4.2.0): the row survives the ROLLBACK
        assertThat(c.single("select id from fid_multi.t").rows()).extracting(MultiStatementsIT::text).containsExactly("100");
    }

    /** The first value of a text-protocol row. */
    private static String text(byte[] row) {
        int length = row[0] & 0xFF;
        return new String(row, 1, length, StandardCharsets.UTF_8);
    }
}
