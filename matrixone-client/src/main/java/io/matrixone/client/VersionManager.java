package io.matrixone.client;

import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.version.ServerVersion;

/** What server this is: {@code SELECT version()} and {@code SELECT git_version()}. */
public interface VersionManager {

    /** The server's version, asked now (the client also keeps the one it detected at first connect). */
    ServerVersion version();

    /** The build's git commit, or {@code "unknown"}. */
    String gitVersion();

    VersionInfo info();
}
