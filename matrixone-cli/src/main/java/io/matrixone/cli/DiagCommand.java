package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.version.Feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A health report: the server's version and build and which MatrixOne features it has, the round-trip time, the
 * login used, the snapshot and PITR inventory (oldest snapshot, PITR ranges), the publications, and with
 * {@code --mo-ctl} a mo_ctl call (a DN checkpoint). Each check reports ok or its error; any failed check gives exit
 * code 7, so a script can run it as a probe.
 */
@Command(name = "diag", description = "Diagnose the server: version and features, latency, snapshots, "
        + "PITRs, publications, and mo_ctl with --mo-ctl. Exit code 7 if a check failed.")
final class DiagCommand extends ClientCommand {
    private static final int PINGS = 5;

    @Option(names = "--mo-ctl", description = "Also call mo_ctl (a DN checkpoint: needs the sys account).")
    boolean moCtl;

    /** One check's outcome. */
    record Check(String check, String status, String detail) {
    }

    @Override
    ExitCode run(MatrixOneClient client, Output out) {
        List<Check> checks = new ArrayList<>();
        Map<String, Object> report = new LinkedHashMap<>();
        check(checks, "server", () -> {
            VersionInfo info = client.version().info();
            report.put("version", info.version().semantic());
            report.put("gitVersion", info.gitVersion());
            return info.versionString();
        });
        Map<String, Boolean> features = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            features.put(f.name(), client.serverVersion().supports(f));
        }
        report.put("features", features);
        checks.add(new Check("features", "ok", features.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).toList().size() + " of " + features.size() + " supported"));
        check(checks, "latency", () -> {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < PINGS; i++) {
                long start = System.nanoTime();
                client.query("SELECT 1").scalarLong();
                best = Math.min(best, System.nanoTime() - start);
            }
            report.put("roundTripMicros", best / 1000);
            return "best of " + PINGS + ": " + best / 1000 + " µs";
        });
        report.put("login", client.options().connection().loginName());
        check(checks, "snapshots", () -> {
            List<Snapshot> snapshots = client.snapshots().list();
            report.put("snapshots", snapshots);
            return snapshots.size() + " snapshot(s)";
        });
        check(checks, "pitrs", () -> {
            List<Pitr> pitrs = client.pitrs().list();
            report.put("pitrs", pitrs);
            return pitrs.size() + " PITR(s)";
        });
        check(checks, "publications", () -> client.publications().list().size() + " publication(s)");
        if (moCtl) {
            check(checks, "mo_ctl", () -> client.moCtl().checkpoint().raw().replaceAll("\\s+", " ").trim());
        }
        report.put("checks", checks);
        boolean healthy = checks.stream().allMatch(c -> c.status().equals("ok"));
        report.put("healthy", healthy);
        if (format == Output.Format.JSON) {
            out.one(report);
        } else {
            out.rows(checks);
        }
        return healthy ? ExitCode.OK : ExitCode.UNHEALTHY;
    }

    private static void check(List<Check> checks, String name, Supplier<String> probe) {
        try {
            checks.add(new Check(name, "ok", probe.get()));
        } catch (RuntimeException e) {
            checks.add(new Check(name, "failed", e.getMessage()));
        }
    }
}
