package io.matrixone.emulator.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketChannelTest {

    private static byte[] written(int seq, byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketChannel ch = new PacketChannel(new ByteArrayInputStream(new byte[0]), out);
        ch.write(seq, payload);
        ch.flush();
        return out.toByteArray();
    }

    private static PacketChannel reading(byte[] wire) {
        return new PacketChannel(new ByteArrayInputStream(wire), new ByteArrayOutputStream());
    }

    @Test
    void smallPacketHasAFourByteHeader() throws IOException {
        assertThat(written(3, new byte[] {0x0E})).containsExactly(1, 0, 0, 3, 0x0E);
        Packet p = reading(new byte[] {1, 0, 0, 3, 0x0E}).read();
        assertThat(p.sequenceId()).isEqualTo(3);
        assertThat(p.payload()).containsExactly(0x0E);
        assertThat(p.nextSequenceId()).isEqualTo(4);
    }

    @Test
    void payloadOfExactlySixteenMegabytesIsFollowedByAnEmptyFrame() throws IOException {
        byte[] payload = new byte[Packet.MAX_FRAME_PAYLOAD];
        byte[] wire = written(0, payload);
        assertThat(wire).hasSize(4 + payload.length + 4);
        assertThat(Arrays.copyOfRange(wire, 0, 4)).containsExactly(0xFF, 0xFF, 0xFF, 0);
        assertThat(Arrays.copyOfRange(wire, wire.length - 4, wire.length)).containsExactly(0, 0, 0, 1);
        Packet p = reading(wire).read();
        assertThat(p.length()).isEqualTo(payload.length);
        assertThat(p.frameCount()).isEqualTo(2);
        assertThat(p.nextSequenceId()).isEqualTo(2);
    }

    @Test
    void largePayloadIsSplitAndJoinedWithConsecutiveSequenceIds() throws IOException {
        byte[] payload = new byte[2 * Packet.MAX_FRAME_PAYLOAD + 10];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i % 251);
        }
        byte[] wire = written(255, payload);
        assertThat(wire[3]).isEqualTo((byte) 255);
        assertThat(wire[4 + Packet.MAX_FRAME_PAYLOAD + 3]).as("sequence ids wrap").isEqualTo((byte) 0);
        PacketChannel in = reading(wire);
        Packet p = in.read();
        assertThat(p.payload()).isEqualTo(payload);
        assertThat(p.sequenceId()).isEqualTo(255);
        assertThat(p.nextSequenceId()).isEqualTo(2);
        assertThatThrownBy(in::read).isInstanceOf(EOFException.class);
    }

    @Test
    void truncatedPacketIsAnEof() {
        assertThatThrownBy(() -> reading(new byte[] {5, 0, 0, 0, 1, 2}).read()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reading(new byte[] {5, 0}).read()).isInstanceOf(EOFException.class);
    }
}
