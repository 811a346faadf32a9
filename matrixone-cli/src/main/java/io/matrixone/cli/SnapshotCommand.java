package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.error.SnapshotNotFoundException;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;

import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", description = "Create, list, show and drop snapshots.",
        subcommands = {SnapshotCommand.Create.class, SnapshotCommand.ListAll.class, SnapshotCommand.Show.class,
                SnapshotCommand.Drop.class})
final class SnapshotCommand {

    /** What a snapshot covers: exactly one level. */
    static final class Level {
        @Option(names = "--cluster", description = "The whole cluster.")
        boolean cluster;
        @Option(names = "--account", paramLabel = "ACCOUNT", arity = "0..1", fallbackValue = "",
                description = "An account (the current one without a name).")
        String account;
        @Option(names = "--database", paramLabel = "DB", description = "A database.")
        String database;
        @Option(names = "--table", paramLabel = "DB.TABLE", description = "A table.")
        String table;
    }

    @Command(name = "create", description = "Take a snapshot.")
    static final class Create extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Level level;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            SnapshotSpec spec;
            if (level.cluster) {
                spec = SnapshotSpec.cluster(name);
            } else if (level.database != null) {
                spec = SnapshotSpec.database(name, level.database);
            } else if (level.table != null) {
                String[] t = Names.qualified(level.table, "--table");
                spec = SnapshotSpec.table(name, t[0], t[1]);
            } else {
                spec = level.account.isEmpty() ? SnapshotSpec.account(name) : SnapshotSpec.account(name, level.account);
            }
            Snapshot s = client.snapshots().create(spec);
            out.done("snapshot " + s.name() + " created", Map.of("snapshot", s));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List snapshots.")
    static final class ListAll extends ClientCommand {
        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            out.rows(client.snapshots().list());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show one snapshot (exit code 4 if there is none).")
    static final class Show extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            Snapshot s = client.snapshots().get(name).orElseThrow(() ->
                    new SnapshotNotFoundException("snapshot " + name + " does not exist", 0, null, null, null));
            out.one(s);
            return ExitCode.OK;
        }
    }

    @Command(name = "drop", description = "Drop a snapshot.")
    static final class Drop extends DropCommand {
        @Override
        String kind() {
            return "snapshot";
        }

        @Override
        void drop(MatrixOneClient client, String name, boolean ifExists) {
            if (ifExists) {
                client.snapshots().dropIfExists(name);
            } else {
                client.snapshots().drop(name);
            }
        }
    }
}
