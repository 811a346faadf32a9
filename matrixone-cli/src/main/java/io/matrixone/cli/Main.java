package io.matrixone.cli;

import io.matrixone.core.error.MatrixOneException;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code matrixone}: MatrixOne's own features from a terminal or a script. Connection from flags, {@code --url} or
 * {@code MATRIXONE_*}; results as a table or JSON ({@code -o json}); exit codes in {@link ExitCode}.
 */
@Command(name = "matrixone", versionProvider = Main.Version.class,
        description = "Manage a MatrixOne server: snapshots, clones, restore, PITR, publications, accounts, bulk "
                + "load and export, mo_ctl, diagnostics.",
        subcommands = {SnapshotCommand.class, CloneCommand.class, RestoreCommand.class, PitrCommand.class,
                PublicationCommand.class, AccountCommand.class, LoadCommand.class, ExportCommand.class,
                VersionCommand.class, MoCtlCommand.class, DiagCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the CLI's version and exit.")
    boolean version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; {@code out} gets results, {@code err} messages. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.getCommandSpec().usageMessage().footer(ExitCode.describe());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            ExitCode code = ExitCode.of(e);
            // the SDK's messages never hold a password (literals are masked); no stack trace for server errors
            commandLine.getErr().println("matrixone: " + describe(e));
            if (code == ExitCode.FAILED && !(e instanceof MatrixOneException) && System.getenv("MATRIXONE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return code.code();
        });
        return cli.execute(args);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The CLI's version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"matrixone CLI " + (v == null ? "(development build)" : v)};
        }
    }
}
