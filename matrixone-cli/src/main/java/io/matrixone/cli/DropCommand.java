package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;

import java.util.Map;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code <kind> drop NAME [--if-exists]}, the same for every kind of object. */
abstract class DropCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--if-exists", description = "Succeed when there is nothing of that name.")
    boolean ifExists;

    /** What is dropped, as the output names it: snapshot, pitr ... */
    abstract String kind();

    abstract void drop(MatrixOneClient client, String name, boolean ifExists);

    @Override
    final ExitCode run(MatrixOneClient client, Output out) {
        drop(client, name, ifExists);
        out.done(kind() + " " + name + " dropped", Map.of(kind(), name));
        return ExitCode.OK;
    }
}
