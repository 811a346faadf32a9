package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkProgress;
import io.matrixone.core.bulk.BulkResult;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = "Bulk-load a CSV file into a table in one transaction (all rows or none), "
        + "with a progress bar and rows/s on stderr.")
final class LoadCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "DB.TABLE")
    String target;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "CSV")
    Path file;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN", description = "Columns in file order "
            + "(default: the header line with --header).")
    List<String> columns;

    @Option(names = "--header", description = "The first line names the columns.")
    boolean header;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR")
    char delimiter;

    @Option(names = "--batch-size", paramLabel = "ROWS", description = "Rows per statement.")
    Integer batchSize;

    @Option(names = "--method", defaultValue = "AUTO", paramLabel = "METHOD", description = "AUTO (default: on "
            + "MatrixOne up to 1,000 rows as INSERT, more staged: LOAD DATA into a temporary table, then one INSERT ... "
            + "SELECT that checks keys), STAGED, LOAD_DATA (straight into the table: fastest, keys not checked on "
            + "MatrixOne) or INSERT.")
    BulkMethod method;

    @Option(names = "--no-progress", description = "No progress bar (it is also off when stderr is not a terminal).")
    boolean noProgress;

    @Override
    ExitCode run(MatrixOneClient client, Output out) throws IOException {
        String[] t = Names.qualified(target, "DB.TABLE");
        long size = Files.size(file);
        AtomicLong read = new AtomicLong();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(new Counting(raw, read), StandardCharsets.UTF_8))) {
            Iterator<List<Object>> rows = Csv.read(reader, delimiter);
            List<String> names = columns;
            if (header) {
                if (!rows.hasNext()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), file + " has no header line");
                }
                List<Object> first = rows.next();
                if (names == null) {
                    names = first.stream().map(String::valueOf).toList();
                }
            }
            if (names == null || names.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "name the columns with --columns or --header");
            }
            Iterable<List<Object>> source = () -> rows;
            BulkInsert insert = BulkInsert.into(t[0], t[1]).columns(names).rows(source).method(method);
            if (batchSize != null) {
                insert = insert.batchSize(batchSize);
            }
            PrintWriter err = spec.commandLine().getErr();
            boolean bar = !noProgress && System.console() != null;
            insert = insert.onProgress(p -> progress(err, p, read.get(), size, bar));
            BulkResult result = client.bulkInsert(insert);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("table", target);
            details.put("rows", result.rows());
            details.put("method", result.method().name());
            details.put("seconds", result.elapsed().toMillis() / 1000.0);
            details.put("rowsPerSecond", Math.round(result.rowsPerSecond()));
            out.done(String.format("loaded %,d rows into %s in %.1f s (%,d rows/s)", result.rows(), target,
                    result.elapsed().toMillis() / 1000.0, Math.round(result.rowsPerSecond())), details);
        }
        return ExitCode.OK;
    }

    /** A bar on a terminal, redrawn in place; one line per batch otherwise, so logs stay readable. */
    private static void progress(PrintWriter err, BulkProgress p, long bytes, long size, boolean bar) {
        double fraction = size == 0 ? 1 : Math.min(1, (double) bytes / size);
        if (bar) {
            int filled = (int) Math.round(fraction * 30);
            err.printf("\r[%s%s] %3d%%  %,d rows  %,d rows/s", "#".repeat(filled), "-".repeat(30 - filled),
                    Math.round(fraction * 100), p.rows(), Math.round(p.rowsPerSecond()));
            if (p.done()) {
                err.println();
            }
        } else {
            err.printf("progress: %d%% %d rows %d rows/s%n", Math.round(fraction * 100), p.rows(),
                    Math.round(p.rowsPerSecond()));
        }
        err.flush();
    }

    /** Counts the bytes read, for the bar's fraction of the file. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
