package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.AccountSpec;

import java.util.Arrays;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "account", description = "Tenants: create, list, drop (needs the sys account).",
        subcommands = {AccountCommand.Create.class, AccountCommand.ListAll.class, AccountCommand.Drop.class})
final class AccountCommand {
    static final String ADMIN_PASSWORD_ENV = "MATRIXONE_ADMIN_PASSWORD";

    @Command(name = "create", description = "Create an account with its admin user. The admin's password comes from "
            + ADMIN_PASSWORD_ENV + " or a prompt (--admin-password), never from the command line.")
    static final class Create extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--admin", required = true, paramLabel = "USER")
        String admin;
        @Option(names = "--admin-password", arity = "0", interactive = true, prompt = "Admin password: ",
                description = "Prompt for the admin's password (never echoed).")
        char[] adminPassword;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            String password;
            if (adminPassword != null) {
                password = new String(adminPassword);
                Arrays.fill(adminPassword, ' ');
            } else {
                password = System.getenv(ADMIN_PASSWORD_ENV);
            }
            if (password == null || password.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "the admin password is missing: set " + ADMIN_PASSWORD_ENV + " or pass --admin-password to be asked");
            }
            client.accounts().createAccount(AccountSpec.of(name, admin, password));
            out.done("account " + name + " created", Map.of("account", name, "admin", admin));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List accounts.")
    static final class ListAll extends ClientCommand {
        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            out.rows(client.accounts().listAccounts());
            return ExitCode.OK;
        }
    }

    @Command(name = "drop", description = "Drop an account and everything in it.")
    static final class Drop extends DropCommand {
        @Override
        String kind() {
            return "account";
        }

        @Override
        void drop(MatrixOneClient client, String name, boolean ifExists) {
            if (ifExists) {
                client.accounts().dropAccountIfExists(name);
            } else {
                client.accounts().dropAccount(name);
            }
        }
    }
}
