package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.MoCtlResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "mo-ctl", description = "Call mo_ctl: flush DB TABLE, checkpoint, or call SERVICE COMMAND [PARAMETER].",
        subcommands = {MoCtlCommand.Flush.class, MoCtlCommand.Checkpoint.class, MoCtlCommand.Call.class})
final class MoCtlCommand {

    static void print(Output out, MoCtlResult r) {
        out.one(java.util.Map.of("method", r.method() == null ? "" : r.method(), "result", r.raw()));
    }

    @Command(name = "flush", description = "Flush a table's in-memory data to storage.")
    static final class Flush extends ClientCommand {
        @Parameters(index = "0", paramLabel = "DB")
        String database;
        @Parameters(index = "1", paramLabel = "TABLE")
        String table;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            print(out, client.moCtl().flush(database, table));
            return ExitCode.OK;
        }
    }

    @Command(name = "checkpoint", description = "Force a checkpoint.")
    static final class Checkpoint extends ClientCommand {
        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            print(out, client.moCtl().checkpoint());
            return ExitCode.OK;
        }
    }

    @Command(name = "call", description = "Any mo_ctl command, e.g. call dn checkpoint.")
    static final class Call extends ClientCommand {
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;
        @Parameters(index = "1", paramLabel = "COMMAND")
        String command;
        @Parameters(index = "2", paramLabel = "PARAMETER", defaultValue = "")
        String parameter;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            print(out, client.moCtl().call(io.matrixone.core.model.MoCtlService.parse(service), command, parameter));
            return ExitCode.OK;
        }
    }
}
