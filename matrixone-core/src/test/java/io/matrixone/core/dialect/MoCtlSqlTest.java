package io.matrixone.core.dialect;

import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.MoCtlService;
import io.matrixone.core.result.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoCtlSqlTest {

    private static Result cell(String text) {
        return Result.builder(List.of("mo_ctl(dn, flush, db1.t1)")).addRow(text).build();
    }

    @Test
    void buildsTheDocumentedCallsWithLiteralArguments() {
        for (Dialect d : Versions.all()) {
            assertThat(d.moCtl().flush("db1", "t1").firstStatement().sql()).isEqualTo("SELECT mo_ctl('dn', 'flush', 'db1.t1')");
            assertThat(d.moCtl().flushTable(272515).firstStatement().sql()).isEqualTo("SELECT mo_ctl('dn', 'flush', '272515')");
            assertThat(d.moCtl().checkpoint().firstStatement().sql()).isEqualTo("SELECT mo_ctl('dn', 'checkpoint', '')");
            assertThat(d.moCtl().globalCheckpoint().firstStatement().sql())
                    .isEqualTo("SELECT mo_ctl('dn', 'globalcheckpoint', '')");
        }
        assertThat(D42.moCtl().call(MoCtlService.DN, "Inspect", "manifest -t db.t1").firstStatement().sql())
                .isEqualTo("SELECT mo_ctl('dn', 'inspect', 'manifest -t db.t1')");
        assertThat(D42.moCtl().call("CN", "syncCommit", "").firstStatement().sql())
                .isEqualTo("SELECT mo_ctl('cn', 'synccommit', '')");
    }

    @Test
    void runsNowExceptMergeObjectsWhichTheServerRefusesInATransaction() {
        assertThat(D42.moCtl().flush("d", "t").txRule()).isEqualTo(TxRule.NOW);
        assertThat(D42.moCtl().flush("d", "t").firstStatement().params()).isEmpty();
        assertThat(D42.moCtl().call(MoCtlService.CN, "mergeobjects", "t:db.t1:small").txRule())
                .isEqualTo(TxRule.AFTER_COMMIT);
    }

    @Test
    void parsesTheFlushAnswer() {
        String answer = "{\n  \"method\": \"Flush\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n";
        MoCtlResult r = D3.moCtl().flush("db1", "t1").execute(new ScriptedRunner().answer(cell(answer)));
        assertThat(r.isJson()).isTrue();
        assertThat(r.method()).isEqualTo("Flush");
        assertThat(r.result()).isEqualTo(List.of(Map.of("returnStr", "OK")));
        assertThat(r.returnStrings()).containsExactly("OK");
        assertThat(r.isOk()).isTrue();
        assertThat(r.raw()).isEqualTo(answer);
    }

    @Test
    void keepsInspectTextRaw() {
        String text = "\nmsg: merged success\n018f2834-dcb3-7e7d-8ae5-215ad781e835_00000, rows 2, blks 1\n\n\n";
        MoCtlResult r = D42.moCtl().call(MoCtlService.CN, "mergeobjects", "t:db.t1:small")
                .execute(new ScriptedRunner().answer(cell(text)));
        assertThat(r.isJson()).isFalse();
        assertThat(r.method()).isNull();
        assertThat(r.result()).isNull();
        assertThat(r.raw()).isEqualTo(text);
        assertThat(r.isOk()).isFalse();
    }

    @Test
    void refusesTnWithAHintToUseDn() {
        assertThatThrownBy(() -> D42.moCtl().call("tn", "flush", "db.t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dn'");
        assertThatThrownBy(() -> D42.moCtl().call("xx", "flush", "db.t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnknownCommandsAndBadParameters() {
        assertThatThrownBy(() -> D42.moCtl().call(MoCtlService.DN, "drop-everything", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
        assertThatThrownBy(() -> D42.moCtl().call(MoCtlService.DN, "flush", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D42.moCtl().call(MoCtlService.DN, "flush", "a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D42.moCtl().flushTable(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D42.moCtl().flush("a.b", "t")).isInstanceOf(IllegalArgumentException.class);
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> D42.moCtl().flush("db", bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void escapesQuotesInAFreeParameter() {
        assertThat(D42.moCtl().call(MoCtlService.DN, "diskcleaner", "register_sync_protection.{\"job_id\":\"j'1\"}")
                .firstStatement().sql())
                .isEqualTo("SELECT mo_ctl('dn', 'diskcleaner', 'register_sync_protection.{\"job_id\":\"j''1\"}')");
    }
}
