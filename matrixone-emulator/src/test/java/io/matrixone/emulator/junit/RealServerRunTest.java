package io.matrixone.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which databases a real-server run takes for its own when it cleans up. */
class RealServerRunTest {

    @Test
    void onlyNamesMadeUniqueByTheTestsAreTheirs() {
        for (String ours : new String[] {"mgr_0085815002", "amgr_d90100000a", "cli_copy_5b37aae3", "copy_live_3f2a9c0d1e"}) {
            assertThat(RealServerRun.TEST_DATABASE.matcher(ours).matches()).as(ours).isTrue();
        }
        for (String theirs : new String[] {"sdk_tier3", "test_fulltext_search", "mo_catalog", "ai_t", "app",
                "Mgr_0085815002", "mgr_0085815", "mgr-0085815002", "mgr_0085815002x", "shop_2024"}) {
            assertThat(RealServerRun.TEST_DATABASE.matcher(theirs).matches()).as(theirs).isFalse();
        }
    }
}
