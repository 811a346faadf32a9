package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void urlsGiveHostPortAndLogin() throws Exception {
        try (Target t = Target.url("matrixone://acc1#admin:p%40ss@db.example:6002/app?tlsMode=required")) {
            assertThat(t.host()).isEqualTo("db.example");
            assertThat(t.port()).isEqualTo(6002);
            assertThat(t.user()).isEqualTo("acc1#admin");
            assertThat(t.password()).isEqualTo("p@ss");
        }
        try (Target t = Target.url("jdbc:mysql://127.0.0.1")) {
            assertThat(t.port()).isEqualTo(6001);
            assertThat(t.user()).isEqualTo("root");
            assertThat(t.password()).isEqualTo("111");
        }
    }
}
