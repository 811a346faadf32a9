package io.matrixone.emulator.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 250, 251, 252, 65_535, 65_536, 16_777_215, 16_777_216, 4_294_967_296L, Long.MAX_VALUE})
    void lengthEncodedIntegersRoundTrip(long value) {
        byte[] encoded = new PayloadWriter().lenencInt(value).toByteArray();
        int expectedSize = value < 251 ? 1 : value < 65_536 ? 3 : value < 16_777_216 ? 4 : 9;
        assertThat(encoded).hasSize(expectedSize);
        PayloadReader r = new PayloadReader(encoded);
        assertThat(r.lenencInt()).isEqualTo(value);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void lengthEncodedPrefixesAreTheProtocolOnes() {
        assertThat(new PayloadWriter().lenencInt(251).toByteArray()).containsExactly(0xFC, 251, 0);
        assertThat(new PayloadWriter().lenencInt(65_536).toByteArray()).containsExactly(0xFD, 0, 0, 1);
        assertThat(new PayloadWriter().lenencInt(16_777_216).toByteArray()[0]).isEqualTo((byte) 0xFE);
    }

    @Test
    void stringsAndNull() {
        byte[] payload = new PayloadWriter().lenencString("héllo").lenencString(null).nulString("abc").string("rest")
                .toByteArray();
        PayloadReader r = new PayloadReader(payload);
        assertThat(r.lenencString()).isEqualTo("héllo");
        assertThat(r.lenencString()).isNull();
        assertThat(r.nulString()).isEqualTo("abc");
        assertThat(r.restString()).isEqualTo("rest");
    }

    @Test
    void fixedWidthIntegersAreLittleEndian() {
        byte[] payload = new PayloadWriter().u16(0x1234).u24(0x56789A).u32(0xDEADBEEFL).u64(-2).toByteArray();
        assertThat(payload).startsWith(0x34, 0x12, 0x9A, 0x78, 0x56, 0xEF, 0xBE, 0xAD, 0xDE);
        PayloadReader r = new PayloadReader(payload);
        assertThat(r.u16()).isEqualTo(0x1234);
        assertThat(r.u24()).isEqualTo(0x56789A);
        assertThat(r.u32()).isEqualTo(0xDEADBEEFL);
        assertThat(r.u64()).isEqualTo(-2);
    }

    @Test
    void truncatedPayloadsAreProtocolErrors() {
        assertThatThrownBy(() -> new PayloadReader(new byte[] {1}).u16()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new PayloadReader(new byte[] {5, 'a'}).lenencString())
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new PayloadReader(new byte[] {(byte) 0xFF}).lenencInt())
                .isInstanceOf(ProtocolException.class);
    }
}
