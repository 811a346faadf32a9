package io.matrixone.core.version;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the server a client talks to, parsed from {@code SELECT version()} or the handshake:
 * {@code 8.0.30-MatrixOne-v4.2.0}, {@code 8.0.30-MatrixOne-v4.0.0-rc1}, {@code 8.0.30-OmniFabric-v4.0.0-rc2},
 * or a bare {@code 8.0.30-MatrixOne-v} from a development build, which is treated as newer than every release.
 *
 * <p>A bare release number is MatrixOne when it has a {@code v} prefix or a major version of at most 4
 * ({@code 4.2.0}, {@code v3.0.18}). Anything else (a plain MySQL {@code 8.0.36} or MariaDB
 * {@code 5.5.5-10.11.19-MariaDB}) parses as a non-MatrixOne server; feature checks then assume the newest grammar. {@link #supports(Feature)} is the one place that gates grammar by version.
 */
public record ServerVersion(String raw, String brand, int major, int minor, int patch, String preRelease,
                            boolean devBuild) implements Comparable<ServerVersion> {

    private static final Pattern MO = Pattern.compile(
            "^(?:\\d+\\.\\d+\\.\\d+-)?(MatrixOne|OmniFabric)-v(?:(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-([0-9A-Za-z.\\-]+))?)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-([0-9A-Za-z.\\-]+))?$");

    /**
     * The highest major version read as MatrixOne when written bare ({@code 4.2.0}); MySQL (5.x, 8.x, 9.x) and
     * MariaDB (10.x, 11.x) report bare numbers too. A later MatrixOne release can always be written {@code v5.0.0}.
     */
    private static final int MAX_BARE_MATRIXONE_MAJOR = 4;

    /** A development build of MatrixOne: newer than any release. */
    public static final ServerVersion DEV = new ServerVersion("8.0.30-MatrixOne-v", "MatrixOne", 0, 0, 0, null, true);

    public ServerVersion {
        Objects.requireNonNull(raw, "raw");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must be >= 0");
        }
    }

    /**
     * Parses a version string as the server reports it.
     *
     * @throws IllegalArgumentException when the text is empty or unreadable
     */
    public static ServerVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("version string must not be empty");
        }
        String s = text.trim();
        Matcher m = MO.matcher(s);
        if (m.matches()) {
            String brand = m.group(1).equalsIgnoreCase("OmniFabric") ? "OmniFabric" : "MatrixOne";
            if (m.group(2) == null) {
                return new ServerVersion(s, brand, 0, 0, 0, null, true);
            }
            return new ServerVersion(s, brand, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5), false);
        }
        Matcher p = PLAIN.matcher(s);
        if (p.matches() && (s.startsWith("v") || Integer.parseInt(p.group(1)) <= MAX_BARE_MATRIXONE_MAJOR)) {
            // "4.2.0" or "v4.2.0": a MatrixOne release named without the prefix (e.g. in configuration).
            // A bare "8.0.36" or "10.11.19-MariaDB" is what MySQL and MariaDB answer, so it is not read as one.
            return new ServerVersion(s, "MatrixOne", Integer.parseInt(p.group(1)), Integer.parseInt(p.group(2)),
                    p.group(3) == null ? 0 : Integer.parseInt(p.group(3)), p.group(4), false);
        }
        Matcher other = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)(.*)$").matcher(s);
        if (other.matches()) {
            String rest = other.group(4).toLowerCase(Locale.ROOT);
            if (rest.contains("matrixone") || rest.contains("omnifabric")) {
                // a MatrixOne version we cannot read must not pass for MySQL and silently get the newest grammar
                throw new IllegalArgumentException("unrecognised server version string: " + s);
            }
            String brand = rest.contains("mariadb") ? "MariaDB" : "MySQL";
            return new ServerVersion(s, brand, Integer.parseInt(other.group(1)), Integer.parseInt(other.group(2)),
                    Integer.parseInt(other.group(3)), null, false);
        }
        throw new IllegalArgumentException("unrecognised server version string: " + s);
    }

    /** A MatrixOne release, for tests and for pinning the dialect without asking the server. */
    public static ServerVersion of(int major, int minor, int patch) {
        return new ServerVersion(major + "." + minor + "." + patch, "MatrixOne", major, minor, patch, null, false);
    }

    /** Whether this is MatrixOne (or its OmniFabric brand) rather than another MySQL-compatible server. */
    public boolean isMatrixOne() {
        return brand.equals("MatrixOne") || brand.equals("OmniFabric");
    }

    /** Whether the grammar or behaviour {@code feature} is available on this server. */
    public boolean supports(Feature feature) {
        if (devBuild || !isMatrixOne()) {
            return feature.inNewest();
        }
        return feature.availableIn(this);
    }

    /** {@code major.minor.patch[-pre]}, or {@code dev}. */
    public String semantic() {
        if (devBuild) {
            return "dev";
        }
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }

    /** Orders releases by number; a pre-release sorts before its release; a dev build sorts last. */
    @Override
    public int compareTo(ServerVersion o) {
        if (devBuild || o.devBuild) {
            return Boolean.compare(devBuild, o.devBuild);
        }
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0) {
            c = comparePre(preRelease, o.preRelease);
        }
        return c;
    }

    public boolean atLeast(ServerVersion other) {
        return compareTo(other) >= 0;
    }

    private static int comparePre(String a, String b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        if (a == null) {
            return 1;
        }
        if (b == null) {
            return -1;
        }
        // rc1 < rc2 < rc10: compare the alphabetic prefix, then the number
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        int c = pa.compareToIgnoreCase(pb);
        if (c != 0) {
            return c;
        }
        String na = a.substring(pa.length());
        String nb = b.substring(pb.length());
        if (!na.isEmpty() && !nb.isEmpty()) {
            return Long.compare(Long.parseLong(na), Long.parseLong(nb));
        }
        return a.compareToIgnoreCase(b);
    }

    @Override
    public String toString() {
        return brand + " " + semantic();
    }
}
