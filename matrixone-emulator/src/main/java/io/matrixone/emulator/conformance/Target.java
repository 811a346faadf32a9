package io.matrixone.emulator.conformance;

import io.matrixone.emulator.Emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The server the transcripts are replayed against: an emulator the runner starts itself, or any MatrixOne given
 * by URL ({@code matrixone://user:password@host:port}, also {@code mysql://} and {@code jdbc:mysql://}).
 *
 * @param owned what {@link #close()} stops (the emulator this target started), or {@code null}
 */
public record Target(String host, int port, String user, String password, String description, AutoCloseable owned)
        implements AutoCloseable {

    /** Starts an emulator of the given MatrixOne version (with its own MariaDB); closed with this target. */
    public static Target emulator(String version) {
        Emulator mo = Emulator.builder().version(version).build().start();
        return new Target(mo.host(), mo.port(), mo.user(), mo.password(), "the emulator (MatrixOne " + version + ")", mo);
    }

    /** An emulator someone else started and closes. */
    public static Target running(Emulator mo) {
        return new Target(mo.host(), mo.port(), mo.user(), mo.password(), "the emulator (MatrixOne " + mo.version() + ")", null);
    }

    /** A running server; the URL's user and password are the default login (root / 111 when absent). */
    public static Target url(String url) {
        String s = url.trim();
        for (String scheme : new String[] {"jdbc:mysql://", "mysql://", "matrixone://"}) {
            if (s.startsWith(scheme)) {
                s = s.substring(scheme.length());
                break;
            }
        }
        int slash = s.indexOf('/');
        int query = s.indexOf('?');
        int end = slash >= 0 ? slash : query >= 0 ? query : s.length();
        String authority = s.substring(0, end);
        String user = "root";
        String password = "111";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.lastIndexOf(':');
            user = decode(colon >= 0 ? info.substring(0, colon) : info);
            if (colon >= 0) {
                password = decode(info.substring(colon + 1));
            }
        }
        int colon = authority.lastIndexOf(':');
        String host = colon >= 0 ? authority.substring(0, colon) : authority;
        int port = colon >= 0 ? Integer.parseInt(authority.substring(colon + 1)) : 6001;
        return new Target(host.isEmpty() ? "127.0.0.1" : host, port, user, password,
                "MatrixOne at " + host + ":" + port, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }

    /** The description only: the record's default would print the password. */
    @Override
    public String toString() {
        return description;
    }
}
