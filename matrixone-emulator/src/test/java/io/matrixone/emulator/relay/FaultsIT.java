package io.matrixone.emulator.relay;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault injection through the relay, seen by Connector/J; MariaDB is checked directly, bypassing the relay. */
@ExtendWith(EmulatorExtension.class)
class FaultsIT {
    private final Emulator mo;

    FaultsIT(Emulator mo) {
        this.mo = mo;
    }

    @BeforeEach
    void extensionClearedTheFaultsOfThePreviousTest() throws SQLException {
        // every test below leaves an unused rule behind on purpose
        assertThat(mo.faults().isEmpty()).isTrue();
        try (Connection c = Jdbc.connect(mo, "")) {
            Jdbc.exec(c, "CREATE OR REPLACE TABLE fault_t (id INT PRIMARY KEY)");
        }
    }

    @Test
    void failNextAnswersTheInjectedErrorOnce() throws SQLException {
        mo.faults().failNext("insert\\s+into\\s+fault_t", 20619, "w-w conflict").dropBefore("never matches");
        try (Connection c = Jdbc.connect(mo, "")) {
            assertThatThrownBy(() -> Jdbc.exec(c, "INSERT INTO fault_t VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(20619);
                        assertThat(e.getMessage()).isEqualTo("w-w conflict");
                    });
            assertThat(rowsInMariaDb()).as("the failed statement never ran").isZero();
            Jdbc.exec(c, "INSERT INTO fault_t VALUES (1)");
            assertThat(rowsInMariaDb()).isEqualTo(1);
        }
    }

    @Test
    void failNextTimesAppliesToPreparedExecutions() throws SQLException {
        mo.faults().failNext("INSERT INTO fault_t", 20628, "txn need retry in rc mode", 2).latency("never", Duration.ZERO);
        try (Connection c = Jdbc.connect(mo, "useServerPrepStmts=true");
             PreparedStatement p = c.prepareStatement("INSERT INTO fault_t VALUES (?)")) {
            for (int id = 1; id <= 3; id++) {
                p.setInt(1, id);
                if (id <= 2) {
                    assertThatThrownBy(p::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(20628));
                } else {
                    assertThat(p.executeUpdate()).isEqualTo(1);
                }
            }
        }
        assertThat(rowsInMariaDb()).isEqualTo(1);
    }

    @Test
    void dropBeforeClosesTheConnectionWithoutRunningTheStatement() throws SQLException {
        mo.faults().dropBefore("INSERT INTO fault_t").failNext("never matches", 1, "unused");
        try (Connection c = Jdbc.connect(mo, "")) {
            assertThatThrownBy(() -> Jdbc.exec(c, "INSERT INTO fault_t VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
        }
        assertThat(rowsInMariaDb()).isZero();
        try (Connection c = Jdbc.connect(mo, "")) {
            Jdbc.exec(c, "INSERT INTO fault_t VALUES (1)");
        }
        assertThat(rowsInMariaDb()).isEqualTo(1);
    }

    @Test
    void dropAfterRunsTheStatementButLosesTheAnswer() throws SQLException {
        mo.faults().dropAfter("INSERT INTO fault_t").failNext("never matches", 1, "unused");
        try (Connection c = Jdbc.connect(mo, "")) {
            assertThatThrownBy(() -> Jdbc.exec(c, "INSERT INTO fault_t VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
        }
        assertThat(rowsInMariaDb()).as("the statement ran on MariaDB").isEqualTo(1);
    }

    @Test
    void dropAfterInsideATransactionCommitsNothing() throws SQLException {
        mo.faults().dropAfter("INSERT INTO fault_t VALUES \\(2\\)").failNext("never matches", 1, "unused");
        try (Connection c = Jdbc.connect(mo, "")) {
            c.setAutoCommit(false);
            Jdbc.exec(c, "INSERT INTO fault_t VALUES (1)");
            assertThatThrownBy(() -> Jdbc.exec(c, "INSERT INTO fault_t VALUES (2)")).isInstanceOf(SQLException.class);
        }
        assertThat(rowsInMariaDb()).isZero();
    }

    @Test
    void latencyDelaysMatchingStatementsOnly() throws SQLException {
        mo.faults().latency("SELECT 'slow'", Duration.ofMillis(400)).failNext("never matches", 1, "unused");
        try (Connection c = Jdbc.connect(mo, "")) {
            long start = System.nanoTime();
            assertThat(Jdbc.scalar(c, "SELECT 'slow'")).isEqualTo("slow");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            start = System.nanoTime();
            assertThat(Jdbc.scalar(c, "SELECT 'fast'")).isEqualTo("fast");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
        }
    }

    @Test
    void latencyForEveryStatement() throws SQLException {
        try (Connection c = Jdbc.connect(mo, "")) {
            mo.faults().latency(Duration.ofMillis(150));
            long start = System.nanoTime();
            Jdbc.scalar(c, "SELECT 1");
            Jdbc.scalar(c, "SELECT 2");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    private int rowsInMariaDb() throws SQLException {
        try (Connection direct = DriverManager.getConnection(mo.backend().jdbcUrl("test") + "?connectTimeout=10000",
                mo.backend().user(), mo.backend().password())) {
            return Integer.parseInt(Jdbc.scalar(direct, "SELECT COUNT(*) FROM fault_t"));
        }
    }
}
