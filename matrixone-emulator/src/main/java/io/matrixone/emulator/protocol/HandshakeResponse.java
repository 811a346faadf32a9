package io.matrixone.emulator.protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The client's Protocol::HandshakeResponse41.
 *
 * @param capabilities      the client's 32 capability bits
 * @param maxPacketSize     the client's max packet size
 * @param charset           the requested collation id
 * @param extraCapabilities the last 4 filler bytes: MariaDB's extended client capabilities, zero otherwise
 * @param username          the login name as sent
 * @param authResponse      the authentication data (a scramble hash, never a clear password for native auth)
 * @param database          the initial database, or {@code null}
 * @param authPluginName    the client's auth plugin, or {@code null}
 * @param attributes        connection attributes in the order sent (empty when none)
 */
public record HandshakeResponse(long capabilities, long maxPacketSize, int charset, long extraCapabilities,
                                String username, byte[] authResponse, String database, String authPluginName,
                                Map<String, String> attributes) {

    public HandshakeResponse {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(authResponse, "authResponse");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An SSLRequest is only the first 32 bytes of the response. */
    public static boolean isSslRequest(byte[] payload) {
        return payload.length == 32 && Capabilities.has(new PayloadReader(payload).u32(), Capabilities.SSL);
    }

    public static HandshakeResponse parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload);
        long caps = r.u32();
        if (!Capabilities.has(caps, Capabilities.PROTOCOL_41)) {
            throw new ProtocolException("client does not support protocol 4.1");
        }
        long maxPacket = r.u32();
        int charset = r.u8();
        r.skip(19);
        long extra = r.u32();
        String username = r.nulString();
        byte[] auth;
        if (Capabilities.has(caps, Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            auth = r.lenencBytes();
        } else if (Capabilities.has(caps, Capabilities.SECURE_CONNECTION)) {
            auth = r.bytes(r.u8());
        } else {
            auth = r.nulBytes();
        }
        String database = null;
        if (Capabilities.has(caps, Capabilities.CONNECT_WITH_DB) && r.hasRemaining()) {
            database = r.nulString();
        }
        String plugin = null;
        if (Capabilities.has(caps, Capabilities.PLUGIN_AUTH) && r.hasRemaining()) {
            plugin = r.nulString();
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        if (Capabilities.has(caps, Capabilities.CONNECT_ATTRS) && r.hasRemaining()) {
            PayloadReader a = new PayloadReader(r.bytes((int) r.lenencInt()));
            while (a.hasRemaining()) {
                attrs.put(a.lenencString(), a.lenencString());
            }
        }
        return new HandshakeResponse(caps, maxPacket, charset, extra, username, auth == null ? new byte[0] : auth,
                database, plugin, attrs);
    }

    public byte[] encode() {
        PayloadWriter w = new PayloadWriter(128)
                .u32(capabilities)
                .u32(maxPacketSize)
                .u8(charset)
                .zeros(19)
                .u32(extraCapabilities)
                .nulString(username);
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            w.lenencBytes(authResponse);
        } else if (Capabilities.has(capabilities, Capabilities.SECURE_CONNECTION)) {
            w.u8(authResponse.length).bytes(authResponse);
        } else {
            w.bytes(authResponse).u8(0);
        }
        if (Capabilities.has(capabilities, Capabilities.CONNECT_WITH_DB)) {
            w.nulString(database == null ? "" : database);
        }
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH)) {
            w.nulString(authPluginName == null ? "" : authPluginName);
        }
        if (Capabilities.has(capabilities, Capabilities.CONNECT_ATTRS)) {
            PayloadWriter a = new PayloadWriter();
            attributes.forEach((k, v) -> a.lenencString(k).lenencString(v));
            w.lenencBytes(a.toByteArray());
        }
        return w.toByteArray();
    }

    public HandshakeResponse withUsername(String name) {
        return new HandshakeResponse(capabilities, maxPacketSize, charset, extraCapabilities, name, authResponse,
                database, authPluginName, attributes);
    }

    /** The same response with another initial database ({@code null}: none, and no CONNECT_WITH_DB). */
    public HandshakeResponse withDatabase(String db) {
        long caps = db == null ? capabilities & ~Capabilities.CONNECT_WITH_DB : capabilities | Capabilities.CONNECT_WITH_DB;
        return new HandshakeResponse(caps, maxPacketSize, charset, extraCapabilities, username, authResponse, db,
                authPluginName, attributes);
    }

    public HandshakeResponse withCapabilities(long caps, long extra) {
        return new HandshakeResponse(caps, maxPacketSize, charset, extra, username, authResponse, database,
                authPluginName, attributes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeResponse h && capabilities == h.capabilities && maxPacketSize == h.maxPacketSize
                && charset == h.charset && extraCapabilities == h.extraCapabilities && username.equals(h.username)
                && Arrays.equals(authResponse, h.authResponse) && Objects.equals(database, h.database)
                && Objects.equals(authPluginName, h.authPluginName) && attributes.equals(h.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(capabilities, username, database, Arrays.hashCode(authResponse));
    }

    /** Leaves out the auth data: it must never reach a log. */
    @Override
    public String toString() {
        return "HandshakeResponse[user=" + username + ", database=" + database + ", plugin=" + authPluginName
                + ", capabilities=0x" + Long.toHexString(capabilities) + "]";
    }
}
