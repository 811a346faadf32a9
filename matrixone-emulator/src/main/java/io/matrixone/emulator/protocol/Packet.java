package io.matrixone.emulator.protocol;

/**
 * One logical MySQL packet: the payload of one frame, or of several frames joined when the payload is 16 MiB or more.
 *
 * @param sequenceId sequence id of the first frame
 * @param payload    the joined payload
 */
public record Packet(int sequenceId, byte[] payload) {

    /** The largest payload of a single frame; a frame this long is continued by the next one. */
    public static final int MAX_FRAME_PAYLOAD = 0xFF_FFFF;

    public Packet {
        sequenceId &= 0xFF;
    }

    /** First payload byte (the packet type for responses, the command for requests), or -1 when empty. */
    public int header() {
        return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }

    public int length() {
        return payload.length;
    }

    /** The number of frames this packet occupies on the wire. */
    public int frameCount() {
        return payload.length / MAX_FRAME_PAYLOAD + 1;
    }

    /** The sequence id that follows this packet. */
    public int nextSequenceId() {
        return (sequenceId + frameCount()) & 0xFF;
    }

    public PayloadReader reader() {
        return new PayloadReader(payload);
    }
}
