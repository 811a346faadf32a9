package io.matrixone.emulator.relay;

import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.protocol.EofPacket;
import io.matrixone.emulator.protocol.ErrPacket;
import io.matrixone.emulator.protocol.OkPacket;
import io.matrixone.emulator.protocol.Packet;
import io.matrixone.emulator.protocol.PacketChannel;
import io.matrixone.emulator.protocol.PrepareOk;
import io.matrixone.emulator.protocol.ServerStatus;

import java.io.IOException;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Relays one complete backend response to the client, packet by packet with the backend's sequence ids, and
 * keeps the session's status flags up to date from every OK and EOF on the way. Knowing where a response ends
 * is what lets the relay serve one command at a time and never mix its own packets into MariaDB's.
 */
final class ResponseRelay {
    /** MariaDB sends a specific SQLSTATE for these; MatrixOne sends HY000 (research mo_sql.md §11). */
    private static final Set<Integer> HY000_CODES = Set.of(1007, 1049, 1050, 1062, 1146);
    private static final int LOCAL_INFILE = 0xFB;

    private final PacketChannel client;
    private final BackendConnection backend;
    private final PacketChannel server;
    private final UnaryOperator<ErrPacket> errors;

    /** @param errors turns MariaDB's error answers into the server's (the statement engine's wording) */
    ResponseRelay(PacketChannel client, BackendConnection backend, UnaryOperator<ErrPacket> errors) {
        this.client = client;
        this.backend = backend;
        this.server = backend.channel();
        this.errors = errors;
    }

    /**
     * The answer to COM_QUERY or COM_STMT_EXECUTE: every result while MORE_RESULTS_EXISTS is set, with LOCAL
     * INFILE exchanges in between.
     *
     * @param deliver false to read and drop the answer (the client is about to be disconnected)
     */
    void result(boolean deliver) throws IOException {
        while (true) {
            Packet first = server.read();
            int header = first.header();
            if (header == ErrPacket.HEADER) {
                send(engineError(first), deliver);
                break;
            }
            if (header == OkPacket.HEADER) {
                send(first, deliver);
                if (!hasMoreResults(OkPacket.parse(first.payload()).statusFlags())) {
                    break;
                }
                continue;
            }
            if (header == LOCAL_INFILE) {
                localInfile(first, deliver);
                continue;
            }
            send(first, deliver);
            if (!resultSet(first, deliver)) {
                break;
            }
        }
        client.flush();
    }

    /** Relays the column definitions and rows after a column-count packet; true when more results follow. */
    private boolean resultSet(Packet columnCount, boolean deliver) throws IOException {
        long columns = columnCount.reader().lenencInt();
        for (long i = 0; i < columns; i++) {
            send(column(server.read()), deliver);
        }
        if (!backend.deprecateEof()) {
            send(server.read(), deliver);
        }
        while (true) {
            Packet p = server.read();
            if (p.header() == ErrPacket.HEADER) {
                send(engineError(p), deliver);
                return false;
            }
            send(p, deliver);
            if (backend.isEndOfRows(p)) {
                return hasMoreResults(terminatorStatus(p));
            }
        }
    }

    /** Hands the client's file to the backend; a dropped client's file is declined with an empty packet. */
    private void localInfile(Packet request, boolean deliver) throws IOException {
        if (!deliver) {
            server.write(request.nextSequenceId(), new byte[0]);
            server.flush();
            return;
        }
        client.write(request);
        client.flush();
        while (true) {
            Packet chunk = client.read();
            server.write(chunk);
            if (chunk.length() == 0) {
                break;
            }
        }
        server.flush();
    }

    /** The answer to COM_STMT_PREPARE; returns the PREPARE_OK, or null when the backend refused. */
    PrepareOk prepare() throws IOException {
        Packet first = server.read();
        if (first.header() == ErrPacket.HEADER) {
            send(engineError(first), true);
            client.flush();
            return null;
        }
        PrepareOk ok = PrepareOk.parse(first.payload());
        send(first, true);
        boolean eof = !backend.deprecateEof();
        for (int i = 0; i < ok.parameterCount(); i++) {
            Packet p = server.read();
            send(new Packet(p.sequenceId(), MatrixOneColumns.PARAMETER), true);
        }
        if (eof && ok.parameterCount() > 0) {
            send(server.read(), true);
        }
        for (int i = 0; i < ok.columnCount(); i++) {
            send(column(server.read()), true);
        }
        if (eof && ok.columnCount() > 0) {
            send(server.read(), true);
        }
        client.flush();
        return ok;
    }

    /** A one-packet answer: OK, EOF (COM_SET_OPTION) or ERR. */
    void single() throws IOException {
        Packet p = server.read();
        if (p.header() == ErrPacket.HEADER) {
            send(engineError(p), true);
        } else {
            if (p.header() == OkPacket.HEADER || p.header() == EofPacket.HEADER) {
                backend.updateStatus(terminatorStatus(p));
            }
            send(p, true);
        }
        client.flush();
    }

    /** The answer to COM_FIELD_LIST: column definitions up to an EOF (or ERR). */
    void fieldList() throws IOException {
        while (true) {
            Packet p = server.read();
            if (p.header() == ErrPacket.HEADER) {
                send(engineError(p), true);
                break;
            }
            if (p.header() == EofPacket.HEADER && p.length() < Packet.MAX_FRAME_PAYLOAD) {
                send(p, true);
                backend.updateStatus(terminatorStatus(p));
                break;
            }
            send(column(p), true);
        }
        client.flush();
    }

    /** A column definition of MariaDB's as MatrixOne would send it. */
    private Packet column(Packet definition) {
        return new Packet(definition.sequenceId(), MatrixOneColumns.column(definition.payload(), backend.extendedMetadata()));
    }

    private int terminatorStatus(Packet p) {
        int status = EofPacket.is(p) ? EofPacket.parse(p.payload()).statusFlags()
                : OkPacket.parse(p.payload()).statusFlags();
        backend.updateStatus(status);
        return status;
    }

    private boolean hasMoreResults(int status) {
        backend.updateStatus(status);
        return (status & ServerStatus.MORE_RESULTS_EXISTS) != 0;
    }

    private void send(Packet p, boolean deliver) throws IOException {
        if (deliver) {
            client.write(p);
        }
    }

    /** MariaDB's ERR with MatrixOne's SQLSTATE, in the statement engine's words. */
    private Packet engineError(Packet err) {
        Packet remapped = remapError(err);
        ErrPacket parsed = ErrPacket.parse(remapped.payload());
        ErrPacket worded = errors.apply(parsed);
        return worded.equals(parsed) ? remapped : new Packet(err.sequenceId(), worded.encode());
    }

    /** MariaDB's ERR with MatrixOne's SQLSTATE where the two differ; code and message stay. */
    static Packet remapError(Packet err) {
        ErrPacket parsed = ErrPacket.parse(err.payload());
        if (HY000_CODES.contains(parsed.errorCode()) && !"HY000".equals(parsed.sqlState())) {
            return new Packet(err.sequenceId(), parsed.withSqlState("HY000").encode());
        }
        return err;
    }
}
