package io.matrixone.core.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureTest {

    @ParameterizedTest
    @EnumSource(Feature.class)
    void everyFeatureStartsAtAMatrixOneRelease(Feature f) {
        assertThat(f.since().isMatrixOne()).isTrue();
        assertThat(f.since().devBuild()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Feature.class)
    void isAvailableFromItsFirstReleaseOnAndNotJustBefore(Feature f) {
        ServerVersion since = f.since();
        assertThat(since.supports(f)).isTrue();
        ServerVersion before = previousRelease(since);
        assertThat(before.supports(f)).as("%s on %s", f, before.semantic()).isFalse();
    }

    /** A release just before {@code v}: one patch (or minor, or major) lower, well below any pre-release of v. */
    private static ServerVersion previousRelease(ServerVersion v) {
        if (v.patch() > 0) {
            return ServerVersion.of(v.major(), v.minor(), v.patch() - 1);
        }
        if (v.minor() > 0) {
            return ServerVersion.of(v.major(), v.minor() - 1, 99);
        }
        return ServerVersion.of(v.major() - 1, 99, 99);
    }

    @ParameterizedTest
    @EnumSource(Feature.class)
    void isAvailableOnDevelopmentBuildsAndOtherServers(Feature f) {
        assertThat(ServerVersion.DEV.supports(f)).isTrue();
        assertThat(ServerVersion.parse("8.0.36").supports(f)).isTrue();
    }

    @Test
    void followsMatrixOneHistory() {
        ServerVersion v3018 = ServerVersion.parse("8.0.30-MatrixOne-v3.0.18");
        assertThat(v3018.supports(Feature.SNAPSHOTS)).isTrue();
        assertThat(v3018.supports(Feature.PITR)).isTrue();
        assertThat(v3018.supports(Feature.CLONE)).isTrue();
        assertThat(v3018.supports(Feature.DATA_BRANCH)).isTrue();
        assertThat(v3018.supports(Feature.RESTORE_SNAPSHOT_HINT)).isFalse();
        assertThat(v3018.supports(Feature.CLONE_COPY_GRANTS)).isFalse();

        // gates checked against MatrixOne's tagged grammars
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.1.1").supports(Feature.CLONE_COPY_GRANTS)).isFalse();
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.1.2").supports(Feature.CLONE_COPY_GRANTS)).isTrue();
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc4").supports(Feature.RESTORE_PITR_ACCOUNT_DATABASE)).isFalse();
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.1.0").supports(Feature.RESTORE_PITR_ACCOUNT_DATABASE)).isTrue();
        assertThat(ServerVersion.of(2, 0, 0).supports(Feature.PITR_ALL_TARGETS)).isFalse();
        assertThat(ServerVersion.of(2, 1, 0).supports(Feature.PITR_ALL_TARGETS)).isTrue();

        ServerVersion v120 = ServerVersion.of(1, 2, 0);
        assertThat(v120.supports(Feature.SNAPSHOTS)).isTrue();
        assertThat(v120.supports(Feature.PITR)).isFalse();
        assertThat(ServerVersion.of(1, 1, 3).supports(Feature.SNAPSHOTS)).isFalse();
    }

    @Test
    void aReleaseCandidateOfTheFirstReleaseDoesNotHaveAFeatureOfTheRelease() {
        assertThat(ServerVersion.parse("4.2.1-rc1").supports(Feature.SET_KEEPS_TRANSACTION)).isFalse();
        assertThat(ServerVersion.parse("4.0.0-rc0").supports(Feature.RESTORE_SNAPSHOT_HINT)).isFalse();
    }
}
