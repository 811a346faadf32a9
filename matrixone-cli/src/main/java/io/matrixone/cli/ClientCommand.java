package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that talks to the server: connects, runs, prints, closes; failures become exit codes in {@link Main}. */
abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.",
            defaultValue = "table", converter = FormatConverter.class)
    Output.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (MatrixOneClient client = connection.open(System.getenv())) {
            return run(client, new Output(format, out)).code();
        }
    }

    /** Runs the command on a connected client. */
    abstract ExitCode run(MatrixOneClient client, Output out) throws Exception;

    /** Accepts the format in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Output.Format> {
        @Override
        public Output.Format convert(String value) {
            return Output.Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
