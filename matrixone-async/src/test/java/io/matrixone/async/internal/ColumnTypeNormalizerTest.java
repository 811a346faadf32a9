package io.matrixone.async.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The normalizer on a real Netty pipeline, fed the packets MatrixOne 4.2.0 sends (captured with a raw client). */
class ColumnTypeNormalizerTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new ColumnTypeNormalizer());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void rewritesMatrixOnesTypeIdsInTheDefinitionsOfATextQuery() {
        command(0x03, "select dc, vb, bl, tx, pub");
        List<ByteBuf> answer = answer(
                packet(1, new byte[] {5}),
                packet(2, column("dc", 63, 0x00)),   // DECIMAL as legacy type 0
                packet(3, column("vb", 63, 0x0F)),   // VARBINARY as MYSQL_TYPE_VARCHAR
                packet(4, column("bl", 63, 0xFC)),   // BLOB: already MySQL's
                packet(5, column("tx", 33, 0x0F)),   // a vector column: VARCHAR, text charset
                packet(6, column("pub", 0, 0xF1)),   // SHOW PUBLICATIONS' tables column
                packet(7, row("1.50", "\u00ff", "x", "[1,2]", "t")),
                packet(8, new byte[] {(byte) 0xFE, 0, 0, 0x02, 0, 0, 0}));
        assertThat(types(answer.subList(1, 6))).containsExactly(0xF6, 0xFD, 0xFC, 0xFD, 0xFD);
        assertThat(charsets(answer.subList(1, 6))).containsExactly(63, 63, 63, 33, 0);
        assertThat(bytes(answer.get(6))).isEqualTo(bytes(packet(7, row("1.50", "\u00ff", "x", "[1,2]", "t"))));
    }

    @Test
    void aRowThatLooksLikeADefinitionIsLeftAlone() {
        command(0x03, "select 7 columns");
        byte[] lookalike = column("dc", 63, 0x00); // a row whose values happen to spell a column definition
        List<ByteBuf> answer = answer(
                packet(1, new byte[] {1}),
                packet(2, column("a", 63, 0x0F)),
                packet(3, lookalike),
                packet(4, new byte[] {(byte) 0xFE, 0, 0, 0x02, 0, 0, 0}));
        assertThat(types(answer.subList(1, 2))).containsExactly(0xFD);
        assertThat(bytes(answer.get(2))).isEqualTo(bytes(packet(3, lookalike)));
    }

    @Test
    void followsTheEofAfterDefinitionsAndMultipleResultSets() {
        command(0x03, "call p()");
        List<ByteBuf> answer = answer(
                packet(1, new byte[] {1}),
                packet(2, column("a", 63, 0x00)),
                packet(3, new byte[] {(byte) 0xFE, 0, 0, 0x02, 0}),             // EOF after the definitions
                packet(4, row("1")),
                packet(5, new byte[] {(byte) 0xFE, 0, 0, 0x0A, 0}),             // EOF, more results
                packet(6, new byte[] {1}),
                packet(7, column("b", 63, 0x00)),
                packet(8, new byte[] {(byte) 0xFE, 0, 0, 0x02, 0}),
                packet(9, row("2")),
                packet(10, new byte[] {(byte) 0xFE, 0, 0, 0x02, 0}));
        assertThat(types(List.of(answer.get(1), answer.get(6)))).containsExactly(0xF6, 0xF6);
    }

    @Test
    void rewritesTheDefinitionsOfAPrepareAndItsExecution() {
        command(0x16, "select dc from t where vb = ?");
        byte[] ok = {0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0}; // statement 1, one column, one parameter
        List<ByteBuf> prepared = answer(
                packet(1, ok),
                packet(2, column("?", 63, 0x0F)),
                packet(3, column("dc", 63, 0x00)));
        assertThat(types(prepared.subList(1, 3))).containsExactly(0xFD, 0xF6);

        command(0x17, "\u0001\u0000\u0000\u0000");
        List<ByteBuf> executed = answer(
                packet(1, new byte[] {1}),
                packet(2, column("dc", 63, 0x00)),
                packet(3, new byte[] {0, 0, 3, '1', '.', '5'}),
                packet(4, new byte[] {(byte) 0xFE, 0, 0, 0x02, 0, 0, 0}));
        assertThat(types(executed.subList(1, 2))).containsExactly(0xF6);
    }

    @Test
    void otherCommandsAndErrorsAreNotRead() {
        command(0x0E, ""); // COM_PING
        List<ByteBuf> pong = answer(packet(1, column("x", 63, 0x00)));
        assertThat(types(pong)).containsExactly(0x00);

        command(0x03, "select nope");
        List<ByteBuf> error = answer(packet(1, new byte[] {(byte) 0xFF, 0x7A, 0x04, '#', 'H', 'Y', '0', '0', '0'}),
                packet(2, column("x", 63, 0x00)));
        assertThat(types(error.subList(1, 2))).containsExactly(0x00);
    }

    private void command(int command, String body) {
        byte[] text = body.getBytes(StandardCharsets.ISO_8859_1);
        byte[] payload = new byte[text.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(text, 0, payload, 1, text.length);
        channel.writeOutbound(packet(0, payload));
        ByteBuf sent = channel.readOutbound();
        sent.release();
    }

    private List<ByteBuf> answer(ByteBuf... packets) {
        List<ByteBuf> read = new ArrayList<>();
        for (ByteBuf p : packets) {
            channel.writeInbound(p);
            read.add(channel.readInbound());
        }
        return read;
    }

    private static ByteBuf packet(int sequence, byte[] payload) {
        ByteBuf b = Unpooled.buffer();
        b.writeMediumLE(payload.length).writeByte(sequence).writeBytes(payload);
        return b;
    }

    private static byte[] column(String name, int charset, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {"def", "probe", "t", "t", name, name}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0x0C);
        out.write(charset & 0xFF);
        out.write(charset >> 8);
        out.writeBytes(new byte[] {12, 0, 0, 0});
        out.write(type);
        out.writeBytes(new byte[] {0, 0, 2, 0, 0});
        return out.toByteArray();
    }

    private static byte[] row(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** The type byte of each definition packet. */
    private static List<Integer> types(List<ByteBuf> definitions) {
        return fixedField(definitions, 6, 1);
    }

    private static List<Integer> charsets(List<ByteBuf> definitions) {
        return fixedField(definitions, 0, 2);
    }

    private static List<Integer> fixedField(List<ByteBuf> definitions, int offset, int width) {
        List<Integer> values = new ArrayList<>();
        for (ByteBuf d : definitions) {
            int p = d.readerIndex() + 4;
            for (int i = 0; i < 6; i++) {
                p += 1 + d.getUnsignedByte(p);
            }
            p += 1;
            values.add(width == 1 ? d.getUnsignedByte(p + offset) : d.getUnsignedShortLE(p + offset));
        }
        return values;
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }
}
