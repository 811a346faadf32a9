package io.matrixone.emulator.protocol;

import java.util.Arrays;

/**
 * The server greeting, Protocol::HandshakeV10.
 *
 * @param serverVersion     the version string
 * @param connectionId      the server's thread id
 * @param scramble          the 20-byte (usually) auth plugin data, without the trailing NUL
 * @param capabilities      the 32 capability bits
 * @param charset           the server's default collation id
 * @param statusFlags       server status flags
 * @param extraCapabilities the 4 bytes after the 6 reserved ones: MariaDB's extended capabilities when
 *                          {@link Capabilities#LONG_PASSWORD} is clear, reserved (zero) otherwise
 * @param authPluginName    the default authentication plugin, or {@code null}
 */
public record Handshake(String serverVersion, long connectionId, byte[] scramble, long capabilities, int charset,
                        int statusFlags, long extraCapabilities, String authPluginName) {

    public static final int PROTOCOL_VERSION = 10;

    public static Handshake parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        int protocol = r.u8();
        if (protocol != PROTOCOL_VERSION) {
            throw new ProtocolException("unsupported handshake protocol version " + protocol);
        }
        String version = r.nulString();
        long connectionId = r.u32();
        byte[] part1 = r.bytes(8);
        r.skip(1);
        long caps = r.u16();
        int charset = 0;
        int status = 0;
        long extra = 0;
        int authDataLength = 0;
        byte[] part2 = new byte[0];
        String plugin = null;
        if (r.hasRemaining()) {
            charset = r.u8();
            status = r.u16();
            caps |= (long) r.u16() << 16;
            authDataLength = r.u8();
            r.skip(6);
            extra = r.u32();
            if (Capabilities.has(caps, Capabilities.SECURE_CONNECTION)) {
                part2 = r.bytes(Math.min(r.remaining(), Math.max(13, authDataLength - 8)));
                if (part2.length > 0 && part2[part2.length - 1] == 0) {
                    part2 = Arrays.copyOf(part2, part2.length - 1);
                }
            }
            if (Capabilities.has(caps, Capabilities.PLUGIN_AUTH) && r.hasRemaining()) {
                plugin = r.nulString();
            }
        }
        byte[] scramble = new byte[part1.length + part2.length];
        System.arraycopy(part1, 0, scramble, 0, part1.length);
        System.arraycopy(part2, 0, scramble, part1.length, part2.length);
        return new Handshake(version, connectionId, scramble, caps, charset, status, extra, plugin);
    }

    public byte[] encode() {
        if (scramble.length < 8) {
            throw new IllegalStateException("scramble shorter than 8 bytes");
        }
        PayloadWriter w = new PayloadWriter(128)
                .u8(PROTOCOL_VERSION)
                .nulString(serverVersion)
                .u32(connectionId)
                .bytes(Arrays.copyOfRange(scramble, 0, 8))
                .u8(0)
                .u16((int) (capabilities & 0xFFFF))
                .u8(charset)
                .u16(statusFlags)
                .u16((int) (capabilities >>> 16 & 0xFFFF))
                .u8(Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH) ? scramble.length + 1 : 0)
                .zeros(6)
                .u32(extraCapabilities);
        if (Capabilities.has(capabilities, Capabilities.SECURE_CONNECTION)) {
            byte[] part2 = Arrays.copyOfRange(scramble, 8, Math.max(scramble.length, 8 + 12));
            w.bytes(part2).u8(0);
        }
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH) && authPluginName != null) {
            w.nulString(authPluginName);
        }
        return w.toByteArray();
    }

    public Handshake withServerVersion(String version) {
        return new Handshake(version, connectionId, scramble, capabilities, charset, statusFlags, extraCapabilities,
                authPluginName);
    }

    public Handshake withCapabilities(long caps, long extra) {
        return new Handshake(serverVersion, connectionId, scramble, caps, charset, statusFlags, extra, authPluginName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Handshake h && serverVersion.equals(h.serverVersion) && connectionId == h.connectionId
                && Arrays.equals(scramble, h.scramble) && capabilities == h.capabilities && charset == h.charset
                && statusFlags == h.statusFlags && extraCapabilities == h.extraCapabilities
                && java.util.Objects.equals(authPluginName, h.authPluginName);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(serverVersion, connectionId, Arrays.hashCode(scramble), capabilities);
    }

    @Override
    public String toString() {
        return "Handshake[version=" + serverVersion + ", connectionId=" + connectionId + ", capabilities=0x"
                + Long.toHexString(capabilities) + ", plugin=" + authPluginName + "]";
    }
}
