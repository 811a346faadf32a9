package io.matrixone.core.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void readsMatrixOnesPrettyPrintedCheckpointAnswer() {
        // test/distributed/cases/dml/checkpoint/checkpoint.result, newlines as the server sends them
        String text = "{\n  \"method\": \"GlobalCheckpoint\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n";
        Object v = Json.parse(text);
        assertThat(v).isEqualTo(Map.of("method", "GlobalCheckpoint", "result", List.of(Map.of("returnStr", "OK"))));
    }

    @Test
    void readsTheSyncCommitAnswerWithAnEmptyString() {
        String text = "{\n  \"method\": \"SyncCommit\",\n  \"result\": [\n    {\n      \"method\": \"SyncCommit\",\n"
                + "      \"error\": \"\"\n    }\n  ]\n}\n";
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(text);
        assertThat(m.get("result")).isEqualTo(List.of(Map.of("method", "SyncCommit", "error", "")));
    }

    @Test
    void readsEveryScalar() {
        assertThat(Json.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(Json.parse("false")).isEqualTo(Boolean.FALSE);
        assertThat(Json.parse(" null ")).isNull();
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-42")).isEqualTo(-42L);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Json.parse("1.5")).isEqualTo(new BigDecimal("1.5"));
        assertThat(Json.parse("-2e3")).isEqualTo(new BigDecimal("-2e3"));
        assertThat(Json.parse("1E-2")).isEqualTo(new BigDecimal("1E-2"));
    }

    @Test
    void decodesStringEscapesIncludingSurrogatePairs() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")).isEqualTo("a\"b\\c/d\b\f\n\r\t");
        assertThat(Json.parse("\"\\u00e9\\u4e2d\"")).isEqualTo("é中");
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
        assertThat(Json.parse("\"中文 ok\"")).isEqualTo("中文 ok");
    }

    @Test
    void keepsKeyOrderAndNests() {
        Object v = Json.parse("{\"b\":1,\"a\":[true,null,{\"c\":[]}],\"e\":{}}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1L);
        expected.put("a", Arrays.asList(true, null, Map.of("c", List.of())));
        expected.put("e", Map.of());
        assertThat(v).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("b", "a", "e"));
    }

    @Test
    void resultsAreUnmodifiable() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"a\":[1]}");
        assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) m.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesMalformedJsonWithAnOffset() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "{a:1}", "'x'", "01", "1.", "-", "tru",
                "\"abc", "\"\\x\"", "\"\\u12\"", "[1] 2", "{\"a\":1,}", "\"a\nb\"", "+1", "1e"}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset");
        }
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNestingDeeperThanTheLimitInsteadOfOverflowing() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
    }
}
