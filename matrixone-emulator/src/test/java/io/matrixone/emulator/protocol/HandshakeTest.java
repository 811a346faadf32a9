package io.matrixone.emulator.protocol;

import io.matrixone.emulator.relay.Greeting;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeTest {
    /** What MariaDB 10.11 offers: no CLIENT_MYSQL bit, extended capabilities in the reserved bytes. */
    private static final long MARIADB_CAPS = 0xF7FEL | Capabilities.SSL | Capabilities.COMPRESS
            | Capabilities.MULTI_STATEMENTS | Capabilities.MULTI_RESULTS | Capabilities.PS_MULTI_RESULTS
            | Capabilities.PLUGIN_AUTH | Capabilities.CONNECT_ATTRS | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA
            | Capabilities.SESSION_TRACK | Capabilities.DEPRECATE_EOF;

    static Handshake mariaDbGreeting() {
        byte[] scramble = new byte[20];
        for (int i = 0; i < scramble.length; i++) {
            scramble[i] = (byte) (33 + i);
        }
        return new Handshake("5.5.5-10.11.19-MariaDB-0+deb12u1", 42, scramble, MARIADB_CAPS & ~Capabilities.LONG_PASSWORD,
                45, 2, 0x1D, "mysql_native_password");
    }

    @Test
    void greetingRoundTrips() {
        Handshake h = mariaDbGreeting();
        assertThat(Handshake.parse(h.encode())).isEqualTo(h);
    }

    @Test
    void greetingLayout() {
        byte[] b = mariaDbGreeting().encode();
        PayloadReader r = new PayloadReader(b);
        assertThat(r.u8()).isEqualTo(10);
        assertThat(r.nulString()).isEqualTo("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertThat(r.u32()).isEqualTo(42);
        r.skip(8);
        assertThat(r.u8()).as("filler").isZero();
        r.skip(2 + 1 + 2 + 2);
        assertThat(r.u8()).as("auth data length").isEqualTo(21);
        assertThat(r.bytes(6)).containsOnly(0);
        assertThat(r.u32()).as("MariaDB extended capabilities").isEqualTo(0x1D);
        r.skip(12);
        assertThat(r.u8()).as("scramble terminator").isZero();
        assertThat(r.nulString()).isEqualTo("mysql_native_password");
    }

    @Test
    void rewriteAnnouncesMatrixOneAndDropsWhatItLacks() {
        Handshake h = Greeting.rewrite(mariaDbGreeting(), "4.2.0");
        assertThat(h.serverVersion()).isEqualTo("8.0.30-MatrixOne-v4.2.0");
        assertThat(h.capabilities() & (Capabilities.COMPRESS | Capabilities.SSL | Capabilities.SESSION_TRACK
                | Capabilities.QUERY_ATTRIBUTES)).isZero();
        assertThat(h.capabilities() & Capabilities.LONG_PASSWORD).isNotZero();
        assertThat(h.capabilities() & Capabilities.DEPRECATE_EOF).isNotZero();
        assertThat(h.extraCapabilities()).isZero();
        assertThat(h.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(h.scramble()).isEqualTo(mariaDbGreeting().scramble());
        assertThat(h.connectionId()).isEqualTo(42);
    }

    private static HandshakeResponse clientResponse(long caps) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("_client_name", "test");
        attrs.put("_pid", "1234");
        byte[] auth = new byte[20];
        Arrays.fill(auth, (byte) 7);
        return new HandshakeResponse(caps, 16_777_216, 45, 0x1C, "acc1:admin:accountadmin", auth, "test",
                "mysql_native_password", attrs);
    }

    @Test
    void responseRoundTripsWithAndWithoutLengthEncodedAuthData() {
        long caps = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH
                | Capabilities.CONNECT_WITH_DB | Capabilities.CONNECT_ATTRS | Capabilities.DEPRECATE_EOF;
        for (long c : new long[] {caps, caps | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA}) {
            HandshakeResponse r = clientResponse(c);
            assertThat(HandshakeResponse.parse(r.encode())).isEqualTo(r);
        }
    }

    @Test
    void responseRewriteMasksCapabilitiesAndRenamesTheUser() {
        long caps = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH
                | Capabilities.COMPRESS | Capabilities.SSL | Capabilities.QUERY_ATTRIBUTES | Capabilities.SESSION_TRACK;
        HandshakeResponse r = Greeting.rewrite(clientResponse(caps), "acc1#admin");
        assertThat(r.username()).isEqualTo("acc1#admin");
        // multi-statements always: MatrixOne runs a multi-statement text the client did not announce (F-09)
        assertThat(r.capabilities()).isEqualTo(Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION
                | Capabilities.PLUGIN_AUTH | Capabilities.MULTI_STATEMENTS | Capabilities.MULTI_RESULTS);
        assertThat(r.extraCapabilities()).isZero();
        assertThat(r.authResponse()).isEqualTo(clientResponse(caps).authResponse());
    }

    @Test
    void responseToStringHidesTheAuthData() {
        HandshakeResponse r = clientResponse(Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION);
        assertThat(r.toString()).contains("acc1:admin").doesNotContain(Arrays.toString(r.authResponse()));
    }

    @Test
    void sslRequestIsRecognised() {
        byte[] ssl = new PayloadWriter().u32(Capabilities.PROTOCOL_41 | Capabilities.SSL).u32(1 << 24).u8(45).zeros(23)
                .toByteArray();
        assertThat(HandshakeResponse.isSslRequest(ssl)).isTrue();
        assertThat(HandshakeResponse.isSslRequest(clientResponse(Capabilities.PROTOCOL_41).encode())).isFalse();
    }
}
