package io.matrixone.emulator.protocol;

import java.util.ArrayList;
import java.util.List;

/** A row of a text-protocol result set: one length-encoded string per column, 0xFB for NULL. */
public final class TextRow {
    private TextRow() {
    }

    public static byte[] encode(List<String> values) {
        PayloadWriter w = new PayloadWriter(16 * values.size() + 16);
        for (String v : values) {
            w.lenencString(v);
        }
        return w.toByteArray();
    }

    public static List<String> decode(byte[] payload, int columnCount) {
        PayloadReader r = new PayloadReader(payload);
        List<String> row = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            row.add(r.lenencString());
        }
        return row;
    }
}
