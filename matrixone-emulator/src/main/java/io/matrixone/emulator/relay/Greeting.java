package io.matrixone.emulator.relay;

import io.matrixone.emulator.protocol.Capabilities;
import io.matrixone.emulator.protocol.Handshake;
import io.matrixone.emulator.protocol.HandshakeResponse;

/**
 * Makes MariaDB's handshake look like MatrixOne's: MatrixOne's version string and no capability MatrixOne
 * lacks, so drivers take their MySQL paths and never MariaDB-only ones.
 */
public final class Greeting {
    /** Capabilities MatrixOne never offers (no TLS in the emulator either); cleared both ways. */
    public static final long MASKED = Capabilities.COMPRESS | Capabilities.SSL | Capabilities.SESSION_TRACK
            | Capabilities.QUERY_ATTRIBUTES | Capabilities.ZSTD_COMPRESSION | Capabilities.OPTIONAL_RESULTSET_METADATA
            | Capabilities.MULTI_FACTOR_AUTHENTICATION | Capabilities.CAPABILITY_EXTENSION
            | Capabilities.SSL_VERIFY_SERVER_CERT;

    private Greeting() {
    }

    public static String serverVersion(String targetVersion) {
        return "8.0.30-MatrixOne-v" + targetVersion;
    }

    /**
     * The greeting the client sees. LONG_PASSWORD (a.k.a. CLIENT_MYSQL) is set, as MatrixOne and MySQL do, and
     * MariaDB's extended capabilities are zeroed: both tell MariaDB drivers that this is not a MariaDB server.
     */
    public static Handshake rewrite(Handshake mariaDb, String targetVersion) {
        long caps = (mariaDb.capabilities() | Capabilities.LONG_PASSWORD) & ~MASKED;
        return mariaDb.withServerVersion(serverVersion(targetVersion)).withCapabilities(caps, 0);
    }

    /**
     * The response MariaDB gets: masked capabilities plus multi-statements, no MariaDB extensions, the MariaDB user
     * name.
     */
    public static HandshakeResponse rewrite(HandshakeResponse client, String backendUser) {
        return rewrite(client, backendUser, 0);
    }

    /**
     * The response MariaDB gets, asking for MariaDB's extended type information when MariaDB offers it
     * ({@code serverExtra}): the relay needs it to describe JSON and UUID columns as MatrixOne does and strips it from
     * every column definition before the client sees one ({@link MatrixOneColumns}). MariaDB reads the extended
     * capabilities only from a client that does not claim to be MySQL, so LONG_PASSWORD (CLIENT_MYSQL) is cleared.
     */
    public static HandshakeResponse rewrite(HandshakeResponse client, String backendUser, long serverExtra) {
        long extra = serverExtra & Capabilities.MARIADB_EXTENDED_METADATA;
        // MatrixOne runs a multi-statement text whether or not the client asked for it (finding F-09); MariaDB
        // only when asked
        long caps = client.capabilities() & ~MASKED | Capabilities.MULTI_STATEMENTS | Capabilities.MULTI_RESULTS;
        if (extra != 0) {
            caps &= ~Capabilities.LONG_PASSWORD;
        }
        return client.withCapabilities(caps, extra).withUsername(backendUser);
    }
}
