package io.matrixone.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ParametersTest {
    private enum Color { RED }

    private final Recorder recorder = new Recorder();
    private final PreparedStatement ps = recorder.of(PreparedStatement.class);

    private Recorder.Call bound(Object value) throws SQLException {
        Parameters.bind(ps, 1, value);
        return recorder.last();
    }

    @Test
    void nullBindsSqlNull() throws SQLException {
        assertThat(bound(null)).isEqualTo(new Recorder.Call("setNull", List.of(1, Types.NULL)));
    }

    @Test
    void plainValuesBindAsThemselves() throws SQLException {
        assertThat(bound("a").method()).isEqualTo("setString");
        assertThat(bound(1L).method()).isEqualTo("setLong");
        assertThat(bound(1).method()).isEqualTo("setInt");
        assertThat(bound((short) 1).method()).isEqualTo("setShort");
        assertThat(bound((byte) 1).method()).isEqualTo("setByte");
        assertThat(bound(1.5d).method()).isEqualTo("setDouble");
        assertThat(bound(1.5f).method()).isEqualTo("setFloat");
        assertThat(bound(BigDecimal.ONE).method()).isEqualTo("setBigDecimal");
        assertThat(bound(true).method()).isEqualTo("setBoolean");
        assertThat(bound(new byte[]{1}).method()).isEqualTo("setBytes");
    }

    @Test
    void bigIntegerBindsAsDecimal() throws SQLException {
        assertThat(bound(BigInteger.TEN).args()).containsExactly(1, BigDecimal.TEN);
    }

    @Test
    void localDateAndTimeBindUnchanged() throws SQLException {
        LocalDateTime t = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
        assertThat(bound(t).args()).containsExactly(1, t);
        assertThat(bound(t.toLocalDate()).args()).containsExactly(1, t.toLocalDate());
        assertThat(bound(LocalTime.NOON).args()).containsExactly(1, LocalTime.NOON);
    }

    @Test
    void instantsBindAsUtcWallClock() throws SQLException {
        Instant i = Instant.parse("2024-05-06T07:08:09Z");
        assertThat(bound(i).args()).containsExactly(1, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
        OffsetDateTime plus2 = OffsetDateTime.of(2024, 5, 6, 9, 8, 9, 0, ZoneOffset.ofHours(2));
        assertThat(bound(plus2).args()).containsExactly(1, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
        assertThat(bound(plus2.toZonedDateTime()).args()).containsExactly(1, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
    }

    @Test
    void uuidEnumAndCharacterBindAsText() throws SQLException {
        UUID u = UUID.randomUUID();
        assertThat(bound(u)).isEqualTo(new Recorder.Call("setString", List.of(1, u.toString())));
        assertThat(bound(Color.RED)).isEqualTo(new Recorder.Call("setString", List.of(1, "RED")));
        assertThat(bound('x')).isEqualTo(new Recorder.Call("setString", List.of(1, "x")));
    }

    @Test
    void vectorsBindAsMatrixOneVectorText() throws SQLException {
        assertThat(bound(new float[]{1f, 2.5f})).isEqualTo(new Recorder.Call("setString", List.of(1, "[1.0, 2.5]")));
        assertThat(bound(new double[]{0.5})).isEqualTo(new Recorder.Call("setString", List.of(1, "[0.5]")));
    }

    @Test
    void unsupportedTypeFailsNamingTheParameter() {
        assertThatThrownBy(() -> Parameters.bind(ps, 3, new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 3");
    }

    @Test
    void bindsArraysAndListsInOrderFromOne() throws SQLException {
        Parameters.bind(ps, new Object[]{"a", 2});
        Parameters.bind(ps, java.util.Arrays.asList(null, "b"));
        assertThat(recorder.calls).extracting(c -> c.args().get(0)).containsExactly(1, 2, 1, 2);
    }
}
