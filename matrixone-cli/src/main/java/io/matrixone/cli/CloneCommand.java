package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.CloneSpec;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "clone", description = "Clone a database or a table, live or as of a snapshot.",
        subcommands = {CloneCommand.Database.class, CloneCommand.Table.class})
final class CloneCommand {

    @Command(name = "database", description = "CREATE DATABASE target CLONE source.")
    static final class Database extends ClientCommand {
        @Parameters(paramLabel = "TARGET")
        String target;
        @Option(names = "--from", required = true, paramLabel = "SOURCE")
        String source;
        @Option(names = "--snapshot", paramLabel = "NAME", description = "Clone the source as of this snapshot.")
        String snapshot;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            CloneSpec spec = CloneSpec.database(target, source);
            client.clones().database(snapshot == null ? spec : spec.fromSnapshot(snapshot));
            out.done("database " + target + " cloned from " + source, details(target, source, snapshot));
            return ExitCode.OK;
        }
    }

    @Command(name = "table", description = "CREATE TABLE target CLONE source.")
    static final class Table extends ClientCommand {
        @Parameters(paramLabel = "TARGET_DB.TABLE")
        String target;
        @Option(names = "--from", required = true, paramLabel = "SOURCE_DB.TABLE")
        String source;
        @Option(names = "--snapshot", paramLabel = "NAME", description = "Clone the source as of this snapshot.")
        String snapshot;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            String[] t = Names.qualified(target, "TARGET");
            String[] s = Names.qualified(source, "--from");
            CloneSpec spec = CloneSpec.table(t[0], t[1], s[0], s[1]);
            client.clones().table(snapshot == null ? spec : spec.fromSnapshot(snapshot));
            out.done("table " + target + " cloned from " + source, details(target, source, snapshot));
            return ExitCode.OK;
        }
    }

    static Map<String, Object> details(String target, String source, String snapshot) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("target", target);
        d.put("source", source);
        d.put("snapshot", snapshot);
        return d;
    }
}
