package io.matrixone.core.model;

import io.matrixone.core.version.ServerVersion;

import java.util.Objects;

/**
 * What the server says about itself: {@code SELECT version()} (e.g. {@code 8.0.30-MatrixOne-v4.2.0}) and
 * {@code SELECT git_version()} (the build commit, {@code unknown} when not stamped), mo_sql.md §9.5.
 *
 * @param versionString the raw {@code version()} answer
 * @param version       that answer parsed
 * @param gitVersion    the raw {@code git_version()} answer
 */
public record VersionInfo(String versionString, ServerVersion version, String gitVersion) {

    public VersionInfo {
        Objects.requireNonNull(versionString, "versionString");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(gitVersion, "gitVersion");
    }
}
