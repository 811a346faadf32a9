package io.matrixone.core.dialect;

import io.matrixone.core.version.ServerVersion;

/** The server versions every dialect test runs against. */
final class Versions {
    static final ServerVersion V3_0_18 = ServerVersion.parse("8.0.30-MatrixOne-v3.0.18");
    static final ServerVersion V4_0_RC1 = ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc1");
    static final ServerVersion V4_2_0 = ServerVersion.parse("8.0.30-MatrixOne-v4.2.0");
    static final ServerVersion DEV = ServerVersion.parse("8.0.30-MatrixOne-v");
    static final ServerVersion OMNIFABRIC = ServerVersion.parse("8.0.30-OmniFabric-v4.0.0-rc2");

    static final Dialect D3 = Dialect.of(V3_0_18);
    static final Dialect D40 = Dialect.of(V4_0_RC1);
    static final Dialect D42 = Dialect.of(V4_2_0);
    static final Dialect DDEV = Dialect.of(DEV);
    static final Dialect DOMNI = Dialect.of(OMNIFABRIC);

    /** Versions whose grammar has RESTORE ... {SNAPSHOT = 's'}. */
    static Dialect[] v4Grammar() {
        return new Dialect[] {D40, D42, DDEV, DOMNI};
    }

    static Dialect[] all() {
        return new Dialect[] {D3, D40, D42, DDEV, DOMNI};
    }

    /** Names a careful SDK must refuse before any SQL exists, whatever their kind (length is tested per kind). */
    static String[] hostileNames() {
        return new String[] {
                "a'b", "a`b", "a\"b", "a\\b", "x\u0000y", "x\ny", "x\ty", "x\u001by", "", " ", " lead", "trail ",
                "x\u202Ey", null};
    }

    private Versions() {
    }
}
