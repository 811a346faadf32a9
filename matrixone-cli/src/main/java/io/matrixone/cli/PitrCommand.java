package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.error.PitrNotFoundException;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.model.PitrUnit;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pitr", description = "Point-in-time recovery ranges: create, list, show, drop, restore.",
        subcommands = {PitrCommand.Create.class, PitrCommand.ListAll.class, PitrCommand.Show.class,
                PitrCommand.Drop.class, PitrCommand.Restore.class})
final class PitrCommand {

    @Command(name = "create", description = "Keep history for a range, e.g. --range 7d (h, d, mo, y).")
    static final class Create extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--database", paramLabel = "DB", description = "A database (else the current account).")
        String database;
        @Option(names = "--range", required = true, paramLabel = "RANGE", converter = RangeConverter.class)
        PitrRange range;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            client.pitrs().create(database == null ? PitrSpec.currentAccount(name, range)
                    : PitrSpec.database(name, database, range));
            out.done("pitr " + name + " created", Map.of("pitr", name));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List PITRs.")
    static final class ListAll extends ClientCommand {
        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            out.rows(client.pitrs().list());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show one PITR (exit code 4 if there is none).")
    static final class Show extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            out.one(client.pitrs().get(name).orElseThrow(() ->
                    new PitrNotFoundException("pitr " + name + " does not exist", 0, null, null, null)));
            return ExitCode.OK;
        }
    }

    @Command(name = "drop", description = "Drop a PITR.")
    static final class Drop extends DropCommand {
        @Override
        String kind() {
            return "pitr";
        }

        @Override
        void drop(MatrixOneClient client, String name, boolean ifExists) {
            if (ifExists) {
                client.pitrs().dropIfExists(name);
            } else {
                client.pitrs().drop(name);
            }
        }
    }

    @Command(name = "restore", description = "Restore a database (or the current account) to an instant in a PITR.")
    static final class Restore extends ClientCommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--database", paramLabel = "DB")
        String database;
        @Option(names = "--time", required = true, paramLabel = "yyyy-MM-ddTHH:mm:ss")
        LocalDateTime time;

        @Override
        ExitCode run(MatrixOneClient client, Output out) {
            client.pitrs().restore(database == null ? PitrRestoreSpec.currentAccount(name, time)
                    : PitrRestoreSpec.database(name, database, time));
            out.done("restored from pitr " + name + " to " + time, Map.of("pitr", name, "time", time.toString()));
            return ExitCode.OK;
        }
    }

    /** {@code 7d}, {@code 12h}, {@code 1mo}, {@code 1y}. */
    static final class RangeConverter implements CommandLine.ITypeConverter<PitrRange> {
        @Override
        public PitrRange convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            int split = 0;
            while (split < v.length() && Character.isDigit(v.charAt(split))) {
                split++;
            }
            if (split == 0) {
                throw new CommandLine.TypeConversionException("range must be a number and a unit (h, d, mo, y), was '" + value + "'");
            }
            int n = Integer.parseInt(v.substring(0, split));
            PitrUnit unit = switch (v.substring(split)) {
                case "h" -> PitrUnit.HOURS;
                case "d" -> PitrUnit.DAYS;
                case "mo" -> PitrUnit.MONTHS;
                case "y" -> PitrUnit.YEARS;
                default -> throw new CommandLine.TypeConversionException("unit must be h, d, mo or y, was '" + value + "'");
            };
            try {
                return PitrRange.of(n, unit);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
