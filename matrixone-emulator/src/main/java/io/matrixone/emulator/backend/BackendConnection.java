package io.matrixone.emulator.backend;

import io.matrixone.emulator.engine.Backend;
import io.matrixone.emulator.engine.BackendException;
import io.matrixone.emulator.engine.BackendResult;
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
import io.matrixone.emulator.protocol.ProtocolException;
import io.matrixone.emulator.protocol.ServerStatus;
import io.matrixone.emulator.protocol.TextRow;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimal MySQL client connection to the backing MariaDB: text COM_QUERY only.
 *
 * <p>The relay wraps each client session's backend socket in one of these ({@link #adopt}) so the statement
 * engine can run SQL on the session's own connection; {@link #open} logs in by itself (mysql_native_password)
 * and serves admin work such as installing the engine's catalog.
 *
 * <p>Not thread-safe: it belongs to one session, used between two client commands.
 */
public final class BackendConnection implements Backend, Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int UTF8MB4_GENERAL_CI = 45;
    private static final long CLIENT_CAPABILITIES = Capabilities.LONG_PASSWORD | Capabilities.LONG_FLAG
            | Capabilities.PROTOCOL_41 | Capabilities.TRANSACTIONS | Capabilities.SECURE_CONNECTION
            | Capabilities.MULTI_RESULTS | Capabilities.PLUGIN_AUTH | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA
            | Capabilities.DEPRECATE_EOF;

    private final Socket socket;
    private final PacketChannel channel;
    private final long capabilities;
    private final long connectionId;
    private final boolean extendedMetadata;
    private int statusFlags;

    private BackendConnection(Socket socket, PacketChannel channel, long capabilities, long connectionId,
                              int statusFlags, boolean extendedMetadata) {
        this.socket = socket;
        this.channel = channel;
        this.capabilities = capabilities;
        this.connectionId = connectionId;
        this.statusFlags = statusFlags;
        this.extendedMetadata = extendedMetadata;
    }

    /**
     * Wraps a connection whose handshake was done by someone else (the relay).
     *
     * @param capabilities the negotiated capabilities (client's and server's in common)
     */
    public static BackendConnection adopt(Socket socket, PacketChannel channel, long capabilities, long connectionId,
                                          int statusFlags) {
        return adopt(socket, channel, capabilities, connectionId, statusFlags, false);
    }

    /**
     * @param extendedMetadata MariaDB sends its extended type information in column definitions on this connection
     *                         ({@link Capabilities#MARIADB_EXTENDED_METADATA})
     */
    public static BackendConnection adopt(Socket socket, PacketChannel channel, long capabilities, long connectionId,
                                          int statusFlags, boolean extendedMetadata) {
        return new BackendConnection(socket, channel, capabilities, connectionId, statusFlags, extendedMetadata);
    }

    /**
     * Connects and logs in with mysql_native_password.
     *
     * @param database the initial database, or {@code null}
     * @throws BackendException when the server refuses the login
     * @throws IOException      when the server cannot be reached
     */
    public static BackendConnection open(String host, int port, String user, String password, String database)
            throws IOException {
        return open(host, port, user, password, database, 0);
    }

    /**
     * Like {@link #open(String, int, String, String, String)}, with a limit on every wait for the server: a read
     * that waits longer fails with {@link java.net.SocketTimeoutException} (inside an {@link UncheckedIOException}
     * from {@link #execute}) and the connection must then be abandoned.
     *
     * @param readTimeoutMillis the limit, 0 for none
     */
    public static BackendConnection open(String host, int port, String user, String password, String database,
                                         int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            PacketChannel channel = PacketChannel.of(socket);
            Packet greetingPacket = channel.read();
            if (greetingPacket.header() == ErrPacket.HEADER) {
                throw toException(ErrPacket.parse(greetingPacket.payload()));
            }
            Handshake greeting = Handshake.parse(greetingPacket.payload());
            long caps = CLIENT_CAPABILITIES & (greeting.capabilities() | Capabilities.LONG_PASSWORD);
            if (database != null) {
                caps |= Capabilities.CONNECT_WITH_DB;
            }
            HandshakeResponse response = new HandshakeResponse(caps, 1 << 24, UTF8MB4_GENERAL_CI, 0, user,
                    NativePassword.scramble(password, greeting.scramble()), database, NativePassword.PLUGIN, Map.of());
            channel.write(greetingPacket.nextSequenceId(), response.encode());
            channel.flush();
            int status = authenticate(channel, password);
            return new BackendConnection(socket, channel, caps, greeting.connectionId(), status, false);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static int authenticate(PacketChannel channel, String password) throws IOException {
        while (true) {
            Packet p = channel.read();
            switch (p.header()) {
                case OkPacket.HEADER:
                    return OkPacket.parse(p.payload()).statusFlags();
                case ErrPacket.HEADER:
                    throw toException(ErrPacket.parse(p.payload()));
                case 0xFE: {
                    PayloadReader r = p.reader().skip(1);
                    String plugin = r.nulString();
                    if (!NativePassword.PLUGIN.equals(plugin)) {
                        throw new ProtocolException("the backend asks for unsupported auth plugin " + plugin);
                    }
                    byte[] seed = r.rest();
                    channel.write(p.nextSequenceId(), NativePassword.scramble(password, seed));
                    channel.flush();
                    break;
                }
                default:
                    throw new ProtocolException("unexpected packet 0x" + Integer.toHexString(p.header())
                            + " during authentication");
            }
        }
    }

    public PacketChannel channel() {
        return channel;
    }

    /** The capabilities in effect on this connection. */
    public long capabilities() {
        return capabilities;
    }

    /** Whether column definitions on this connection carry MariaDB's extended type information. */
    public boolean extendedMetadata() {
        return extendedMetadata;
    }

    public boolean deprecateEof() {
        return Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF);
    }

    /** MariaDB's thread id for this connection. */
    public long connectionId() {
        return connectionId;
    }

    /** The status flags of the last OK or EOF packet the backend sent. */
    public int statusFlags() {
        return statusFlags;
    }

    /** Records the status flags of an OK or EOF packet relayed by someone else. */
    public void updateStatus(int flags) {
        this.statusFlags = flags;
    }

    @Override
    public boolean inTransaction() {
        return (statusFlags & ServerStatus.IN_TRANS) != 0;
    }

    /**
     * Runs one statement and reads its whole answer. With several results (multi-statement SQL, CALL), the
     * first result is returned and the others are read and dropped; an error in any of them is thrown.
     *
     * @throws BackendException     the backend's error answer
     * @throws UncheckedIOException when the connection fails; the connection is then unusable
     */
    @Override
    public BackendResult execute(String sql) {
        try {
            channel.write(0, new PayloadWriter(sql.length() + 1).u8(0x03).string(sql).toByteArray());
            channel.flush();
            BackendResult first = null;
            BackendException error = null;
            boolean more = true;
            while (more) {
                Packet p = channel.read();
                BackendResult result;
                switch (p.header()) {
                    case ErrPacket.HEADER -> {
                        if (error == null) {
                            error = toException(ErrPacket.parse(p.payload()));
                        }
                        result = null;
                        more = false;
                    }
                    case OkPacket.HEADER -> {
                        OkPacket ok = OkPacket.parse(p.payload());
                        statusFlags = ok.statusFlags();
                        result = BackendResult.ok(ok.affectedRows(), ok.lastInsertId());
                        more = (ok.statusFlags() & ServerStatus.MORE_RESULTS_EXISTS) != 0;
                    }
                    case 0xFB -> {
                        // LOCAL INFILE request: this client has no file to give; an empty packet declines.
                        channel.write(p.nextSequenceId(), new byte[0]);
                        channel.flush();
                        continue;
                    }
                    default -> {
                        result = readResultSet(p);
                        more = (statusFlags & ServerStatus.MORE_RESULTS_EXISTS) != 0;
                    }
                }
                if (first == null) {
                    first = result;
                }
            }
            if (error != null) {
                throw error;
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("backend connection failed", e);
        }
    }

    private BackendResult readResultSet(Packet countPacket) throws IOException {
        int count = (int) countPacket.reader().lenencInt();
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(ColumnDefinition.parse(channel.read().payload(), extendedMetadata).name());
        }
        if (!deprecateEof()) {
            channel.read();
        }
        List<List<String>> rows = new ArrayList<>();
        while (true) {
            Packet p = channel.read();
            if (p.header() == ErrPacket.HEADER) {
                throw toException(ErrPacket.parse(p.payload()));
            }
            if (isEndOfRows(p)) {
                statusFlags = deprecateEof() ? OkPacket.parse(p.payload()).statusFlags()
                        : EofPacket.parse(p.payload()).statusFlags();
                return new BackendResult(labels, rows, 0, 0);
            }
            rows.add(TextRow.decode(p.payload(), count));
        }
    }

    /** Whether a packet in the row phase ends the rows (EOF, or a 0xFE OK under CLIENT_DEPRECATE_EOF). */
    public boolean isEndOfRows(Packet p) {
        return deprecateEof() ? p.header() == 0xFE && p.length() < Packet.MAX_FRAME_PAYLOAD : EofPacket.is(p);
    }

    private static BackendException toException(ErrPacket err) {
        return new BackendException(err.errorCode(), err.sqlState(), err.message());
    }

    /** Sends COM_QUIT (best effort) and closes the socket. */
    @Override
    public void close() {
        if (socket.isClosed()) {
            return;
        }
        try {
            channel.write(0, new byte[] {0x01});
            channel.flush();
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
        closeQuietly(socket);
    }

    /** Closes the socket without a goodbye: used when the client vanished or a fault drops the session. */
    public void abort() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }

    @Override
    public String toString() {
        return "BackendConnection[" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort() + ", id="
                + connectionId + "]";
    }
}
