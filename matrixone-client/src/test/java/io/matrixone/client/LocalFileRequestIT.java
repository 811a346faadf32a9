package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.error.MatrixOneException;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.Faults;
import io.matrixone.emulator.junit.EmulatorExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A hostile (or impersonated) server asks the sync client for a local file: Connector/J is never allowed to read one. */
@ExtendWith(EmulatorExtension.class)
class LocalFileRequestIT {

    @AfterEach
    void clear(Emulator mo) {
        mo.faults().clear();
    }

    @Test
    void aServerAskingForEtcPasswdGetsNothing(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            mo.faults().clear();
            mo.faults().requestLocalFile("'innocent'", "/etc/passwd");
            assertThatThrownBy(() -> client.query("SELECT 'innocent'")).isInstanceOf(MatrixOneException.class);
            assertThat(mo.faults().localFileRequests()).extracting(Faults.LocalFileRequest::bytesReceived)
                    .containsExactly(0L);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void loadDataLocalIsRefusedBeforeAnythingIsSent(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            mo.statements().clear();
            assertThatThrownBy(() -> client.execute("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t"))
                    .isInstanceOf(MatrixOneException.class).hasMessageContaining("LOCAL");
            assertThat(mo.statements().containsSql("LOAD DATA")).isFalse();
        }
    }
}
