package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Stream a table or a query's rows to CSV or JSON lines, in constant memory.")
final class ExportCommand extends ClientCommand {

    static final class Source {
        @Option(names = "--table", paramLabel = "DB.TABLE")
        String table;
        @Option(names = "--query", paramLabel = "SQL")
        String query;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|jsonl")
    String fileFormat;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH", description = "Write here (default: standard output).")
    Path file;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR")
    char delimiter;

    @Override
    ExitCode run(MatrixOneClient client, Output out) throws IOException {
        String sql;
        if (source.table != null) {
            String[] t = Names.qualified(source.table, "--table");
            sql = "SELECT * FROM " + Identifiers.quote(t[0], NameKind.DATABASE) + "." + Identifiers.quote(t[1], NameKind.TABLE);
        } else {
            sql = source.query;
        }
        boolean json = fileFormat.equalsIgnoreCase("jsonl") || fileFormat.equalsIgnoreCase("json");
        Writer writer = file == null ? spec.commandLine().getOut()
                : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
        long rows;
        try {
            boolean[] headerDone = {false};
            rows = client.stream(sql, List.of(), row -> {
                try {
                    List<Object> values = new ArrayList<>(row.size());
                    for (int i = 0; i < row.size(); i++) {
                        values.add(row.get(i));
                    }
                    if (json) {
                        Map<String, Object> doc = new java.util.LinkedHashMap<>();
                        for (int i = 0; i < values.size(); i++) {
                            Object v = values.get(i);
                            doc.put(row.columnNames().get(i), v instanceof Number || v == null || v instanceof Boolean ? v : Output.text(v));
                        }
                        writer.write(Output.json(doc));
                        writer.write('\n');
                    } else {
                        if (!headerDone[0]) {
                            writer.write(Csv.line(row.columnNames(), delimiter));
                            headerDone[0] = true;
                        }
                        writer.write(Csv.line(values, delimiter));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            writer.flush();
            if (file != null) {
                writer.close();
            }
        }
        if (file != null) {
            out.done("exported " + rows + " rows to " + file, Map.of("rows", rows, "file", file.toString()));
        } else {
            spec.commandLine().getErr().println("exported " + rows + " rows");
        }
        return ExitCode.OK;
    }
}
