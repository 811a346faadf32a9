package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.RestoreSpec;

import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restore", description = "Restore the cluster, an account, a database or a table from a snapshot "
        + "(the grammar of the server's version).")
final class RestoreCommand extends ClientCommand {
    @Option(names = "--snapshot", required = true, paramLabel = "NAME")
    String snapshot;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--cluster")
        boolean cluster;
        @Option(names = "--account", paramLabel = "ACCOUNT")
        String account;
        @Option(names = "--database", paramLabel = "DB")
        String database;
        @Option(names = "--table", paramLabel = "DB.TABLE")
        String table;
    }

    @Override
    ExitCode run(MatrixOneClient client, Output out) {
        RestoreSpec spec;
        String what;
        if (target.cluster) {
            spec = RestoreSpec.cluster(snapshot);
            what = "cluster";
        } else if (target.account != null) {
            spec = RestoreSpec.account(target.account, snapshot);
            what = "account " + target.account;
        } else if (target.database != null) {
            spec = RestoreSpec.database(target.database, snapshot);
            what = "database " + target.database;
        } else {
            String[] t = Names.qualified(target.table, "--table");
            spec = RestoreSpec.table(t[0], t[1], snapshot);
            what = "table " + target.table;
        }
        client.restores().restore(spec);
        out.done(what + " restored from snapshot " + snapshot, Map.of("restored", what, "snapshot", snapshot));
        return ExitCode.OK;
    }
}
