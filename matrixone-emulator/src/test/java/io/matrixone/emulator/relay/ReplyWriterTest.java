package io.matrixone.emulator.relay;

import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.engine.Column;
import io.matrixone.emulator.engine.Reply;
import io.matrixone.emulator.protocol.Capabilities;
import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.EofPacket;
import io.matrixone.emulator.protocol.ErrPacket;
import io.matrixone.emulator.protocol.OkPacket;
import io.matrixone.emulator.protocol.Packet;
import io.matrixone.emulator.protocol.PacketChannel;
import io.matrixone.emulator.protocol.ServerStatus;
import io.matrixone.emulator.protocol.TextRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyWriterTest {
    private static final int STATUS = ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS;
    private static final Reply.ResultSet RESULT = new Reply.ResultSet(
            List.of(Column.varchar("SNAPSHOT_NAME"), Column.bigint("TIMESTAMP")),
            List.of(Arrays.asList("sp1", "1"), Arrays.asList("sp2", null)));

    private static List<Packet> write(long caps, Reply reply) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketChannel client = new PacketChannel(new ByteArrayInputStream(new byte[0]), out);
        BackendConnection backend = BackendConnection.adopt(new Socket(), null, caps, 1,
                STATUS | ServerStatus.MORE_RESULTS_EXISTS);
        new ReplyWriter(client, backend).write(1, reply);
        PacketChannel in = new PacketChannel(new ByteArrayInputStream(out.toByteArray()), new ByteArrayOutputStream());
        List<Packet> packets = new ArrayList<>();
        try {
            while (true) {
                packets.add(in.read());
            }
        } catch (EOFException end) {
            return packets;
        }
    }

    @Test
    void resultSetWithEofPackets() throws IOException {
        List<Packet> p = write(Capabilities.PROTOCOL_41, RESULT);
        assertThat(p).hasSize(1 + 2 + 1 + 2 + 1);
        assertThat(p).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(p.get(0).payload()).containsExactly(2);
        assertThat(ColumnDefinition.parse(p.get(1).payload()).name()).isEqualTo("SNAPSHOT_NAME");
        assertThat(EofPacket.parse(p.get(3).payload()).statusFlags()).isEqualTo(STATUS);
        assertThat(TextRow.decode(p.get(5).payload(), 2)).containsExactly("sp2", null);
        assertThat(EofPacket.is(p.get(6))).isTrue();
        assertThat(EofPacket.parse(p.get(6).payload()).statusFlags()).as("no MORE_RESULTS").isEqualTo(STATUS);
    }

    @Test
    void resultSetUnderDeprecateEofEndsWithAnOk() throws IOException {
        List<Packet> p = write(Capabilities.PROTOCOL_41 | Capabilities.DEPRECATE_EOF, RESULT);
        assertThat(p).hasSize(1 + 2 + 2 + 1);
        Packet last = p.get(5);
        assertThat(last.header()).isEqualTo(0xFE);
        assertThat(OkPacket.parse(last.payload()).statusFlags()).isEqualTo(STATUS);
    }

    @Test
    void okAndError() throws IOException {
        List<Packet> ok = write(Capabilities.PROTOCOL_41, new Reply.Ok(3, "done"));
        assertThat(ok).hasSize(1);
        assertThat(OkPacket.parse(ok.get(0).payload())).isEqualTo(new OkPacket(3, 0, STATUS, 0, "done"));
        List<Packet> err = write(Capabilities.PROTOCOL_41, Reply.Error.internal("snapshot sp1 already exists"));
        assertThat(ErrPacket.parse(err.get(0).payload()))
                .isEqualTo(new ErrPacket(20101, "HY000", "internal error: snapshot sp1 already exists"));
        assertThat(err.get(0).sequenceId()).isEqualTo(1);
    }

    @Test
    void mariaDbSqlStateIsRemappedOnlyForTheListedCodes() {
        Packet dup = new Packet(1, new ErrPacket(1062, "23000", "Duplicate entry '1' for key 'PRIMARY'").encode());
        assertThat(ErrPacket.parse(ResponseRelay.remapError(dup).payload()))
                .isEqualTo(new ErrPacket(1062, "HY000", "Duplicate entry '1' for key 'PRIMARY'"));
        Packet parse = new Packet(1, new ErrPacket(1064, "42000", "syntax").encode());
        assertThat(ResponseRelay.remapError(parse)).isSameAs(parse);
    }
}
