package io.matrixone.emulator.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Reads and writes MySQL packets on a byte stream. Writes are buffered: call {@link #flush()} at the end of
 * each exchange so that a whole response leaves in as few TCP segments as possible.
 *
 * <p>Not thread-safe: one channel belongs to one connection handler.
 */
public final class PacketChannel {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private final byte[] header = new byte[4];

    public PacketChannel(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in, BUFFER_SIZE);
        this.out = new BufferedOutputStream(out, BUFFER_SIZE);
    }

    public static PacketChannel of(Socket socket) throws IOException {
        return new PacketChannel(socket.getInputStream(), socket.getOutputStream());
    }

    /**
     * Reads one logical packet, joining continuation frames.
     *
     * @throws EOFException when the stream ends, cleanly between packets or in the middle of one
     */
    /** Whether bytes of a next packet have arrived already (read without blocking). */
    public boolean hasWaitingInput() throws IOException {
        return in.available() > 0;
    }

    public Packet read() throws IOException {
        int length = readFrameHeader();
        int sequenceId = header[3] & 0xFF;
        if (length < Packet.MAX_FRAME_PAYLOAD) {
            return new Packet(sequenceId, readFully(length));
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream(length * 2);
        joined.write(readFully(length));
        while (length == Packet.MAX_FRAME_PAYLOAD) {
            length = readFrameHeader();
            joined.write(readFully(length));
        }
        return new Packet(sequenceId, joined.toByteArray());
    }

    private int readFrameHeader() throws IOException {
        int n = in.readNBytes(header, 0, 4);
        if (n < 4) {
            throw new EOFException(n == 0 ? "connection closed" : "connection closed inside a packet header");
        }
        return (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    }

    private byte[] readFully(int length) throws IOException {
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a packet");
        }
        return payload;
    }

    /** Writes a packet (split into frames when needed) and returns the next sequence id. Does not flush. */
    public int write(int sequenceId, byte[] payload) throws IOException {
        int seq = sequenceId;
        int offset = 0;
        int remaining = payload.length;
        while (true) {
            int chunk = Math.min(remaining, Packet.MAX_FRAME_PAYLOAD);
            out.write(chunk & 0xFF);
            out.write(chunk >>> 8 & 0xFF);
            out.write(chunk >>> 16 & 0xFF);
            out.write(seq & 0xFF);
            out.write(payload, offset, chunk);
            seq = (seq + 1) & 0xFF;
            offset += chunk;
            remaining -= chunk;
            if (chunk < Packet.MAX_FRAME_PAYLOAD) {
                return seq;
            }
        }
    }

    /** Writes a packet unchanged, keeping its sequence id. Does not flush. */
    public void write(Packet packet) throws IOException {
        write(packet.sequenceId(), packet.payload());
    }

    public void flush() throws IOException {
        out.flush();
    }
}
