package io.matrixone.emulator.engine;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MatrixOne release the emulator imitates, e.g. {@code 4.2.0}, {@code 3.0.18}, {@code 4.0.0-rc1}.
 * Pre-releases sort before their release ({@code 4.0.0-rc1 < 4.0.0}).
 */
record TargetVersion(String text, int major, int minor, int patch, String preRelease) implements Comparable<TargetVersion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?");

    /** First release with the {@code RESTORE ...{SNAPSHOT = s}} grammar (commit 6595e622f1, mo_sql.md §0). */
    static final TargetVersion NEW_RESTORE_GRAMMAR = parse("4.0.0-rc1");
    /** Last release where any SET commits the open transaction (issue #26872, mo_sql.md §10.4). */
    static final TargetVersion LAST_SET_COMMITS = parse("4.2.0");

    static TargetVersion parse(String text) {
        Objects.requireNonNull(text, "targetVersion");
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MatrixOne version: " + text);
        }
        return new TargetVersion(text.trim().startsWith("v") ? text.trim().substring(1) : text.trim(),
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    }

    /** v4 restore grammar ({@code RESTORE ... {SNAPSHOT = s}}) instead of v3's {@code ... FROM SNAPSHOT s}. */
    boolean hasNewRestoreGrammar() {
        return compareTo(NEW_RESTORE_GRAMMAR) >= 0;
    }

    /** Whether a SET inside an active transaction commits it first (every release up to v4.2.0). */
    boolean setCommitsTransaction() {
        return compareTo(LAST_SET_COMMITS) <= 0;
    }

    /** 4.x-only syntax: {@code COPY GRANTS}, {@code kind} column in mo_snapshots, ... */
    boolean isV4OrLater() {
        return major >= 4;
    }

    @Override
    public int compareTo(TargetVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0) {
            if (preRelease == null || o.preRelease == null) {
                c = preRelease == null ? (o.preRelease == null ? 0 : 1) : -1;
            } else {
                c = preRelease.compareTo(o.preRelease);
            }
        }
        return c;
    }
}
