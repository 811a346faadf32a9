package io.matrixone.core.dialect;

import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.result.Result;
import io.matrixone.core.version.ServerVersion;

/**
 * What the server is (mo_sql.md §9.5): {@code SELECT version()} answers {@code 8.0.30-MatrixOne-v4.2.0} (or a
 * bare {@code -v} on development builds), {@code SELECT git_version()} the build commit. The same for every
 * server version, so clients can ask before they have a {@link Dialect}: see {@link #detect()}.
 */
@Managed(accessor = "version", name = "Version", doc = "What the server is: its version and build.")
public final class VersionSql {
    static final String VERSION_SQL = "SELECT version()";
    static final String GIT_VERSION_SQL = "SELECT git_version()";

    VersionSql() {
    }

    /** The version, from a fresh builder: what a client runs first to pick its dialect. */
    public static Operation<ServerVersion> detect() {
        return Operation.of(Statement.of(VERSION_SQL), r -> ServerVersion.parse(text(r)));
    }

    /** {@code SELECT version()}, parsed: the server's version as it reports it now. */
    @Managed.Op(now = true)
    public Operation<ServerVersion> serverVersion() {
        return detect();
    }

    /** {@code SELECT git_version()}, as sent. */
    @Managed.Op(now = true)
    public Operation<String> gitVersion() {
        return Operation.of(Statement.of(GIT_VERSION_SQL), VersionSql::text);
    }

    /** Both answers: {@code SELECT version()}, then {@code SELECT git_version()}. */
    @Managed.Op(now = true)
    public Operation<VersionInfo> info() {
        return Operation.of(Statement.of(VERSION_SQL), VersionSql::text)
                .then(raw -> gitVersion().map(git -> new VersionInfo(raw, ServerVersion.parse(raw), git)));
    }

    private static String text(Result r) {
        String s = r.one().getString(0);
        if (s == null) {
            throw new IllegalStateException("the server answered NULL");
        }
        return s;
    }
}
