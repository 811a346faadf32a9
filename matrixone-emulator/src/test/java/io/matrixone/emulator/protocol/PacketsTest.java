package io.matrixone.emulator.protocol;

import io.matrixone.emulator.engine.Column;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacketsTest {

    @Test
    void okPacketRoundTripsWithLengthEncodedInfo() {
        OkPacket ok = new OkPacket(300, 7, ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS, 1, "Rows matched: 3");
        byte[] b = ok.encode();
        assertThat(b[0]).isZero();
        assertThat(OkPacket.parse(b)).isEqualTo(ok);
        byte[] eof = ok.encode(OkPacket.EOF_HEADER);
        assertThat(eof[0]).isEqualTo((byte) 0xFE);
        assertThat(OkPacket.parse(eof)).isEqualTo(ok);
        assertThat(new OkPacket(0, 0, 2, 0, "").encode()).containsExactly(0, 0, 0, 2, 0, 0, 0);
    }

    @Test
    void okPacketAcceptsEofStringInfo() {
        byte[] b = new PayloadWriter().u8(0).lenencInt(1).lenencInt(0).u16(2).u16(0).string("plain info").toByteArray();
        assertThat(OkPacket.parse(b).info()).isEqualTo("plain info");
    }

    @Test
    void eofPacket() {
        EofPacket eof = new EofPacket(3, ServerStatus.MORE_RESULTS_EXISTS);
        byte[] b = eof.encode();
        assertThat(b).containsExactly(0xFE, 3, 0, 8, 0);
        assertThat(EofPacket.is(new Packet(1, b))).isTrue();
        assertThat(EofPacket.parse(b)).isEqualTo(eof);
    }

    @Test
    void errPacket() {
        ErrPacket err = new ErrPacket(20101, "HY000", "internal error: unsupported command. 0x1c");
        byte[] b = err.encode();
        assertThat(Arrays.copyOfRange(b, 0, 4)).containsExactly(0xFF, 0x85, 0x4E, '#');
        assertThat(ErrPacket.parse(b)).isEqualTo(err);
        byte[] noState = new PayloadWriter().u8(0xFF).u16(1040).string("Too many connections").toByteArray();
        assertThat(ErrPacket.parse(noState)).isEqualTo(new ErrPacket(1040, "HY000", "Too many connections"));
        assertThat(err.withSqlState("23000").sqlState()).isEqualTo("23000");
    }

    @Test
    void prepareOk() {
        PrepareOk ok = new PrepareOk(5, 2, 3, 0);
        assertThat(PrepareOk.parse(ok.encode())).isEqualTo(ok);
        assertThat(ok.encode()).hasSize(12);
    }

    @Test
    void columnDefinitionRoundTripsForEveryEngineType() {
        for (Column.Type type : Column.Type.values()) {
            ColumnDefinition def = ColumnDefinition.of(new Column("col_" + type, type));
            assertThat(ColumnDefinition.parse(def.encode())).isEqualTo(def);
            assertThat(def.name()).isEqualTo("col_" + type);
            assertThat(def.catalog()).isEqualTo("def");
        }
        assertThat(ColumnDefinition.of(Column.bigint("n")).type()).isEqualTo(ColumnDefinition.TYPE_LONGLONG);
        assertThat(ColumnDefinition.of(new Column("u", Column.Type.BIGINT_UNSIGNED)).flags()).isEqualTo(ColumnDefinition.FLAG_UNSIGNED);
        // MatrixOne 4.2.0's own layouts, captured with a raw client (finding F-15)
        assertThat(ColumnDefinition.of(Column.varchar("s")))
                .isEqualTo(new ColumnDefinition("def", "", "", "", "s", "s", 33, 0xFFFFFFFFL, 0xFD, 0, 0));
        assertThat(ColumnDefinition.of(new Column("PITR_LENGTH", Column.Type.TINYINT_UNSIGNED)))
                .isEqualTo(new ColumnDefinition("def", "", "", "", "PITR_LENGTH", "PITR_LENGTH", 63, 8, 1, 0x20, 0));
        assertThat(ColumnDefinition.of(new Column("CREATED_TIME", Column.Type.DATETIME)))
                .isEqualTo(new ColumnDefinition("def", "", "", "", "CREATED_TIME", "CREATED_TIME", 63, 64, 12, 0, 0));
        assertThat(ColumnDefinition.of(new Column("tables", Column.Type.BARE_TEXT)))
                .isEqualTo(new ColumnDefinition("def", "", "", "", "tables", "", 0, 0, 241, 0, 0));
        assertThat(ColumnDefinition.of(new Column("publication", Column.Type.BARE_VARCHAR)))
                .isEqualTo(new ColumnDefinition("def", "", "", "", "publication", "", 0, 0, 15, 0, 0));
    }

    @Test
    void textRowsCarryNulls() {
        List<String> row = Arrays.asList("1", null, "", "ü");
        byte[] b = TextRow.encode(row);
        assertThat(b[2]).as("NULL marker after the 2-byte \"1\"").isEqualTo((byte) 0xFB);
        assertThat(TextRow.decode(b, 4)).isEqualTo(row);
    }
}
