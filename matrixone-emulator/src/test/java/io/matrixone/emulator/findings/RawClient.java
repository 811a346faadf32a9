package io.matrixone.emulator.findings;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.protocol.Capabilities;
import io.matrixone.emulator.protocol.ColumnDefinition;
import io.matrixone.emulator.protocol.EofPacket;
import io.matrixone.emulator.protocol.ErrPacket;
import io.matrixone.emulator.protocol.Handshake;
import io.matrixone.emulator.protocol.HandshakeResponse;
import io.matrixone.emulator.protocol.NativePassword;
import io.matrixone.emulator.protocol.OkPacket;
import io.matrixone.emulator.protocol.Packet;
import io.matrixone.emulator.protocol.PacketChannel;
import io.matrixone.emulator.protocol.PayloadReader;
import io.matrixone.emulator.protocol.PayloadWriter;
import io.matrixone.emulator.protocol.PrepareOk;
import io.matrixone.emulator.protocol.ServerStatus;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MySQL client with no driver in between, for asserting what a server puts on the wire: the capabilities it
 * announces are the test's choice, packets can be written several at once (pipelining), and every packet of an
 * answer is kept. Works against the emulator and a real MatrixOne alike.
 */
final class RawClient implements Closeable {
    static final int COM_QUERY = 0x03;
    static final int COM_STMT_PREPARE = 0x16;
    static final int COM_STMT_EXECUTE = 0x17;
    static final int COM_STMT_CLOSE = 0x19;

    /** What Connector/J and Vert.x announce, minus the multi-statement flags: a plain MySQL 4.1+ client. */
    static final long BASE = Capabilities.LONG_PASSWORD | Capabilities.LONG_FLAG | Capabilities.PROTOCOL_41
            | Capabilities.TRANSACTIONS | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH
            | Capabilities.DEPRECATE_EOF;

    private final Socket socket;
    private final PacketChannel channel;
    private final OutputStream out;
    private final long capabilities;

    private RawClient(Socket socket, long capabilities) throws IOException {
        this.socket = socket;
        this.channel = PacketChannel.of(socket);
        this.out = socket.getOutputStream();
        this.capabilities = capabilities;
    }

    static RawClient connect(Emulator mo) throws IOException {
        return connect(mo, BASE);
    }

    static RawClient connect(Emulator mo, long capabilities) throws IOException {
        Socket s = new Socket(mo.host(), mo.port());
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        RawClient c = new RawClient(s, capabilities);
        c.login(mo.user(), mo.password());
        return c;
    }

    private void login(String user, String password) throws IOException {
        Packet greeting = channel.read();
        Handshake hs = Handshake.parse(greeting.payload());
        HandshakeResponse response = new HandshakeResponse(capabilities, 1 << 24, ColumnDefinition.UTF8MB4_GENERAL_CI, 0,
                user, NativePassword.scramble(password, hs.scramble()), null, NativePassword.PLUGIN, Map.of());
        channel.write(greeting.nextSequenceId(), response.encode());
        channel.flush();
        while (true) {
            Packet p = channel.read();
            if (p.header() == OkPacket.HEADER) {
                return;
            }
            if (p.header() == 0xFE) { // auth switch
                PayloadReader r = p.reader().skip(1);
                r.nulString();
                byte[] seed = r.rest();
                if (seed.length > 0 && seed[seed.length - 1] == 0) {
                    seed = java.util.Arrays.copyOf(seed, seed.length - 1);
                }
                channel.write(p.nextSequenceId(), NativePassword.scramble(password, seed));
                channel.flush();
                continue;
            }
            throw new IOException("login failed: " + ErrPacket.parse(p.payload()));
        }
    }

    static byte[] command(int command, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new PayloadWriter(b.length + 1).u8(command).bytes(b).toByteArray();
    }

    static byte[] statementCommand(int command, long statementId) {
        PayloadWriter w = new PayloadWriter(10).u8(command).u32(statementId);
        if (command == COM_STMT_EXECUTE) {
            w.u8(0).u32(1);
        }
        return w.toByteArray();
    }

    /** The payloads framed as packets with sequence id 0 each, in one TCP write. */
    void sendTogether(byte[]... payloads) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (byte[] p : payloads) {
            buf.write(p.length & 0xFF);
            buf.write(p.length >>> 8 & 0xFF);
            buf.write(p.length >>> 16 & 0xFF);
            buf.write(0);
            buf.write(p);
        }
        out.write(buf.toByteArray());
        out.flush();
    }

    void send(byte[] payload) throws IOException {
        sendTogether(payload);
    }

    Packet read() throws IOException {
        return channel.read();
    }

    /** The next packet, or null when none arrives within {@code millis}. */
    Packet poll(int millis) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return channel.read();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(old);
        }
    }

    /** One result of a COM_QUERY or COM_STMT_EXECUTE answer. */
    record Result(ErrPacket error, OkPacket ok, List<ColumnDefinition> columns, List<byte[]> rows, int status) {
        boolean moreResults() {
            return (status & ServerStatus.MORE_RESULTS_EXISTS) != 0;
        }
    }

    /** Reads one result (OK, ERR, or a result set up to its terminator). */
    Result readResult() throws IOException {
        Packet first = channel.read();
        if (first.header() == ErrPacket.HEADER) {
            return new Result(ErrPacket.parse(first.payload()), null, List.of(), List.of(), 0);
        }
        if (first.header() == OkPacket.HEADER) {
            OkPacket ok = OkPacket.parse(first.payload());
            return new Result(null, ok, List.of(), List.of(), ok.statusFlags());
        }
        long n = first.reader().lenencInt();
        List<ColumnDefinition> columns = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            columns.add(ColumnDefinition.parse(channel.read().payload()));
        }
        boolean deprecateEof = Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF);
        if (!deprecateEof) {
            channel.read();
        }
        List<byte[]> rows = new ArrayList<>();
        while (true) {
            Packet p = channel.read();
            if (p.header() == ErrPacket.HEADER) {
                return new Result(ErrPacket.parse(p.payload()), null, columns, rows, 0);
            }
            if (p.header() == 0xFE && p.length() < Packet.MAX_FRAME_PAYLOAD) {
                int status = deprecateEof ? OkPacket.parse(p.payload()).statusFlags() : EofPacket.parse(p.payload()).statusFlags();
                return new Result(null, null, columns, rows, status);
            }
            rows.add(p.payload());
        }
    }

    /** Every result of the answer to one command. */
    List<Result> readAnswer() throws IOException {
        List<Result> all = new ArrayList<>();
        Result r;
        do {
            r = readResult();
            all.add(r);
        } while (r.error() == null && r.moreResults());
        return all;
    }

    List<Result> query(String sql) throws IOException {
        send(command(COM_QUERY, sql));
        return readAnswer();
    }

    Result single(String sql) throws IOException {
        List<Result> r = query(sql);
        if (r.size() != 1) {
            throw new IOException(r.size() + " results for " + sql);
        }
        return r.get(0);
    }

    /** A prepare's answer: its OK (or null) and error, its parameter and column definitions. */
    record Prepared(PrepareOk ok, ErrPacket error, List<ColumnDefinition> parameters, List<ColumnDefinition> columns) {
    }

    Prepared prepare(String sql) throws IOException {
        send(command(COM_STMT_PREPARE, sql));
        Packet first = channel.read();
        if (first.header() == ErrPacket.HEADER) {
            return new Prepared(null, ErrPacket.parse(first.payload()), List.of(), List.of());
        }
        PrepareOk ok = PrepareOk.parse(first.payload());
        boolean eof = !Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF);
        List<ColumnDefinition> params = new ArrayList<>();
        for (int i = 0; i < ok.parameterCount(); i++) {
            params.add(ColumnDefinition.parse(channel.read().payload()));
        }
        if (eof && ok.parameterCount() > 0) {
            channel.read();
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (int i = 0; i < ok.columnCount(); i++) {
            columns.add(ColumnDefinition.parse(channel.read().payload()));
        }
        if (eof && ok.columnCount() > 0) {
            channel.read();
        }
        return new Prepared(ok, null, params, columns);
    }

    Result execute(long statementId) throws IOException {
        send(statementCommand(COM_STMT_EXECUTE, statementId));
        return readResult();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
