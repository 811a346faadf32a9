package io.matrixone.emulator.relay;

import io.matrixone.emulator.engine.Column;
import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.PayloadWriter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row of the engine's own result sets in the binary protocol (the answer to COM_STMT_EXECUTE), each value encoded by
 * the type its column definition announces: integers and doubles as fixed-width little-endian numbers, times in the
 * binary date layout, everything else as a length-encoded string.
 */
final class BinaryRow {
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?)?");

    private BinaryRow() {
    }

    static byte[] encode(List<Column> columns, List<String> values) {
        int n = columns.size();
        byte[] nulls = new byte[(n + 7 + 2) / 8]; // the binary protocol's NULL bitmap starts at bit 2
        PayloadWriter w = new PayloadWriter(16 * n + 16);
        for (int i = 0; i < n; i++) {
            String v = values.get(i);
            if (v == null) {
                nulls[(i + 2) / 8] |= (byte) (1 << ((i + 2) % 8));
                continue;
            }
            ColumnDefinition d = ColumnDefinition.of(columns.get(i));
            boolean unsigned = (d.flags() & ColumnDefinition.FLAG_UNSIGNED) != 0;
            switch (d.type()) {
                case ColumnDefinition.TYPE_LONGLONG -> w.u64(unsigned ? Long.parseUnsignedLong(v) : Long.parseLong(v));
                case ColumnDefinition.TYPE_LONG -> w.u32(Long.parseLong(v));
                case ColumnDefinition.TYPE_TINY -> w.u8(Integer.parseInt(v));
                case ColumnDefinition.TYPE_DOUBLE -> w.u64(Double.doubleToLongBits(Double.parseDouble(v)));
                case ColumnDefinition.TYPE_DATETIME, ColumnDefinition.TYPE_TIMESTAMP -> time(w, v);
                default -> w.lenencString(v);
            }
        }
        return new PayloadWriter(1 + nulls.length + w.size()).u8(0).bytes(nulls).bytes(w.toByteArray()).toByteArray();
    }

    /** MySQL's binary DATETIME: a length (4, 7 or 11), then year, month, day, [hour, minute, second, [microseconds]]. */
    private static void time(PayloadWriter w, String v) {
        Matcher m = TIME.matcher(v.trim());
        if (!m.matches()) {
            w.u8(0); // not a time (the engine only produces MariaDB's): the zero date, keeping the row decodable
            return;
        }
        int micros = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000").substring(0, 6));
        boolean hasTime = m.group(4) != null;
        int length = micros != 0 ? 11 : hasTime ? 7 : 4;
        w.u8(length).u16(Integer.parseInt(m.group(1))).u8(Integer.parseInt(m.group(2))).u8(Integer.parseInt(m.group(3)));
        if (length >= 7) {
            w.u8(Integer.parseInt(m.group(4))).u8(Integer.parseInt(m.group(5))).u8(Integer.parseInt(m.group(6)));
        }
        if (length == 11) {
            w.u32(micros);
        }
    }
}
