package io.matrixone.emulator.relay;

import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.engine.Column;
import io.matrixone.emulator.engine.Reply;
import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.EofPacket;
import io.matrixone.emulator.protocol.ErrPacket;
import io.matrixone.emulator.protocol.OkPacket;
import io.matrixone.emulator.protocol.PacketChannel;
import io.matrixone.emulator.protocol.PayloadWriter;
import io.matrixone.emulator.protocol.PrepareOk;
import io.matrixone.emulator.protocol.ServerStatus;
import io.matrixone.emulator.protocol.TextRow;

import java.io.IOException;
import java.util.List;

/**
 * Writes the emulator's own answers. Status flags are the backend's latest, so IN_TRANS and AUTOCOMMIT stay
 * truthful; the terminator is an EOF or a 0xFE OK depending on CLIENT_DEPRECATE_EOF.
 */
final class ReplyWriter {
    private final PacketChannel client;
    private final BackendConnection backend;

    ReplyWriter(PacketChannel client, BackendConnection backend) {
        this.client = client;
        this.backend = backend;
    }

    /** Writes a synthesised reply (not {@link Reply.Forward}) starting at sequence id {@code seq}. */
    void write(int seq, Reply reply) throws IOException {
        if (reply instanceof Reply.ResultSet rs) {
            resultSet(seq, rs.columns(), rs.rows());
        } else if (reply instanceof Reply.Ok ok) {
            ok(seq, ok.affectedRows(), ok.info());
        } else if (reply instanceof Reply.Error e) {
            error(seq, e.code(), e.sqlState(), e.message());
        } else {
            throw new IllegalArgumentException("not a synthesised reply: " + reply);
        }
    }

    void error(int seq, int code, String sqlState, String message) throws IOException {
        client.write(seq, new ErrPacket(code, sqlState, message).encode());
        client.flush();
    }

    void ok(int seq, long affectedRows, String info) throws IOException {
        client.write(seq, new OkPacket(affectedRows, 0, status(), 0, info == null ? "" : info).encode());
        client.flush();
    }

    void resultSet(int seq, List<Column> columns, List<List<String>> rows) throws IOException {
        rows(seq, columns, rows.stream().map(TextRow::encode).toList());
    }

    private void rows(int seq, List<Column> columns, List<byte[]> rows) throws IOException {
        int s = client.write(seq, new PayloadWriter(9).lenencInt(columns.size()).toByteArray());
        s = columnDefinitions(s, columns);
        boolean deprecateEof = backend.deprecateEof();
        if (!deprecateEof) {
            s = client.write(s, new EofPacket(0, status()).encode());
        }
        for (byte[] row : rows) {
            s = client.write(s, row);
        }
        byte[] end = deprecateEof ? new OkPacket(0, 0, status(), 0, "").encode(OkPacket.EOF_HEADER)
                : new EofPacket(0, status()).encode();
        client.write(s, end);
        client.flush();
    }

    private int columnDefinitions(int seq, List<Column> columns) throws IOException {
        int s = seq;
        for (Column c : columns) {
            s = client.write(s, ColumnDefinition.of(c).encode());
        }
        return s;
    }

    /**
     * COM_STMT_PREPARE_OK for a statement the engine prepares itself: no parameters, its result columns. MatrixOne
     * sends the column definitions with an EOF after them only without CLIENT_DEPRECATE_EOF, as MySQL.
     */
    void prepareOk(int seq, long statementId, List<Column> columns) throws IOException {
        int s = client.write(seq, new PrepareOk(statementId, columns.size(), 0, 0).encode());
        s = columnDefinitions(s, columns);
        if (!columns.isEmpty() && !backend.deprecateEof()) {
            client.write(s, new EofPacket(0, status()).encode());
        }
        client.flush();
    }

    /** A synthesised reply to COM_STMT_EXECUTE: result sets in the binary protocol. */
    void writeBinary(int seq, Reply reply) throws IOException {
        if (reply instanceof Reply.ResultSet rs) {
            rows(seq, rs.columns(), rs.rows().stream().map(r -> BinaryRow.encode(rs.columns(), r)).toList());
        } else {
            write(seq, reply);
        }
    }

    private int status() {
        return backend.statusFlags() & ~ServerStatus.MORE_RESULTS_EXISTS;
    }
}
