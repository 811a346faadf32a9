package io.matrixone.async;

import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.version.ServerVersion;

import java.util.concurrent.CompletionStage;

/** What server this is ({@code SELECT version()}, {@code SELECT git_version()}), without blocking. */
public interface AsyncVersionManager {

    /** The server's version, asked now (the client also keeps the one it detected at first connect). */
    CompletionStage<ServerVersion> version();

    /** The build's git commit, or {@code "unknown"}. */
    CompletionStage<String> gitVersion();

    CompletionStage<VersionInfo> info();
}
