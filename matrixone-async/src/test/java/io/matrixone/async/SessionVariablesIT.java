package io.matrixone.async;

import io.matrixone.core.error.MatrixOneException;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** The options' session variables reach every connection of the async client, shared and transactional alike. */
@ExtendWith(EmulatorExtension.class)
class SessionVariablesIT {

    @Test
    void everyConnectionGetsTheSessionVariablesOnce(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.sessionVariable("group_concat_max_len", 12345)
                .sessionVariable("time_zone", "+08:00"));
        try {
            mo.statements().clear();
            assertThat(await(client.query("SELECT @@group_concat_max_len")).scalarLong()).isEqualTo(12345);
            assertThat(await(client.transaction(tx -> tx.query("SELECT @@time_zone"))).scalar(String.class))
                    .isEqualTo("+08:00");
            assertThat(await(client.transaction(tx -> tx.query("SELECT @@time_zone"))).scalar(String.class))
                    .isEqualTo("+08:00");
            String set = "SET group_concat_max_len = 12345, time_zone = '+08:00'";
            java.util.Set<Long> used = new java.util.HashSet<>();
            mo.statements().all().stream().filter(e -> e.sql().startsWith("SELECT @@")).forEach(e -> used.add(e.sessionId()));
            for (long session : used) {
                assertThat(mo.statements().forSession(session)).as("session " + session)
                        .filteredOn(e -> e.sql().equals(set)).hasSize(1);
            }
        } finally {
            await(client.close());
        }
    }

    @Test
    void aSessionVariableTheServerRefusesFailsTheStatementAndTheConnectionIsNotUsed(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.sessionVariable("no_such_variable_here", 1));
        try {
            assertThat(failure(client.query("SELECT 1"))).isInstanceOf(MatrixOneException.class);
            assertThat(failure(client.transaction(tx -> tx.query("SELECT 1")))).isInstanceOf(MatrixOneException.class);
            assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
        } finally {
            await(client.close());
        }
    }
}
