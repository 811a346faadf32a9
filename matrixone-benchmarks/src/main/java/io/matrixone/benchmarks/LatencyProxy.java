package io.matrixone.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay that adds a round-trip time: every chunk the server sends is held for the whole added RTT before it
 * is passed on, without holding back the chunks behind it (a wire with a delay, not a queue). Requests are relayed
 * at once. The benchmark runs it in its own JVM, so that its work is not charged to the client measured, instead
 * of {@code tc netem}, which this kernel lacks.
 *
 * <p>{@code LatencyProxy <target-host> <target-port> <added-rtt-micros>}; prints
 * {@code latency proxy listening on 127.0.0.1:<port>} when ready.
 */
public final class LatencyProxy {

    private LatencyProxy() {
    }

    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long delayNanos = Long.parseLong(args[2]) * 1000;
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        System.out.println("latency proxy listening on 127.0.0.1:" + server.getLocalPort());
        System.out.flush();
        while (true) {
            Socket client = server.accept();
            Socket upstream = new Socket(host, port);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            Thread up = new Thread(() -> relay(client, upstream), "up-" + client.getPort());
            up.setDaemon(true);
            up.start();
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            Thread read = new Thread(() -> readDelayed(upstream, client, queue, delayNanos), "down-read-" + client.getPort());
            Thread write = new Thread(() -> writeDelayed(client, upstream, queue), "down-write-" + client.getPort());
            read.setDaemon(true);
            write.setDaemon(true);
            read.start();
            write.start();
        }
    }

    private record Chunk(long due, byte[] bytes) {
    }

    private static final Chunk END = new Chunk(0, new byte[0]);

    private static void relay(Socket from, Socket to) {
        byte[] buf = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeBoth(from, to);
        }
    }

    private static void readDelayed(Socket from, Socket to, BlockingQueue<Chunk> queue, long delayNanos) {
        byte[] buf = new byte[65536];
        try (InputStream in = from.getInputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
            }
        } catch (IOException e) {
            // closed
        } finally {
            queue.add(END);
        }
    }

    private static void writeDelayed(Socket to, Socket from, BlockingQueue<Chunk> queue) {
        try (OutputStream out = to.getOutputStream()) {
            while (true) {
                Chunk c = queue.take();
                if (c == END) {
                    break;
                }
                for (long wait = c.due - System.nanoTime(); wait > 0; wait = c.due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                out.write(c.bytes);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeBoth(from, to);
        }
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
