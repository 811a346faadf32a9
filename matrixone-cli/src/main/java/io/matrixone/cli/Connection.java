package io.matrixone.cli;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;

import java.time.Duration;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * Where to connect, shared by every command: the {@code MATRIXONE_*} environment first, then {@code --url}, then
 * single flags, as the mysql client spells them. The password is never a flag value: {@code MATRIXONE_PASSWORD},
 * the URL, or {@code -p} alone, which prompts without echo.
 */
public final class Connection {
    @Option(names = "--url", paramLabel = "URL", description = "matrixone://user@host:port/database?option=value "
            + "(a password in it is visible to other users of this machine: prefer MATRIXONE_PASSWORD or -p)")
    String url;

    @Option(names = {"-h", "--host"}, description = "Server host (MATRIXONE_HOST; default 127.0.0.1).")
    String host;

    @Option(names = {"-P", "--port"}, description = "Server port (MATRIXONE_PORT; default 6001).")
    Integer port;

    @Option(names = {"-u", "--user"}, description = "User or login name, e.g. acc1#admin#accountadmin "
            + "(MATRIXONE_USER; default root).")
    String user;

    @Option(names = {"-p", "--password"}, arity = "0", interactive = true, prompt = "Password: ",
            description = "Prompt for the password (never echoed; without it MATRIXONE_PASSWORD is used).")
    char[] password;

    @Option(names = {"-D", "--default-database"}, paramLabel = "DB", description = "Default database (MATRIXONE_DATABASE).")
    String database;

    @Option(names = "--tls", paramLabel = "MODE", description = "DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY.")
    TlsMode tls;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Give up connecting after this long (default 10).")
    Integer connectTimeout;

    /** The options these flags and {@code env} describe. */
    ClientOptions options(Map<String, String> env) {
        ClientOptions.Builder b = ClientOptions.builder().environment(env).maxPoolSize(2).minIdle(0)
                .slowQueryThreshold(Duration.ZERO); // a terminal wants no INFO lines about slow statements
        if (url != null) {
            b.url(url);
        }
        if (host != null) {
            b.host(host);
        }
        if (port != null) {
            b.port(port);
        }
        if (user != null) {
            b.user(user);
        }
        if (database != null) {
            b.database(database);
        }
        if (tls != null) {
            b.tlsMode(tls);
        }
        if (connectTimeout != null) {
            b.connectTimeout(Duration.ofSeconds(connectTimeout));
        }
        if (password != null) {
            b.password(new String(password));
            java.util.Arrays.fill(password, ' ');
        }
        return b.build();
    }

    MatrixOneClient open(Map<String, String> env) {
        return MatrixOneClient.create(options(env));
    }
}
