package io.matrixone.emulator.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts MySQL clients on 127.0.0.1 and gives each its own {@link ClientSession} thread (JDK 17 has no
 * virtual threads; a cached pool grows with the connections and shrinks when they end).
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayServer.class);
    private static final int BACKLOG = 512;

    private final RelayConfig config;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;
    private ExecutorService workers;
    private Thread acceptor;
    private volatile boolean closed;

    public RelayServer(RelayConfig config) {
        this.config = config;
    }

    /** Starts listening; {@code port} 0 picks a free port. */
    public synchronized RelayServer start(int port) throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        serverSocket = socket;
        int boundPort = socket.getLocalPort();
        workers = Executors.newCachedThreadPool(daemonThreads("mo-emulator-" + boundPort + "-session-"));
        acceptor = new Thread(this::acceptLoop, "mo-emulator-" + boundPort + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("MatrixOne emulator v{} listening on 127.0.0.1:{}, relaying to MariaDB at {}:{}",
                config.targetVersion(), boundPort, config.backendHost(), config.backendPort());
        return this;
    }

    public synchronized int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("not started");
        }
        return serverSocket.getLocalPort();
    }

    /** The number of open client sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (SocketException e) {
                if (!closed) {
                    log.warn("Accepting connections failed; the emulator stops listening", e);
                }
                return;
            } catch (IOException e) {
                log.warn("Accepting a connection failed", e);
                continue;
            }
            ClientSession session = new ClientSession(client, config, sessions::remove);
            sessions.add(session);
            try {
                workers.execute(session);
            } catch (RejectedExecutionException e) {
                sessions.remove(session);
                session.close();
            }
            if (closed) {
                session.close();
            }
        }
    }

    /** Stops listening and closes every session (and with it its MariaDB connection). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed || serverSocket == null) {
            closed = true;
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("Closing the listening socket failed", e);
        }
        sessions.forEach(ClientSession::close);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        log.info("MatrixOne emulator on 127.0.0.1:{} stopped", serverSocket.getLocalPort());
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
