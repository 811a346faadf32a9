package io.matrixone.async;

import io.matrixone.core.error.MatrixOneException;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.Faults;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile (or impersonated) server asks the async client for a local file in answer to an ordinary query. The
 * Vert.x MySQL client would send it; the SDK's guard stops it before any byte leaves: the emulator records how many
 * bytes of content arrived.
 */
@ExtendWith(EmulatorExtension.class)
class LocalFileRequestIT {
    private Emulator mo;
    private AsyncMatrixOneClient client;

    @BeforeEach
    void start(Emulator emulator) {
        mo = emulator;
        mo.faults().clear();
        client = Clients.client(mo);
    }

    @AfterEach
    void stop() {
        mo.faults().clear();
        assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
        assertThat(client.poolStats().statementsInFlight()).isZero();
        await(client.close());
    }

    @Test
    void aServerAskingForAFileGetsNothingOutsideATransaction() throws Exception {
        Path secret = Files.createTempFile("matrixone-secret", ".txt");
        Files.writeString(secret, "top secret content");
        mo.faults().requestLocalFile("'innocent'", secret.toString());
        Throwable e = failure(client.query("SELECT 'innocent'"));
        assertThat(e).isInstanceOf(MatrixOneException.class).hasMessageContaining("local file");
        assertThat(((MatrixOneException) e).errorCode()).isEqualTo(2068);
        assertThat(requests()).extracting(Faults.LocalFileRequest::bytesReceived).containsExactly(0L);
        assertThat(await(client.query("SELECT 1")).scalarLong()).as("the client goes on").isEqualTo(1);
    }

    @Test
    void aServerAskingForEtcPasswdInsideATransactionGetsNothing() throws InterruptedException {
        mo.faults().requestLocalFile("'in tx'", "/etc/passwd");
        Throwable e = failure(client.transaction(tx -> tx.query("SELECT 'in tx'")));
        assertThat(e).isInstanceOf(MatrixOneException.class);
        assertThat(requests()).extracting(Faults.LocalFileRequest::bytesReceived).containsExactly(0L);
    }

    /** The emulator records a request once the client hung up, which may be just after the client saw it fail. */
    private List<Faults.LocalFileRequest> requests() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mo.faults().localFileRequests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return mo.faults().localFileRequests();
    }

    @Test
    void loadDataLocalIsRefusedBeforeAnythingIsSent() {
        mo.statements().clear();
        Throwable e = failure(client.execute("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t"));
        assertThat(e).isInstanceOf(MatrixOneException.class).hasMessageContaining("LOCAL");
        assertThat(mo.statements().containsSql("LOAD DATA")).as("nothing was sent").isFalse();
    }
}
