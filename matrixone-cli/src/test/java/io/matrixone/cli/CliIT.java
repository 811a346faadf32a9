package io.matrixone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar, run as a separate process against the emulator, as a script would. */
@ExtendWith(EmulatorExtension.class)
class CliIT {

    record Run(int exit, String out, String err) {
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("cli.jar", "target/matrixone-cli-all.jar"));
        assertThat(jar).as("the shaded jar (built in package)").exists();
        return jar;
    }

    /** The server from the environment, as MATRIXONE_* (the password too, unless the test prompts for it). */
    private static Map<String, String> env(Emulator mo, boolean withPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("MATRIXONE_HOST", mo.host());
        env.put("MATRIXONE_PORT", String.valueOf(mo.port()));
        env.put("MATRIXONE_USER", mo.user());
        env.put("MATRIXONE_DATABASE", mo.database());
        if (withPassword) {
            env.put("MATRIXONE_PASSWORD", mo.password());
        }
        return env;
    }

    private static Run cli(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString())); // C1 only: a short-lived process starts faster
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("MATRIXONE_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Run cli(Emulator mo, String... args) throws IOException, InterruptedException {
        return cli(env(mo, true), null, args);
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static MatrixOneClient client(Emulator mo) {
        return MatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()).user(mo.user()).password(mo.password())
                .database(mo.database()).maxPoolSize(2).minIdle(0));
    }

    @Test
    void versionAsTableAndAsJson(Emulator mo) throws Exception {
        Run table = cli(mo, "version");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("version", mo.version());
        Run json = cli(mo, "version", "-o", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out().strip()).startsWith("{").endsWith("}").contains("\"version\":\"" + mo.version() + "\"");
    }

    @Test
    void snapshotLifecycleWithExitCodesForScripts(Emulator mo) throws Exception {
        String name = unique("cli_snap");
        assertThat(cli(mo, "snapshot", "create", name, "--database", mo.database()).exit()).isZero();
        Run list = cli(mo, "snapshot", "list", "-o", "json");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("\"name\":\"" + name + "\"", "\"level\":\"DATABASE\"");
        assertThat(cli(mo, "snapshot", "show", name).out()).contains(name);
        Run again = cli(mo, "snapshot", "create", name, "--database", mo.database());
        assertThat(again.exit()).isEqualTo(ExitCode.EXISTS.code());
        assertThat(again.err()).startsWith("matrixone: ");
        assertThat(cli(mo, "snapshot", "drop", name).exit()).isZero();
        assertThat(cli(mo, "snapshot", "show", name).exit()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(cli(mo, "snapshot", "drop", name).exit()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(cli(mo, "snapshot", "drop", name, "--if-exists").exit()).isZero();
    }

    @Test
    void thePasswordIsPromptedAndNeverEchoed(Emulator mo) throws Exception {
        Run ok = cli(env(mo, false), mo.password() + "\n", "version", "-p");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("Password: ").contains(mo.version());
        assertThat(ok.out().replace("Password: ", "")).doesNotContain("Password").doesNotContain(mo.password() + "\n");
        assertThat(ok.err()).doesNotContain(mo.password());
        Run wrong = cli(env(mo, false), "not-the-password\n", "version", "-p");
        assertThat(wrong.exit()).isEqualTo(ExitCode.CONNECTION.code());
        assertThat(wrong.out() + wrong.err()).doesNotContain("not-the-password");
        // a value after -p is not a password: the command line refuses it (exit 2), it is never used
        Run inline = cli(env(mo, false), null, "version", "--password=secret");
        assertThat(inline.exit()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void usageAndConnectionFailuresHaveTheirOwnCodes(Emulator mo) throws Exception {
        assertThat(cli(mo, "snapshot", "create").exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli(mo, "no-such-command").exit()).isEqualTo(ExitCode.USAGE.code());
        Run refused;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            int closedPort = free.getLocalPort();
            free.close();
            refused = cli(mo, "version", "-P", String.valueOf(closedPort), "--connect-timeout", "3");
        }
        assertThat(refused.exit()).isEqualTo(ExitCode.CONNECTION.code());
        assertThat(cli(mo, "--help").out()).contains("Exit codes:", "diag");
    }

    @Test
    void loadShowsProgressAndIsAllOrNothing(Emulator mo, @TempDir Path dir) throws Exception {
        String table = unique("cli_load");
        try (MatrixOneClient client = client(mo)) {
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40), note VARCHAR(40))");
            StringBuilder csv = new StringBuilder("id,name,note\n");
            for (int i = 1; i <= 2500; i++) {
                csv.append(i).append(",\"name, ").append(i).append("\",").append(i % 10 == 0 ? "\\N" : "\"say \"\"hi\"\"\"").append('\n');
            }
            Path file = dir.resolve("rows.csv");
            Files.writeString(file, csv);
            Run load = cli(mo, "load", mo.database() + "." + table, "-f", file.toString(), "--header",
                    "--batch-size", "500", "-o", "json");
            assertThat(load.exit()).as(load.err()).isZero();
            assertThat(load.out()).contains("\"status\":\"ok\"", "\"rows\":2500", "\"method\":\"STAGED\"",
                    "\"rowsPerSecond\":");
            assertThat(load.err()).contains("progress: 100%", "rows/s");
            assertThat(client.query("SELECT COUNT(*) FROM " + table).scalarLong()).isEqualTo(2500);
            assertThat(client.query("SELECT COUNT(*) FROM " + table + " WHERE note IS NULL").scalarLong()).isEqualTo(250);
            assertThat(client.query("SELECT name, note FROM " + table + " WHERE id = 7").one().getString("note"))
                    .isEqualTo("say \"hi\"");

            Path dup = dir.resolve("dup.csv");
            Files.writeString(dup, "id,name,note\n9001,a,b\n9002,c,d\n1,again,e\n");
            Run failed = cli(mo, "load", mo.database() + "." + table, "-f", dup.toString(), "--header");
            assertThat(failed.exit()).isEqualTo(ExitCode.REFUSED.code());
            assertThat(client.query("SELECT COUNT(*) FROM " + table + " WHERE id > 9000").scalarLong()).isZero();

            // the mechanism can be chosen; a name picocli does not know is refused before anything is sent
            Path more = dir.resolve("more.csv");
            Files.writeString(more, "id,name,note\n9101,a,b\n9102,c,d\n");
            Run insert = cli(mo, "load", mo.database() + "." + table, "-f", more.toString(), "--header",
                    "--method", "INSERT", "-o", "json");
            assertThat(insert.exit()).as(insert.err()).isZero();
            assertThat(insert.out()).contains("\"rows\":2", "\"method\":\"INSERT\"");
            Run bad = cli(mo, "load", mo.database() + "." + table, "-f", more.toString(), "--header", "--method", "FAST");
            assertThat(bad.exit()).isNotZero();
            assertThat(bad.err()).contains("FAST");
            assertThat(client.query("SELECT COUNT(*) FROM " + table).scalarLong()).isEqualTo(2502);
        }
    }

    @Test
    void exportStreamsCsvAndJsonLines(Emulator mo, @TempDir Path dir) throws Exception {
        String table = unique("cli_exp");
        try (MatrixOneClient client = client(mo)) {
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40))");
            client.execute("INSERT INTO " + table + " VALUES (1, 'a,b'), (2, NULL)");
        }
        Path out = dir.resolve("out.csv");
        Run csv = cli(mo, "export", "--table", mo.database() + "." + table, "-f", out.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("id,name\n1,\"a,b\"\n2,\\N\n");
        Run jsonl = cli(mo, "export", "--query", "SELECT id, name FROM " + table + " ORDER BY id", "--format", "jsonl");
        assertThat(jsonl.exit()).isZero();
        assertThat(jsonl.out()).isEqualTo("{\"id\":1,\"name\":\"a,b\"}\n{\"id\":2,\"name\":null}\n");
    }

    @Test
    void cloneRestorePitrPublicationAccountAndMoCtl(Emulator mo) throws Exception {
        String source = unique("cli_src");
        String copy = unique("cli_copy");
        String snap = unique("cli_snap");
        try (MatrixOneClient client = client(mo)) {
            client.execute("CREATE DATABASE " + source);
            client.execute("CREATE TABLE " + source + ".t (id INT PRIMARY KEY)");
            client.execute("INSERT INTO " + source + ".t VALUES (1), (2)");
            assertThat(cli(mo, "snapshot", "create", snap, "--database", source).exit()).isZero();
            client.execute("INSERT INTO " + source + ".t VALUES (3)");

            assertThat(cli(mo, "clone", "database", copy, "--from", source, "--snapshot", snap).exit()).isZero();
            assertThat(client.query("SELECT COUNT(*) FROM " + copy + ".t").scalarLong()).isEqualTo(2);

            Run restore = cli(mo, "restore", "--database", source, "--snapshot", snap);
            assertThat(restore.exit()).as(restore.err()).isZero();
            assertThat(client.query("SELECT COUNT(*) FROM " + source + ".t").scalarLong()).isEqualTo(2);

            String pitr = unique("cli_pitr");
            assertThat(cli(mo, "pitr", "create", pitr, "--database", source, "--range", "2d").exit()).isZero();
            assertThat(cli(mo, "pitr", "list", "-o", "json").out()).contains(pitr);
            assertThat(cli(mo, "pitr", "create", pitr, "--database", source, "--range", "2d").exit())
                    .isEqualTo(ExitCode.EXISTS.code());
            assertThat(cli(mo, "pitr", "create", pitr, "--range", "500d").exit()).isEqualTo(ExitCode.USAGE.code());
            assertThat(cli(mo, "pitr", "drop", pitr).exit()).isZero();

            String account = unique("cli_acc");
            Map<String, String> env = env(mo, true);
            env.put(AccountCommand.ADMIN_PASSWORD_ENV, "Adm1n-secret");
            Run created = cli(env, null, "account", "create", account, "--admin", "boss");
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.out() + created.err()).doesNotContain("Adm1n-secret");
            assertThat(cli(mo, "account", "list").out()).contains(account);

            String pub = unique("cli_pub");
            assertThat(cli(mo, "publication", "create", pub, "--database", source, "--to", account).exit()).isZero();
            assertThat(cli(mo, "publication", "list", "-o", "json").out()).contains(pub);
            assertThat(cli(mo, "publication", "drop", pub).exit()).isZero();
            assertThat(cli(mo, "account", "drop", account).exit()).isZero();
            assertThat(cli(mo, "account", "create", account, "--admin", "boss").exit())
                    .isEqualTo(ExitCode.USAGE.code()); // no admin password anywhere

            Run flush = cli(mo, "mo-ctl", "flush", source, "t");
            assertThat(flush.exit()).as(flush.err()).isZero();
            assertThat(flush.out()).contains("Flush");
            assertThat(cli(mo, "mo-ctl", "flush", source, "no_such_table").exit()).isEqualTo(ExitCode.NOT_FOUND.code());
        }
    }

    @Test
    void diagReportsHealthAndTheInventory(Emulator mo) throws Exception {
        String snap = unique("cli_diag");
        assertThat(cli(mo, "snapshot", "create", snap, "--database", mo.database()).exit()).isZero();
        Run table = cli(mo, "diag", "--mo-ctl");
        assertThat(table.exit()).as(table.out() + table.err()).isZero();
        assertThat(table.out()).contains("server", "latency", "snapshots", "pitrs", "mo_ctl").doesNotContain("failed");
        Run json = cli(mo, "diag", "-o", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"healthy\":true", "\"CLONE\":true", "\"name\":\"" + snap + "\"",
                "\"roundTripMicros\":");
        cli(mo, "snapshot", "drop", snap);
    }
}
