package io.matrixone.emulator.relay;

import io.matrixone.emulator.Faults;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.backend.BackendConnection;
import io.matrixone.emulator.engine.BackendException;
import io.matrixone.emulator.engine.Reply;
import io.matrixone.emulator.engine.Session;
import io.matrixone.emulator.protocol.Capabilities;
import io.matrixone.emulator.protocol.Command;
import io.matrixone.emulator.protocol.ErrPacket;
import io.matrixone.emulator.protocol.Handshake;
import io.matrixone.emulator.protocol.HandshakeResponse;
import io.matrixone.emulator.protocol.OkPacket;
import io.matrixone.emulator.protocol.Packet;
import io.matrixone.emulator.protocol.PacketChannel;
import io.matrixone.emulator.protocol.PayloadReader;
import io.matrixone.emulator.protocol.PayloadWriter;
import io.matrixone.emulator.protocol.PrepareOk;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: relays the handshake to its own MariaDB connection, then serves one command at a time.
 * A command is processed completely, answer included, before the next one is read, so pipelined commands wait
 * in the socket buffer and keep their order. SQL texts are never written to the log: they may hold passwords.
 */
final class ClientSession implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int ER_INVALID_INPUT = 20301;

    private final Socket client;
    private final RelayConfig config;
    private final Consumer<ClientSession> onEnd;
    private final Socket server = new Socket();
    /** SQL of the statements prepared on this session, by statement id, for logging and faults on EXECUTE. */
    private final Map<Long, String> prepared = new HashMap<>();
    /** Statements the engine prepared itself (MatrixOne-only ones MatrixOne prepares), by the ids given out for them. */
    private final Map<Long, String> emulated = new HashMap<>();
    /** Ids for those: above any MariaDB gives a connection, so the two never meet. */
    private long nextEmulatedId = 1L << 31;

    private PacketChannel clientChannel;
    private BackendConnection backend;
    private Session session;
    private ResponseRelay relay;
    private ReplyWriter replies;

    ClientSession(Socket client, RelayConfig config, Consumer<ClientSession> onEnd) {
        this.client = client;
        this.config = config;
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        try {
            client.setTcpNoDelay(true);
            clientChannel = PacketChannel.of(client);
            if (handshake()) {
                log.debug("Session {} started for {}@{}", session.id(), session.user(), session.account());
                commandLoop();
            }
        } catch (EOFException | SocketException e) {
            log.debug("Session connection closed: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Session {} failed", session == null ? "(handshake)" : session.id(), e);
        } finally {
            if (session != null) {
                try {
                    config.handler().onClose(session);
                } catch (RuntimeException e) {
                    log.warn("Statement engine failed to close session {}", session.id(), e);
                }
            }
            close();
            onEnd.accept(this);
        }
    }

    /** Closes both sockets; a thread blocked reading either of them wakes up and ends the session. */
    void close() {
        closeQuietly(client);
        closeQuietly(server);
    }

    private boolean handshake() throws IOException {
        server.connect(new InetSocketAddress(config.backendHost(), config.backendPort()), CONNECT_TIMEOUT_MILLIS);
        server.setTcpNoDelay(true);
        PacketChannel serverChannel = PacketChannel.of(server);
        Packet greetingPacket = serverChannel.read();
        if (greetingPacket.header() == ErrPacket.HEADER) {
            clientChannel.write(greetingPacket);
            clientChannel.flush();
            return false;
        }
        Handshake mariaDb = Handshake.parse(greetingPacket.payload());
        Handshake offered = Greeting.rewrite(mariaDb, config.targetVersion());
        clientChannel.write(greetingPacket.sequenceId(), offered.encode());
        clientChannel.flush();

        Packet responsePacket = clientChannel.read();
        if (HandshakeResponse.isSslRequest(responsePacket.payload())) {
            clientChannel.write(responsePacket.nextSequenceId(),
                    new ErrPacket(1043, "08S01", "Bad handshake: the emulator does not offer TLS").encode());
            clientChannel.flush();
            return false;
        }
        HandshakeResponse response = HandshakeResponse.parse(responsePacket.payload());
        LoginName login = LoginName.parse(response.username());
        HandshakeResponse forwarded = Greeting.rewrite(response, login.backendUser(), mariaDb.extraCapabilities());
        // a non-sys account's database has another name in MariaDB: chosen by the engine once logged in
        String database = login.isSys() ? null : response.database();
        if (database != null) {
            forwarded = forwarded.withDatabase(null);
        }
        serverChannel.write(responsePacket.sequenceId(), forwarded.encode());
        serverChannel.flush();

        // Auth switch and more-data packets pass through both ways until MariaDB says OK or ERR.
        while (true) {
            Packet p = serverChannel.read();
            if (p.header() == OkPacket.HEADER) {
                long negotiated = forwarded.capabilities() & offered.capabilities();
                boolean extendedMetadata = Capabilities.has(forwarded.extraCapabilities() & mariaDb.extraCapabilities(),
                        Capabilities.MARIADB_EXTENDED_METADATA);
                backend = BackendConnection.adopt(server, serverChannel, negotiated, mariaDb.connectionId(),
                        OkPacket.parse(p.payload()).statusFlags(), extendedMetadata);
                session = new Session(mariaDb.connectionId(), login.account(), login.user(), login.role(), backend);
                relay = new ResponseRelay(clientChannel, backend, this::engineError);
                replies = new ReplyWriter(clientChannel, backend);
                if (database != null && !useDatabase(database, p.sequenceId())) {
                    return false;
                }
                clientChannel.write(p);
                clientChannel.flush();
                return true;
            }
            clientChannel.write(p);
            clientChannel.flush();
            if (p.header() == ErrPacket.HEADER) {
                return false;
            }
            serverChannel.write(clientChannel.read());
            serverChannel.flush();
        }
    }

    /** The handshake's database for a non-sys login; answers the error instead of OK when it cannot be used. */
    private boolean useDatabase(String database, int okSequence) throws IOException {
        try {
            String physical = config.handler().onInitDb(database, session);
            backend.execute("USE `" + physical.replace("`", "``") + "`");
            return true;
        } catch (BackendException e) {
            Reply.Error err = config.handler().onError(new Reply.Error(e.errorCode(), e.sqlState(), e.getMessage()), session);
            replies.error(okSequence, err.code(), err.sqlState(), err.message());
            return false;
        }
    }

    /** COM_INIT_DB with the database the engine maps the name to. */
    private void initDb(Packet command) throws IOException {
        String database = text(command);
        String physical = database;
        try {
            physical = config.handler().onInitDb(database, session);
        } catch (RuntimeException e) {
            log.warn("Statement engine failed to map database on session {}", session.id(), e);
        }
        backend.channel().write(0, physical.equals(database) ? command.payload() : commandPayload(Command.INIT_DB, physical));
        backend.channel().flush();
        relay.single();
    }

    private void commandLoop() throws IOException {
        while (true) {
            Packet command;
            try {
                command = clientChannel.read();
            } catch (EOFException e) {
                return;
            }
            if (config.faults().echoesPipelinedCommands()) {
                echoWaitingCommands();
            }
            if (!dispatch(command)) {
                return;
            }
        }
    }

    /** The opt-in MatrixOne bug of {@link Faults#echoPipelinedCommands()}: waiting commands go back unrun. */
    private void echoWaitingCommands() throws IOException {
        while (clientChannel.hasWaitingInput()) {
            Packet waiting = clientChannel.read();
            log.info("Fault injection: echoing a pipelined command back to session {} unrun", session.id());
            clientChannel.write(waiting);
        }
    }

    /** Serves one command; false ends the session. */
    private boolean dispatch(Packet command) throws IOException {
        int reply = command.nextSequenceId();
        switch (command.header()) {
            case Command.QUERY:
                return query(command);
            case Command.STMT_PREPARE:
                prepare(command);
                return true;
            case Command.STMT_EXECUTE:
                return execute(command);
            case Command.STMT_CLOSE: {
                long id = command.reader().skip(1).u32();
                prepared.remove(id);
                if (emulated.remove(id) == null) {
                    forward(command);
                }
                return true;
            }
            case Command.STMT_SEND_LONG_DATA:
                forward(command);
                return true;
            case Command.INIT_DB:
                initDb(command);
                return true;
            case Command.STMT_RESET:
                if (emulated.containsKey(command.reader().skip(1).u32())) {
                    replies.ok(reply, 0, ""); // nothing to reset: no parameters, no cursor
                    return true;
                }
                forward(command);
                relay.single();
                return true;
            case Command.PING:
            case Command.SET_OPTION:
                forward(command);
                relay.single();
                return true;
            case Command.FIELD_LIST:
                forward(command);
                relay.fieldList();
                return true;
            case Command.QUIT:
                backend.close();
                return false;
            default:
                Reply.Error unsupported = Reply.Error.internal(
                        "unsupported command. 0x" + Integer.toHexString(Math.max(command.header(), 0)));
                replies.write(reply, unsupported);
                return true;
        }
    }

    private boolean query(Packet command) throws IOException {
        String sql = text(command);
        config.statementLog().record(session.id(), StatementLog.Kind.QUERY, sql);
        Faults.Decision fault = applyFaults(sql, command.nextSequenceId());
        if (fault == null) {
            return true;
        }
        if (fault.action() instanceof Faults.DropBefore) {
            log.info("Fault injection: dropping session {} before a statement", session.id());
            return false;
        }
        if (fault.action() instanceof Faults.RequestLocalFile request) {
            return requestLocalFile(request.fileName(), sql, command.nextSequenceId());
        }
        boolean deliver = !(fault.action() instanceof Faults.DropAfter);
        Reply reply = decide(() -> config.handler().onQuery(sql, session));
        if (reply instanceof Reply.Forward forward) {
            String out = config.compat().rewrite(forward.sql());
            byte[] payload = out.equals(sql) ? command.payload() : commandPayload(Command.QUERY, out);
            backend.channel().write(0, payload);
            backend.channel().flush();
            relay.result(deliver);
        } else if (deliver) {
            replies.write(command.nextSequenceId(), reply);
        }
        if (!deliver) {
            log.info("Fault injection: dropping session {} after a statement ran", session.id());
        }
        return deliver;
    }

    private void prepare(Packet command) throws IOException {
        String sql = text(command);
        config.statementLog().record(session.id(), StatementLog.Kind.PREPARE, sql);
        Reply reply = decide(() -> config.handler().onPrepare(sql, session));
        if (reply instanceof Reply.Forward forward) {
            String out = config.compat().rewrite(forward.sql());
            byte[] payload = out.equals(sql) ? command.payload() : commandPayload(Command.STMT_PREPARE, out);
            backend.channel().write(0, payload);
            backend.channel().flush();
            PrepareOk ok = relay.prepare();
            if (ok != null) {
                prepared.put(ok.statementId(), sql);
            }
        } else if (reply instanceof Reply.Prepared own) {
            long id = nextEmulatedId++;
            emulated.put(id, sql);
            replies.prepareOk(command.nextSequenceId(), id, own.columns());
        } else if (reply instanceof Reply.Error) {
            replies.write(command.nextSequenceId(), reply);
        } else {
            replies.write(command.nextSequenceId(),
                    Reply.Error.internal("the emulator cannot prepare this statement"));
        }
    }

    private boolean execute(Packet command) throws IOException {
        PayloadReader r = command.reader().skip(1);
        long statementId = r.u32();
        int flags = r.u8();
        String own = emulated.get(statementId);
        String sql = own != null ? own : prepared.get(statementId);
        boolean deliver = true;
        if (sql != null) {
            config.statementLog().record(session.id(), StatementLog.Kind.EXECUTE, sql);
            Faults.Decision fault = applyFaults(sql, command.nextSequenceId());
            if (fault == null) {
                return true;
            }
            if (fault.action() instanceof Faults.DropBefore) {
                log.info("Fault injection: dropping session {} before an execution", session.id());
                return false;
            }
            deliver = !(fault.action() instanceof Faults.DropAfter);
        }
        if (flags != 0) {
            // MatrixOne has no cursors: only CURSOR_TYPE_NO_CURSOR is accepted.
            replies.error(command.nextSequenceId(), ER_INVALID_INPUT, "HY000",
                    "invalid input: unsupported Prepare flag '" + flags + "'");
            return true;
        }
        if (own != null) {
            // the engine answers; a statement it prepared never goes to MariaDB
            Reply reply = decide(() -> config.handler().onQuery(own, session));
            if (reply instanceof Reply.Forward) {
                // MariaDB's text answer cannot stand for a binary one; the engine forwards none of the kinds it prepares
                reply = Reply.Error.internal("the emulator cannot execute this prepared statement");
            }
            if (deliver) {
                replies.writeBinary(command.nextSequenceId(), reply);
            }
            return deliver;
        }
        forward(command);
        relay.result(deliver);
        return deliver;
    }

    /**
     * Plays a hostile server: asks the client for a local file (0xFB + file name), counts the content bytes the
     * client sends until its empty closing packet, records them, and answers OK. False if the client hung up.
     */
    private boolean requestLocalFile(String fileName, String sql, int seq) throws IOException {
        byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
        clientChannel.write(seq, new PayloadWriter(name.length + 1).u8(0xFB).bytes(name).toByteArray());
        clientChannel.flush();
        long received = 0;
        int next = seq + 1;
        try {
            while (true) {
                Packet p = clientChannel.read();
                next = p.nextSequenceId();
                if (p.payload().length == 0) {
                    break;
                }
                received += p.payload().length;
            }
        } catch (EOFException | SocketException e) {
            config.faults().recordLocalFileRequest(new Faults.LocalFileRequest(fileName, sql, received));
            log.info("Fault injection: the client hung up after a local-file request ({} bytes received)", received);
            return false;
        }
        config.faults().recordLocalFileRequest(new Faults.LocalFileRequest(fileName, sql, received));
        clientChannel.write(next, new OkPacket(0, 0, backend.statusFlags(), 0, "").encode());
        clientChannel.flush();
        return true;
    }

    /**
     * Waits for injected latency and answers an injected error.
     *
     * @return the decision, or null when the statement was answered with an injected error
     */
    private Faults.Decision applyFaults(String sql, int replySeq) throws IOException {
        Faults.Decision decision = config.faults().decide(sql);
        if (!decision.delay().isZero()) {
            try {
                Thread.sleep(decision.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted during injected latency", e);
            }
        }
        if (decision.action() instanceof Faults.Fail fail) {
            replies.error(replySeq, fail.errorCode(), fail.sqlState(), fail.message());
            return null;
        }
        return decision;
    }

    /** A MariaDB error as the statement engine words it. */
    private ErrPacket engineError(ErrPacket err) {
        try {
            Reply.Error e = config.handler().onError(new Reply.Error(err.errorCode(), err.sqlState(), err.message()), session);
            return new ErrPacket(e.code(), e.sqlState(), e.message());
        } catch (RuntimeException e) {
            log.warn("Statement engine failed to word an error on session {}", session.id(), e);
            return err;
        }
    }

    /** Asks the statement engine; its failures become error answers, a broken backend ends the session. */
    private Reply decide(Supplier<Reply> handler) throws IOException {
        try {
            return handler.get();
        } catch (BackendException e) {
            return new Reply.Error(e.errorCode(), e.sqlState(), e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            log.warn("Statement engine failed on session {}", session.id(), e);
            return Reply.Error.internal(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void forward(Packet command) throws IOException {
        backend.channel().write(command);
        backend.channel().flush();
    }

    private static String text(Packet command) {
        byte[] p = command.payload();
        return new String(p, 1, p.length - 1, StandardCharsets.UTF_8);
    }

    private static byte[] commandPayload(int command, String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        return new PayloadWriter(text.length + 1).u8(command).bytes(text).toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public String toString() {
        return "ClientSession[" + (session == null ? "handshake" : session.id()) + "]";
    }
}
