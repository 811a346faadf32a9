package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.VersionInfo;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;

@Command(name = "version", description = "The server's version and build.")
final class VersionCommand extends ClientCommand {
    @Override
    ExitCode run(MatrixOneClient client, Output out) {
        VersionInfo info = client.version().info();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", info.version().semantic());
        doc.put("versionString", info.versionString());
        doc.put("gitVersion", info.gitVersion());
        out.one(doc);
        return ExitCode.OK;
    }
}
