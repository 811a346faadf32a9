package io.matrixone.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoCtlResultTest {

    @Test
    void readsMethodAndResult() {
        MoCtlResult r = MoCtlResult.parse("{\n  \"method\": \"Checkpoint\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n");
        assertThat(r.method()).isEqualTo("Checkpoint");
        assertThat(r.result()).isEqualTo(List.of(Map.of("returnStr", "OK")));
        assertThat(r.isOk()).isTrue();
    }

    @Test
    void aFailedReturnStrIsNotOk() {
        MoCtlResult r = MoCtlResult.parse("{\"method\":\"Flush\",\"result\":[{\"returnStr\":\"OK\"},{\"returnStr\":\"table not found\"}]}");
        assertThat(r.returnStrings()).containsExactly("OK", "table not found");
        assertThat(r.isOk()).isFalse();
    }

    @Test
    void objectResultsAndScalarsAreExposedAsParsed() {
        MoCtlResult r = MoCtlResult.parse("{\"method\":\"GetSnapshot\",\"result\":\"1700000000000000000-1\"}");
        assertThat(r.result()).isEqualTo("1700000000000000000-1");
        assertThat(r.returnStrings()).isEmpty();
        MoCtlResult n = MoCtlResult.parse("{\"method\":\"M\",\"result\":{\"n\":3,\"ok\":true}}");
        assertThat(n.result()).isEqualTo(Map.of("n", 3L, "ok", true));
    }

    @Test
    void textAndMalformedJsonAreKeptAsText() {
        assertThat(MoCtlResult.parse("manifest: 3 objects").isJson()).isFalse();
        MoCtlResult broken = MoCtlResult.parse("{not json");
        assertThat(broken.isJson()).isFalse();
        assertThat(broken.raw()).isEqualTo("{not json");
    }

    @Test
    void aJsonAnswerWithoutTheEnvelopeIsTheWholeDocument() {
        // INSPECT on MatrixOne 4.2.0
        MoCtlResult r = MoCtlResult.parse("{\"version\":1,\"database\":\"db\",\"objects\":[]}");
        assertThat(r.isJson()).isTrue();
        assertThat(r.method()).isNull();
        assertThat(r.result()).isEqualTo(Map.of("version", 1L, "database", "db", "objects", List.of()));
    }

    @Test
    void exposesTheParserForOtherCells() {
        assertThat(MoCtlResult.parseJson("{\"now\":1,\"old\":null}")).isInstanceOf(Map.class);
        assertThatThrownBy(() -> MoCtlResult.parseJson("{")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceRefusesTn() {
        assertThat(MoCtlService.parse(" DN ")).isEqualTo(MoCtlService.DN);
        assertThat(MoCtlService.parse("cn")).isEqualTo(MoCtlService.CN);
        assertThatThrownBy(() -> MoCtlService.parse("tn")).hasMessageContaining("'dn'");
    }
}
