package io.matrixone.emulator.junit;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.protocol.Handshake;
import io.matrixone.emulator.protocol.PacketChannel;

import java.io.IOException;
import java.net.Socket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Parameter injection, per-version emulators and the shared MariaDB. */
@ExtendWith(EmulatorExtension.class)
class EmulatorExtensionIT {
    private static Emulator fromBeforeAll;
    private Emulator fromBeforeEach;

    @BeforeAll
    static void beforeAll(Emulator mo) {
        fromBeforeAll = mo;
    }

    @BeforeEach
    void beforeEach(Emulator mo) {
        fromBeforeEach = mo;
    }

    static String announced(Emulator mo) throws IOException {
        try (Socket s = new Socket(mo.host(), mo.port())) {
            return Handshake.parse(PacketChannel.of(s).read().payload()).serverVersion();
        }
    }

    @Test
    void defaultVersionEverywhere(Emulator mo, MariaDbServer backend) throws IOException {
        assertThat(mo).isSameAs(fromBeforeAll).isSameAs(fromBeforeEach);
        assertThat(mo.version()).isEqualTo("4.2.0");
        assertThat(announced(mo)).isEqualTo("8.0.30-MatrixOne-v4.2.0");
        assertThat(mo.backend()).isSameAs(backend);
        assertThat(mo.user()).isEqualTo("root");
        assertThat(mo.password()).isEqualTo("111");
        assertThat(mo.database()).isEqualTo("test");
    }

    @Test
    @EmulatorVersion("3.0.18")
    void methodPicksAnotherVersionOnTheSameMariaDb(Emulator mo, MariaDbServer backend) throws IOException {
        assertThat(mo.version()).isEqualTo("3.0.18");
        assertThat(announced(mo)).isEqualTo("8.0.30-MatrixOne-v3.0.18");
        assertThat(mo.backend()).isSameAs(backend);
        assertThat(mo.port()).isNotEqualTo(fromBeforeAll.port());
    }

    @Nested
    @EmulatorVersion("4.0.0")
    class OnAnotherVersion {
        @Test
        void classAnnotationApplies(Emulator mo) throws IOException {
            assertThat(announced(mo)).isEqualTo("8.0.30-MatrixOne-v4.0.0");
        }

        @Test
        @EmulatorVersion("3.0.18")
        void methodAnnotationWins(Emulator mo) {
            assertThat(mo.version()).isEqualTo("3.0.18");
        }
    }
}
