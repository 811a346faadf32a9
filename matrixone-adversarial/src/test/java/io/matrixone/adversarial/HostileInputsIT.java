package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.adversarial.Corpus.Hostile;
import io.matrixone.adversarial.Slots.Slot;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.internal.sql.BulkSql;
import io.matrixone.core.internal.sql.SessionSql;
import io.matrixone.emulator.Emulator;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile corpus through the public APIs that are not operations of the dialect: values bound to parameters,
 * the names of a bulk insert, and the names and literals of the client options (the database to connect to, session
 * variables). Same contract as {@link HostileNamesIT}: the server receives exactly what the SDK built (or the value
 * itself), or nothing is sent and an {@link IllegalArgumentException} names the argument.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputsIT {
    private final Figures figures = new Figures("hostile-inputs");
    private final Problems problems = new Problems("hostile-inputs");
    private Emulator mo;
    private Vertx vertx;
    private MatrixOneClient sync;
    private AsyncMatrixOneClient async;

    @BeforeAll
    void start() {
        mo = Emulator.builder().build().start();
        vertx = Vertx.vertx();
        sync = MatrixOneClient.create(Servers.options(mo).maxPoolSize(2).build());
        async = AsyncMatrixOneClient.create(Servers.options(mo).maxPoolSize(4).build(), vertx);
    }

    @AfterAll
    void stop() {
        try {
            figures.put("altered statements", figures.get("altered statements"));
            figures.put("altered values", figures.get("altered values"));
            figures.put("foreign statements", figures.get("foreign statements"));
            figures.write();
            problems.write();
            sync.close();
            Waits.await(async.close());
            Waits.await(vertx.close().toCompletionStage());
        } finally {
            mo.close();
        }
    }

    // ------------------------------------------------------------------ bound parameters

    @Test
    void boundValuesArriveUnchangedOrAreRefusedNamingTheParameter() {
        Problems p = new Problems("bound-values");
        for (Hostile h : Corpus.all()) {
            figures.add("bound values");
            Statement built = Statement.of("SELECT ?", h.value());
            check(p, "sync query(\"SELECT ?\", v)", h, built, () -> sync.query("SELECT ?", h.value()).scalar(String.class));
            check(p, "sync tx.query(\"SELECT ?\", v)", h, built, () -> sync.transaction(tx ->
                    tx.query("SELECT ?", h.value()).scalar(String.class)));
            check(p, "async query(\"SELECT ?\", v)", h, built, () -> Waits.await(async.query("SELECT ?", h.value()))
                    .scalar(String.class));
            check(p, "async tx.query(\"SELECT ?\", v)", h, built, () -> Waits.await(async.transaction(tx ->
                    tx.query("SELECT ?", h.value()))).scalar(String.class));
        }
        p.assertNone();
    }

    /** Runs a call that selects the bound value back: the server must have received it and answered it unchanged. */
    private void check(Problems p, String api, Hostile h, Statement built, Supplier<String> call) {
        mo.statements().clear();
        String answer;
        try {
            answer = call.get();
        } catch (IllegalArgumentException e) {
            figures.add("bound values refused");
            List<String> sent = Wire.received(mo.statements(), true);
            if (!sent.isEmpty()) {
                p.add(api, h.toString(), "refused, but the server received " + sent);
            } else if (!e.getMessage().contains("parameter 1")) {
                p.add(api, h.toString(), "the refusal does not name the parameter: " + Corpus.printable(e.getMessage()));
            } else if (HostileNamesIT.echoesControlCharacters(e.getMessage())) {
                p.add(api, h.toString(), "the refusal echoes control characters");
            }
            return;
        } catch (RuntimeException e) {
            p.add(api, h.toString(), "failed: " + e);
            return;
        }
        List<String> sent = Wire.received(mo.statements(), true);
        if (sent.size() != 1 || !Wire.sameStatement(built, sent.get(0))) {
            figures.add("altered statements");
            p.add(api, h.toString(), "the server received " + sent.stream().map(Corpus::printable).toList());
        } else if (!h.value().equals(answer)) {
            figures.add("altered values");
            p.add(api, h.toString(), "the server answered " + Corpus.printable(String.valueOf(answer)));
        } else {
            figures.add("bound values unchanged");
        }
    }

    // ------------------------------------------------------------------ bulk insert

    @Test
    void bulkInsertNamesReachTheServerAsBuiltOrAreRefused() {
        Problems p = new Problems("bulk-insert");
        Slots slots = new Slots();
        List<Slot> found = slots.slots(BulkInsert.class);
        figures.put("bulk insert slots", found.size());
        assertThat(found).as("slots of BulkInsert").isNotEmpty();
        for (Slot slot : found) {
            for (Hostile h : Corpus.all()) {
                BulkInsert insert;
                try {
                    insert = (BulkInsert) slot.build().apply(h.value());
                } catch (IllegalArgumentException e) {
                    figures.add("bulk inserts refused by the spec");
                    if (HostileNamesIT.echoesControlCharacters(e.getMessage())) {
                        p.add(slot.path(), h.toString(), "the refusal echoes control characters");
                    }
                    continue;
                }
                if (insert.columns().isEmpty()) {
                    insert = insert.columns("adv_c");
                }
                List<Object> row = Collections.nCopies(insert.columns().size(), "v");
                BulkInsert withRows = insert;
                String where = "BulkInsert " + slot.path();
                Statement expected = Statement.of(BulkSql.insertRow(insert.database(), insert.table(),
                        insert.columns()), row.toArray());
                bulk(p, "sync " + where, h, expected, () -> sync.bulkInsert(withRows.rows(List.of(row))));
                bulk(p, "async " + where, h, expected, () -> Waits.await(async.bulkInsert(withRows.rows(List.of(row)))));
                Statement load = Statement.of(BulkSql.loadDataLocal(insert.database(), insert.table(), insert.columns()));
                bulk(p, "sync LOAD_DATA " + where, h, load, () -> sync.bulkInsert(withRows.method(BulkMethod.LOAD_DATA)
                        .rows(List.of(row))));
            }
        }
        p.assertNone();
    }

    private void bulk(Problems p, String api, Hostile h, Statement expected, Runnable call) {
        mo.statements().clear();
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            p.add(api, h.toString(), "the spec accepted the value but the client refused it: " + e.getMessage());
            return;
        } catch (MatrixOneException e) {
            // the table does not exist: what matters is the statement's text
        }
        List<String> sent = Wire.received(mo.statements(), true);
        if (sent.isEmpty()) {
            p.add(api, h.toString(), "nothing reached the server");
            return;
        }
        figures.add("bulk insert statements compared");
        if (!Wire.sameStatement(expected, sent.get(0))) {
            figures.add("altered statements");
            p.add(api, h.toString(), "built " + Corpus.printable(expected.sql()) + ", the server received "
                    + Corpus.printable(sent.get(0)));
        }
    }

    // ------------------------------------------------------------------ client options

    /**
     * {@code database(..)}: a name the options accept is the database the session uses, and nothing but the
     * clients' own statements reach the server (a name like {@code x?sessionVariables=...} must not become driver
     * settings). Each accepted name is created first, directly on the MariaDB behind the emulator.
     */
    @Test
    void theDatabaseOptionIsTheSessionsDatabaseAndNothingElse() throws SQLException {
        Problems p = new Problems("database-option");
        for (Hostile h : Corpus.all()) {
            ClientOptions options;
            try {
                options = Servers.options(mo).database(h.value()).maxPoolSize(1).build();
            } catch (IllegalArgumentException e) {
                figures.add("database names refused by the options");
                if (!e.getMessage().toLowerCase(Locale.ROOT).contains("database")) {
                    p.add("database(..)", h.toString(), "the refusal does not name the database: " + e.getMessage());
                }
                continue;
            }
            boolean created = createDatabase(h.value());
            figures.add("database names accepted");
            session(p, "sync database(..)", h, created, () -> {
                try (MatrixOneClient c = MatrixOneClient.create(options)) {
                    return c.query("SELECT DATABASE()").scalar(String.class);
                }
            });
            session(p, "async database(..)", h, created, () -> {
                AsyncMatrixOneClient c = AsyncMatrixOneClient.create(options, vertx);
                try {
                    return Waits.await(c.query("SELECT DATABASE()")).scalar(String.class);
                } finally {
                    Waits.await(c.close());
                }
            });
        }
        p.assertNone();
    }

    private boolean createDatabase(String name) throws SQLException {
        try (Connection c = Servers.backend(mo); java.sql.Statement st = c.createStatement()) {
            st.setEscapeProcessing(false); // or Connector/J would rewrite {fn x} in the name (issue 9, defect 1)
            st.execute("CREATE DATABASE IF NOT EXISTS `" + name.replace("`", "``") + "`");
            return true;
        } catch (SQLException e) {
            figures.add("database names MariaDB cannot create");
            return false;
        }
    }

    private void session(Problems p, String api, Hostile h, boolean exists, Supplier<String> databaseOfSession) {
        mo.statements().clear();
        String db = null;
        RuntimeException failure = null;
        try {
            db = databaseOfSession.get();
        } catch (RuntimeException e) {
            failure = e;
        }
        List<String> foreign = new ArrayList<>(Wire.received(mo.statements(), true));
        foreign.removeIf(s -> s.equals("SELECT DATABASE()"));
        if (!foreign.isEmpty()) {
            figures.add("foreign statements");
            p.add(api, h.toString(), "statements no part of the SDK built: " + foreign);
        }
        if (exists && failure != null) {
            p.add(api, h.toString(), "could not use the existing database: " + failure);
        } else if (exists && !h.value().equals(db)) {
            p.add(api, h.toString(), "the session's database is " + Corpus.printable(String.valueOf(db)));
        } else if (!exists && failure == null) {
            p.add(api, h.toString(), "connected to a database that does not exist, as " + db);
        } else {
            figures.add("database sessions checked");
        }
    }

    /**
     * {@code sessionVariable(name, value)}: a name or value the options accept reaches the server inside exactly the
     * SET the SDK built (the server may refuse it: then the client fails to start, but no other text was sent); one
     * they refuse is refused when the options are built, naming the session variable, without echoing control
     * characters.
     */
    @Test
    void sessionVariablesReachTheServerAsBuiltOrAreRefused() {
        Problems p = new Problems("session-variables");
        for (Hostile h : Corpus.all()) {
            sessionVariable(p, "sessionVariable(name, 1)", h, h.value(), 1);
            sessionVariable(p, "sessionVariable(n, value)", h, "default_master_connection", h.value());
        }
        p.assertNone();
    }

    private void sessionVariable(Problems p, String api, Hostile h, String name, Object value) {
        ClientOptions options;
        try {
            options = Servers.options(mo).sessionVariable(name, value).maxPoolSize(1)
                    .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        } catch (IllegalArgumentException e) {
            figures.add("session variables refused");
            if (!e.getMessage().contains("session variable")) {
                p.add(api, h.toString(), "the refusal does not name the session variable: " + e.getMessage());
            }
            if (HostileNamesIT.echoesControlCharacters(e.getMessage())) {
                p.add(api, h.toString(), "the refusal echoes control characters");
            }
            return;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(name, value);
        String expected = SessionSql.set(vars);
        setSent(p, "sync " + api, h, expected, () -> {
            try (MatrixOneClient c = MatrixOneClient.create(options)) {
                c.query("SELECT 1");
            }
        });
        setSent(p, "async " + api, h, expected, () -> {
            AsyncMatrixOneClient c = AsyncMatrixOneClient.create(options, vertx);
            try {
                Waits.await(c.query("SELECT 1"));
            } finally {
                Waits.await(c.close());
            }
        });
    }

    private void setSent(Problems p, String api, Hostile h, String expected, Runnable call) {
        mo.statements().clear();
        try {
            call.run();
        } catch (MatrixOneException e) {
            // the server refused the value
        }
        List<String> sets = Wire.received(mo.statements(), true).stream().filter(s -> s.startsWith("SET ")).toList();
        if (sets.isEmpty()) {
            p.add(api, h.toString(), "no SET reached the server");
            return;
        }
        figures.add("session SET statements compared", sets.size());
        for (String s : sets) {
            if (!s.equals(expected)) {
                figures.add("altered statements");
                p.add(api, h.toString(), "built " + Corpus.printable(expected) + ", received " + Corpus.printable(s));
            }
        }
    }

    /**
     * A URL or an environment (a config file, a container's variables) cannot turn the driver's protections off: the
     * security-relevant driver properties are refused by name when the options are built, so no connection is made,
     * on either client; only {@code insecureDriverProperty} in code sets them (issue 9, defect 9).
     */
    @Test
    void aUrlOrAnEnvironmentCannotSwitchTheDriversProtectionsOff() {
        String base = "matrixone://" + mo.user() + ":" + mo.password() + "@" + mo.host() + ":" + mo.port() + "/"
                + mo.database();
        for (String property : List.of("allowLoadLocalInfile", "allowUrlInLocalInfile", "autoDeserialize",
                "allowMultiQueries", "enableEscapeProcessing", "queryInterceptors", "socketFactory")) {
            String url = base + "?driver." + property + "=true";
            mo.statements().clear();
            Throwable sync = catching(() -> MatrixOneClient.create(url).close());
            Throwable async = catching(() -> Waits.await(AsyncMatrixOneClient.create(url).close()));
            Throwable env = catching(() -> MatrixOneClient.create(ClientOptions.builder()
                    .environment(Map.of("MATRIXONE_URL", url)).build()).close());
            for (Throwable t : List.of(sync, async, env)) {
                assertThat(t).as(property).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(property);
            }
            assertThat(mo.statements().sqls()).as("statements sent for " + url).isEmpty();
            figures.add("security-relevant driver properties refused from URLs and the environment");
        }
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * {@code host(..)}: the host is a host name or an address. Text that would extend the driver's URL (a path, a
     * query, a fragment: {@code 127.0.0.1:port/db?sessionVariables=...#}) is refused, naming the host, so it can
     * never turn into driver settings.
     */
    @Test
    void aHostThatWouldExtendTheDriversUrlIsRefused() {
        String base = mo.host() + ":" + mo.port();
        for (String host : List.of(base + "/" + mo.database() + "?sessionVariables=sql_mode=ANSI_QUOTES#",
                base + "/" + mo.database() + "?allowLoadLocalInfile=true&",
                "user:pw@" + base, mo.host() + "\n", mo.host() + " ", "[::1]/x", mo.host() + "#x")) {
            mo.statements().clear();
            Throwable t;
            try (MatrixOneClient c = MatrixOneClient.create(Servers.options(mo).host(host).build())) {
                t = null;
            } catch (RuntimeException e) {
                t = e;
            }
            assertThat(t).as("host " + Corpus.printable(host)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("host");
            assertThat(mo.statements().sqls()).as("statements sent for host " + Corpus.printable(host)).isEmpty();
            figures.add("hostile hosts refused");
        }
    }
}
