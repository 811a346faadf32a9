package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import io.matrixone.core.error.StatementNotAllowedException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.matrixone.core.config.TlsMode;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AccessDeniedException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.TransactionConflictException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.QueryInterruptedException;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.RowMapper;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.emulator.junit.EmulatorVersion;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(EmulatorExtension.class)
class ClientIT {

    record Person(long id, String name) {
    }

    @Test
    void detectsTheServerVersionOnce(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            assertThat(client.serverVersion().semantic()).isEqualTo(mo.version());
            assertThat(client.serverVersion().isMatrixOne()).isTrue();
        }
    }

    @Test
    @EmulatorVersion("3.0.18")
    void detectsAnOlderServerVersion(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            assertThat(client.serverVersion().semantic()).isEqualTo(mo.version()).startsWith("3.0.");
        }
    }

    @Test
    void pinnedVersionIsNotAskedFor(Emulator mo) {
        long before = mo.statements().countSql("version()");
        try (MatrixOneClient client = Clients.client(mo, o -> o.serverVersion("3.0.18"))) {
            assertThat(client.serverVersion().semantic()).isEqualTo("3.0.18");
        }
        assertThat(mo.statements().countSql("version()")).isEqualTo(before);
    }

    @Test
    void queryMapsRowsToRecords(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "people");
            client.execute("INSERT INTO " + t + " (name) VALUES (?), (?)", "ann", "bob");
            List<Person> people = client.query("SELECT id, name FROM " + t + " ORDER BY id").as(Person.class);
            assertThat(people).extracting(Person::name).containsExactly("ann", "bob");
            assertThat(client.query("SELECT name FROM " + t + " WHERE id = ?", people.get(1).id())
                    .one(RowMapper.firstColumn(String.class))).isEqualTo("bob");
        }
    }

    @Test
    void executeReturnsAffectedRowsAndGeneratedKeys(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "keys");
            Result first = client.execute("INSERT INTO " + t + " (name) VALUES (?)", "a");
            Result second = client.execute("INSERT INTO " + t + " (name) VALUES (?)", "b");
            assertThat(first.affectedRows()).isEqualTo(1);
            assertThat(second.generatedKey()).isEqualTo(first.generatedKey() + 1);
            assertThat(client.execute("UPDATE " + t + " SET name = ?", "z").affectedRows()).isEqualTo(2);
        }
    }

    @Test
    void bindsAndReadsBackEverySupportedType(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.unique("types");
            client.execute("CREATE TABLE " + t + " (s VARCHAR(50), l BIGINT, d DECIMAL(10,3), b BOOLEAN, "
                    + "dt DATETIME(6), dd DATE, tt TIME, bin VARBINARY(10), u VARCHAR(36), e VARCHAR(10), n INT)");
            UUID uuid = UUID.randomUUID();
            LocalDateTime dt = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
            client.execute("INSERT INTO " + t + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "héllo ✓", 1L << 40,
                    new BigDecimal("12.345"), true, dt, LocalDate.of(1999, 12, 31), LocalTime.of(1, 2, 3),
                    new byte[]{1, 2, 3}, uuid, TlsMode.REQUIRED, null);
            var row = client.query("SELECT * FROM " + t).one();
            assertThat(row.getString("s")).isEqualTo("héllo ✓");
            assertThat(row.getLong("l")).isEqualTo(1L << 40);
            assertThat(row.getBigDecimal("d")).isEqualByComparingTo("12.345");
            assertThat(row.getBoolean("b")).isTrue();
            assertThat(row.get("dt")).isEqualTo(dt);
            assertThat(row.get("dd")).isEqualTo(LocalDate.of(1999, 12, 31));
            assertThat(row.get("tt")).isEqualTo(LocalTime.of(1, 2, 3));
            assertThat(row.getBytes("bin")).containsExactly(1, 2, 3);
            assertThat(row.get("u", UUID.class)).isEqualTo(uuid);
            assertThat(row.getString("e")).isEqualTo("REQUIRED");
            assertThat(row.isNull(10)).isTrue();

            Instant instant = Instant.parse("2024-05-06T07:08:09Z");
            client.execute("UPDATE " + t + " SET dt = ?", instant);
            assertThat(client.query("SELECT dt FROM " + t).one().getInstant(0)).isEqualTo(instant);
        }
    }

    @Test
    void batchInsertsEveryRow(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "batch");
            List<List<?>> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                rows.add(List.of("n" + i));
            }
            long[] counts = client.executeBatch("INSERT INTO " + t + " (name) VALUES (?)", rows);
            assertThat(counts).hasSize(1000);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1000);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void batchIsAllOrNothing(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "batchatomic");
            List<List<?>> rows = List.of(List.of(1, "a"), List.of(2, "b"), List.of(2, "duplicate"), List.of(3, "c"));
            assertThatThrownBy(() -> client.executeBatch("INSERT INTO " + t + " (id, name) VALUES (?, ?)", rows))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isZero();
        }
    }

    @Test
    void aBatchThatFitsOneInsertIsSentAsThatStatementWithoutATransaction(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "batchone");
            mo.statements().clear();
            client.executeBatch("INSERT INTO " + t + " (id, name) VALUES (?, ?)", List.of(List.of(1, "a"), List.of(2, "b")));
            assertThat(mo.statements().sqls()).containsExactly("INSERT INTO " + t + " (id, name) VALUES (1, 'a'),(2, 'b')");
        }
    }

    @Test
    void aOneStatementBatchIsRetriedOnAConflictAsItsTransactionWas(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "batchretry");
            mo.statements().clear();
            mo.faults().failNext("INSERT INTO " + t, 20619, "w-w conflict");
            client.executeBatch("INSERT INTO " + t + " (id, name) VALUES (?, ?)", List.of(List.of(1, "a"), List.of(2, "b")));
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2);
            assertThat(mo.statements().countSql("INSERT INTO " + t)).isEqualTo(2); // refused once, then sent again
            mo.faults().failNext("INSERT INTO " + t, 20619, "w-w conflict", 5);
            assertThatThrownBy(() -> client.executeBatch("INSERT INTO " + t + " (id, name) VALUES (?, ?)",
                    List.of(List.of(3, "c"), List.of(4, "d")))).isInstanceOf(TransactionConflictException.class);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(2);
        }
    }

    @Test
    void aBatchTooLargeForOneStatementOrNotAnInsertRunsInATransactionAllOrNothing(Emulator mo) {
        // a small packet limit makes the driver split the INSERT: then only a transaction keeps it all-or-nothing
        try (MatrixOneClient client = Clients.client(mo, o -> o.driverProperty("maxAllowedPacket", "65536"))) {
            String t = Clients.table(client, "batchbig");
            List<List<?>> rows = new ArrayList<>();
            for (int i = 1; i <= 1000; i++) {
                rows.add(List.of(i, "x".repeat(90)));
            }
            mo.statements().clear();
            client.executeBatch("INSERT INTO " + t + " (id, name) VALUES (?, ?)", rows);
            List<String> sent = mo.statements().sqls();
            assertThat(sent.get(0)).isEqualTo("BEGIN");
            assertThat(sent.get(sent.size() - 1)).isEqualTo("COMMIT");
            assertThat(sent.stream().filter(s -> s.startsWith("INSERT")).count()).isGreaterThan(1);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1000);

            List<List<?>> failing = new ArrayList<>();
            for (int i = 1001; i <= 2000; i++) {
                failing.add(List.of(i == 1999 ? 1 : i, "y".repeat(90))); // a duplicate key in the last part
            }
            assertThatThrownBy(() -> client.executeBatch("INSERT INTO " + t + " (id, name) VALUES (?, ?)", failing))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1000);

            mo.statements().clear();
            client.executeBatch("UPDATE " + t + " SET name = ? WHERE id = ?", List.of(List.of("p", 1), List.of("q", 2)));
            assertThat(mo.statements().sqls()).containsExactly("BEGIN", "UPDATE " + t + " SET name = 'p' WHERE id = 1",
                    "UPDATE " + t + " SET name = 'q' WHERE id = 2", "COMMIT");
        }
    }

    @Test
    void runsADialectOperationOnOneConnection(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            Operation<Long> op = Operation.of(Statement.of("SELECT CONNECTION_ID()"), r -> r.scalarLong())
                    .then(id -> Operation.of(Statement.of("SELECT CONNECTION_ID() = ?", id), r -> r.scalarLong()));
            assertThat(client.run(op)).isEqualTo(1L);
        }
    }

    @Test
    void setAndTransactionControlAreRefusedBeforeSending(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String marker = Clients.unique("marker");
            assertThatThrownBy(() -> client.execute("SET @" + marker + " = 1"))
                    .isInstanceOf(StatementNotAllowedException.class).hasMessageContaining("sessionVariable(name, value)");
            assertThatThrownBy(() -> client.query("BEGIN /* " + marker + " */"))
                    .isInstanceOf(StatementNotAllowedException.class).hasMessageContaining("client.transaction");
            assertThat(mo.statements().containsSql(marker)).isFalse();
        }
    }

    @Test
    void sessionVariablesReachEveryConnectionBeforeItIsUsed(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.sessionVariable("group_concat_max_len", 12345)
                .sessionVariable("time_zone", "+08:00").minIdle(0))) {
            assertThat(client.query("SELECT @@group_concat_max_len").scalarLong()).isEqualTo(12345);
            client.inTransaction(tx -> assertThat(tx.query("SELECT @@time_zone").scalar(String.class)).isEqualTo("+08:00"));
            assertThat(mo.statements().containsSql("SET group_concat_max_len = 12345, time_zone = '+08:00'")).isTrue();
        }
    }

    @Test
    void aSessionVariableTheServerRefusesFailsTheClientAtOnce(Emulator mo) {
        assertThatThrownBy(() -> Clients.client(mo, o -> o.sessionVariable("no_such_variable_here", 1)))
                .isInstanceOf(MatrixOneException.class);
    }

    @Test
    void wrongPasswordIsAccessDeniedAndNeverShown(Emulator mo) {
        String secret = "Wr0ng-" + UUID.randomUUID();
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            assertThatThrownBy(() -> Clients.client(mo, o -> o.password(secret)))
                    .isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(secret))
                    .satisfies(e -> assertThat(((MatrixOneException) e).errorCode()).isEqualTo(1045));
        } finally {
            release(logs);
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(secret));
    }

    @Test
    void noPasswordInAnyLogLine(Emulator mo) {
        String storePassword = "Tr" + UUID.randomUUID();
        ListAppender<ILoggingEvent> logs = captureLogs();
        try (MatrixOneClient client = Clients.client(mo, o -> o.slowQueryThreshold(Duration.ofNanos(1))
                .driverProperty("trustCertificateKeyStorePassword", storePassword))) {
            client.query("SELECT ?", "x");
            client.inTransaction(tx -> tx.query("SELECT 1"));
        } finally {
            release(logs);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(e -> e.getFormattedMessage() + String.valueOf(e.getThrowableProxy()))
                .noneMatch(m -> m.contains(mo.password() + "@") || m.contains(storePassword));
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().startsWith("Slow statement"));
    }

    @Test
    void tlsRequiredFailsAgainstAServerWithoutTls(Emulator mo) {
        assertThatThrownBy(() -> Clients.client(mo, o -> o.tlsMode(TlsMode.REQUIRED)))
                .isInstanceOf(MatrixOneException.class)
                .satisfies(e -> assertThat(fullText(e).toLowerCase()).contains("ssl"));
        try (MatrixOneClient plain = Clients.client(mo, o -> o.tlsMode(TlsMode.DISABLED))) {
            assertThat(plain.query("SELECT 1").scalarLong()).isEqualTo(1);
        }
    }

    @Test
    void queryTimeoutInterruptsASlowQuery(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.queryTimeout(Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.query("SELECT SLEEP(5)")).isInstanceOf(QueryInterruptedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(client.query("SELECT 2").scalarLong()).isEqualTo(2);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void socketTimeoutReachesTheDriver(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo, o -> o.socketTimeout(Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.query("SELECT SLEEP(3)")).isInstanceOf(ConnectionLostException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
            assertThat(client.query("SELECT 3").scalarLong()).isEqualTo(3); // the broken connection was replaced
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void connectTimeoutReachesTheDriver() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // never sends the handshake
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> MatrixOneClient.create(
                    o -> o.host("127.0.0.1").port(silent.getLocalPort()).connectTimeout(Duration.ofMillis(500))))
                    .isInstanceOf(MatrixOneException.class));
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void closeIsIdempotentAndRefusesLaterUse(Emulator mo) {
        MatrixOneClient client = Clients.client(mo);
        client.close();
        client.close();
        assertThatThrownBy(() -> client.query("SELECT 1")).isInstanceOf(MatrixOneException.class)
                .hasMessageContaining("closed");
    }

    private static String fullText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger sdk = (Logger) LoggerFactory.getLogger("io.matrixone");
        sdk.setLevel(Level.DEBUG);
        ((Logger) LoggerFactory.getLogger("com.zaxxer.hikari")).setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("io.matrixone")).setLevel(null);
        ((Logger) LoggerFactory.getLogger("com.zaxxer.hikari")).setLevel(Level.WARN);
    }
}
