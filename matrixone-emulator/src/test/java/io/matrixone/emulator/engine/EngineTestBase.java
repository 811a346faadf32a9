package io.matrixone.emulator.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A private MariaDB and an engine of one target version for a test class: {@link #harness}. */
abstract class EngineTestBase {
    static TestMariaDb server;
    static EngineHarness harness;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestMariaDb.start();
        harness = new EngineHarness(server, "4.2.0");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (harness != null) {
            harness.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
