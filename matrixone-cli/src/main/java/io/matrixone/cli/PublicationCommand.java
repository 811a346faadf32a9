package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.PublicationSpec;

import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publication", description = "Share databases with other accounts: create, list, drop.",
        subcommands = {PublicationCommand.Create.class, PublicationCommand.ListAll.class, PublicationCommand.Drop.class})
final class PublicationCommand {

    @Command(name = "create", description = "Publish a database to accounts.")
    static final class Create extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--database", required = true, paramLabel = "DB")
        String database;
        @Option(names = "--to", required = true, split = ",", paramLabel = "ACCOUNT", description = "Accounts, comma-separated.")
        List<String> accounts;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            client.publications().create(PublicationSpec.database(name, database).toAccounts(accounts.toArray(String[]::new)));
            out.done("publication " + name + " created", Map.of("publication", name, "accounts", accounts));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List publications.")
    static final class ListAll extends ClientCommand {
        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            out.rows(client.publications().list());
            return ExitCode.OK;
        }
    }

    @Command(name = "drop", description = "Drop a publication.")
    static final class Drop extends DropCommand {
        @Override
        String kind() {
            return "publication";
        }

        @Override
        void drop(MatrixOneClient client, String name, boolean ifExists) {
            if (ifExists) {
                client.publications().dropIfExists(name);
            } else {
                client.publications().drop(name);
            }
        }
    }
}
