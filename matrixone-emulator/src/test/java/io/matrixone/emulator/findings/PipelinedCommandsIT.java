package io.matrixone.emulator.findings;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.Faults;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.emulator.junit.EmulatorOnly;
import io.matrixone.emulator.protocol.Packet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands written together (pipelined): answered in order by default, as MySQL does; echoed back unrun with the
 * opt-in fault that plays MatrixOne 4.2.0's bug (finding F-01), as the real server answered a raw client writing the
 * same three commands at once (with {@code -Dmatrixone.tier=real} the echo test runs against one).
 */
@ExtendWith(EmulatorExtension.class)
class PipelinedCommandsIT {
    private static final String[] SELECTS = {"SELECT 0 AS c0", "SELECT 1 AS c1", "SELECT 2 AS c2"};

    @AfterEach
    void clearFaults(Emulator mo) {
        mo.faultsIfInjectable().ifPresent(Faults::clear);
    }

    private static void sendTogether(RawClient c) throws IOException {
        c.sendTogether(RawClient.command(RawClient.COM_QUERY, SELECTS[0]), RawClient.command(RawClient.COM_QUERY, SELECTS[1]),
                RawClient.command(RawClient.COM_QUERY, SELECTS[2]));
    }

    @Test
    @EmulatorOnly("MatrixOne 4.2.0 echoes the waiting commands back (F-01): the emulator's default is MySQL's order")
    void pipelinedCommandsAreAnsweredInOrderByDefault(Emulator mo) throws IOException {
        try (RawClient c = RawClient.connect(mo)) {
            sendTogether(c);
            for (int i = 0; i < 3; i++) {
                RawClient.Result r = c.readResult();
                assertThat(r.columns().get(0).name()).isEqualTo("c" + i);
            }
        }
    }

    @Test
    void withTheFaultTheWaitingCommandsAreEchoedAndNeverRunAsOnMatrixOne(Emulator mo) throws IOException {
        // against a real MatrixOne 4.2.0 (-Dmatrixone.tier=real) no fault is needed: this checks the fault against it
        mo.faultsIfInjectable().ifPresent(Faults::echoPipelinedCommands);
        try (RawClient c = RawClient.connect(mo)) {
            sendTogether(c);
            for (String echoed : List.of(SELECTS[1], SELECTS[2])) {
                Packet p = c.read();
                assertThat(p.sequenceId()).isZero();
                assertThat(p.header()).isEqualTo(RawClient.COM_QUERY);
                assertThat(new String(p.payload(), 1, p.length() - 1, StandardCharsets.UTF_8)).isEqualTo(echoed);
            }
            assertThat(c.readResult().columns().get(0).name()).isEqualTo("c0");
            assertThat(c.poll(300)).as("the echoed commands are not answered").isNull();
            // one command at a time still works
            assertThat(c.single("SELECT 42 AS answer").columns().get(0).name()).isEqualTo("answer");
        }
    }
}
