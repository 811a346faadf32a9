package io.matrixone.async.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {
    enum Level { ACCOUNT }

    @Test
    void vectorsBindAsMatrixOneVectorTextLikeTheSyncClient() {
        assertThat(Params.convert(new float[]{1f, 2.5f}, 0)).isEqualTo("[1.0, 2.5]");
        assertThat(Params.convert(new double[]{-0.5, 3}, 0)).isEqualTo("[-0.5, 3.0]");
    }

    @Test
    void passesNativeTypesAndConvertsTheRest() {
        UUID id = UUID.randomUUID();
        Tuple t = Params.tuple(Arrays.asList("s", 1, 2L, 1.5d, true, null, new BigDecimal("1.10"), BigInteger.TEN,
                new byte[]{7}, id, Level.ACCOUNT, LocalDate.of(2024, 1, 1),
                Instant.parse("2024-01-01T10:00:00Z"), OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))));
        assertThat(t.getValue(0)).isEqualTo("s");
        assertThat(t.getValue(1)).isEqualTo(1);
        assertThat(t.getValue(5)).isNull();
        assertThat(t.getValue(6)).isEqualTo("1.10");
        assertThat(t.getValue(7)).isEqualTo("10");
        assertThat(((Buffer) t.getValue(8)).getBytes()).containsExactly(7);
        assertThat(t.getValue(9)).isEqualTo(id.toString());
        assertThat(t.getValue(10)).isEqualTo("ACCOUNT");
        assertThat(t.getValue(11)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(t.getValue(12)).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(t.getValue(13)).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
    }

    @Test
    void refusesUnknownTypesNamingTheParameter() {
        assertThatThrownBy(() -> Params.tuple(List.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 2");
    }

    @Test
    void noParametersIsAnEmptyTuple() {
        assertThat(Params.tuple(null).size()).isZero();
        assertThat(Params.tuple(List.of()).size()).isZero();
    }
}
