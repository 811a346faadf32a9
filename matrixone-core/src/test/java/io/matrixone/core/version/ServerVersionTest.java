package io.matrixone.core.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerVersionTest {

    @Test
    void parsesAMatrixOneRelease() {
        ServerVersion v = ServerVersion.parse("8.0.30-MatrixOne-v4.2.0");
        assertThat(v.brand()).isEqualTo("MatrixOne");
        assertThat(v.isMatrixOne()).isTrue();
        assertThat(v.devBuild()).isFalse();
        assertThat(List.of(v.major(), v.minor(), v.patch())).containsExactly(4, 2, 0);
        assertThat(v.preRelease()).isNull();
        assertThat(v.semantic()).isEqualTo("4.2.0");
        assertThat(v.raw()).isEqualTo("8.0.30-MatrixOne-v4.2.0");
        assertThat(v).hasToString("MatrixOne 4.2.0");
    }

    @Test
    void parsesAReleaseCandidate() {
        ServerVersion v = ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc1");
        assertThat(v.semantic()).isEqualTo("4.0.0-rc1");
        assertThat(v.preRelease()).isEqualTo("rc1");
    }

    @Test
    void parsesABareVAsANewestDevelopmentBuild() {
        ServerVersion v = ServerVersion.parse("8.0.30-MatrixOne-v");
        assertThat(v.devBuild()).isTrue();
        assertThat(v.isMatrixOne()).isTrue();
        assertThat(v.semantic()).isEqualTo("dev");
        assertThat(v).isEqualByComparingTo(ServerVersion.DEV);
        assertThat(v.compareTo(ServerVersion.parse("8.0.30-MatrixOne-v99.9.9"))).isPositive();
        for (Feature f : Feature.values()) {
            assertThat(v.supports(f)).as(f.name()).isTrue();
        }
    }

    @Test
    void parsesTheOmniFabricBrand() {
        ServerVersion v = ServerVersion.parse("8.0.30-OmniFabric-v4.0.0-rc2");
        assertThat(v.brand()).isEqualTo("OmniFabric");
        assertThat(v.isMatrixOne()).isTrue();
        assertThat(v.semantic()).isEqualTo("4.0.0-rc2");
    }

    @Test
    void parsesAVersionWithoutTheMySqlPrefixOrWithSurroundingSpace() {
        assertThat(ServerVersion.parse("MatrixOne-v3.0.18").semantic()).isEqualTo("3.0.18");
        assertThat(ServerVersion.parse("  8.0.30-matrixone-v4.2.0 \n").semantic()).isEqualTo("4.2.0");
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.2").semantic()).isEqualTo("4.2.0");
    }

    @Test
    void parsesABareReleaseNumberAsMatrixOne() {
        ServerVersion v = ServerVersion.parse("4.2.0");
        assertThat(v.isMatrixOne()).isTrue();
        assertThat(v.semantic()).isEqualTo("4.2.0");
        assertThat(ServerVersion.parse("v3.0.18").semantic()).isEqualTo("3.0.18");
        assertThat(ServerVersion.parse("v3.0.18").isMatrixOne()).isTrue();
        assertThat(ServerVersion.parse("4.0.0-rc1").preRelease()).isEqualTo("rc1");
        assertThat(ServerVersion.parse("v5.0.0").isMatrixOne()).isTrue();
    }

    @Test
    void parsesMariaDbHandshakeVersion() {
        ServerVersion v = ServerVersion.parse("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertThat(v.brand()).isEqualTo("MariaDB");
        assertThat(v.isMatrixOne()).isFalse();
        assertThat(v.semantic()).isEqualTo("10.11.19");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.11.19-MariaDB", "5.5.5-10.6.12-MariaDB", "11.4.5-MariaDB-log"})
    void parsesOtherMariaDbVersionsAsMariaDb(String text) {
        assertThat(ServerVersion.parse(text).brand()).isEqualTo("MariaDB");
    }

    @Test
    void parsesPlainMySql() {
        ServerVersion v = ServerVersion.parse("8.0.36");
        assertThat(v.brand()).isEqualTo("MySQL");
        assertThat(v.isMatrixOne()).isFalse();
        assertThat(v.semantic()).isEqualTo("8.0.36");
        assertThat(ServerVersion.parse("8.0.36-0ubuntu0.22.04.1").brand()).isEqualTo("MySQL");
        assertThat(ServerVersion.parse("5.7.44-log").brand()).isEqualTo("MySQL");
    }

    @Test
    void assumesTheNewestGrammarForOtherServers() {
        ServerVersion mysql = ServerVersion.parse("8.0.36");
        ServerVersion mariadb = ServerVersion.parse("5.5.5-10.11.19-MariaDB-0+deb12u1");
        for (Feature f : Feature.values()) {
            assertThat(mysql.supports(f)).as(f.name()).isTrue();
            assertThat(mariadb.supports(f)).as(f.name()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "MatrixOne", "8.0", "v", "4.x.0", "8.0.30-MatrixOne-vX"})
    void rejectsUnreadableText(String text) {
        assertThatThrownBy(() -> ServerVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unrecognised server version string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.0.30-MatrixOne-vX", "8.0.30-MatrixOne-4.2.0", "8.0.30-OmniFabric-v4..2"})
    void rejectsAMalformedMatrixOneVersionInsteadOfTakingItForMySql(String text) {
        assertThatThrownBy(() -> ServerVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unrecognised server version string");
    }

    @Test
    void takesAnyOtherThreePartVersionForAMySqlCompatibleServer() {
        assertThat(ServerVersion.parse("8.0.30-TiDB-v7.5.0").brand()).isEqualTo("MySQL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsEmptyText(String text) {
        assertThatThrownBy(() -> ServerVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version string must not be empty");
        assertThatThrownBy(() -> ServerVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersReleaseCandidatesBeforeTheRelease() {
        ServerVersion rc1 = ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc1");
        ServerVersion rc2 = ServerVersion.parse("8.0.30-OmniFabric-v4.0.0-rc2");
        ServerVersion rc10 = ServerVersion.parse("4.0.0-rc10");
        ServerVersion release = ServerVersion.parse("4.0.0");
        assertThat(rc1).isLessThan(rc2);
        assertThat(rc2).isLessThan(rc10);
        assertThat(rc10).isLessThan(release);
        assertThat(release).isGreaterThan(rc1);
    }

    @Test
    void ordersByNumbersNotText() {
        assertThat(ServerVersion.parse("v3.0.18")).isLessThan(ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc1"));
        assertThat(ServerVersion.parse("3.0.9")).isLessThan(ServerVersion.parse("3.0.18"));
        assertThat(ServerVersion.parse("3.10.0")).isGreaterThan(ServerVersion.parse("3.9.99"));
    }

    @Test
    void sortsAMixedListAndPutsDevLast() {
        List<ServerVersion> versions = new ArrayList<>(List.of(
                ServerVersion.parse("8.0.30-MatrixOne-v"), ServerVersion.parse("4.2.0"),
                ServerVersion.parse("4.0.0-rc2"), ServerVersion.parse("v3.0.18"), ServerVersion.parse("4.0.0-rc1")));
        Collections.sort(versions);
        assertThat(versions).extracting(ServerVersion::semantic)
                .containsExactly("3.0.18", "4.0.0-rc1", "4.0.0-rc2", "4.2.0", "dev");
    }

    @Test
    void treatsTwoSpellingsOfOneReleaseAsEqualInOrder() {
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.2.0")).isEqualByComparingTo(ServerVersion.of(4, 2, 0));
        assertThat(ServerVersion.parse("4.2.0").atLeast(ServerVersion.parse("8.0.30-MatrixOne-v4.2.0"))).isTrue();
    }

    @Test
    void atLeastComparesInclusively() {
        ServerVersion v = ServerVersion.of(4, 1, 4);
        assertThat(v.atLeast(ServerVersion.of(4, 1, 4))).isTrue();
        assertThat(v.atLeast(ServerVersion.parse("4.0.0-rc1"))).isTrue();
        assertThat(v.atLeast(ServerVersion.of(4, 2, 0))).isFalse();
    }

    @Test
    void gatesRestoreSnapshotHintAtFourZeroRc1() {
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v3.0.18").supports(Feature.RESTORE_SNAPSHOT_HINT)).isFalse();
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.0.0-rc1").supports(Feature.RESTORE_SNAPSHOT_HINT)).isTrue();
        assertThat(ServerVersion.parse("8.0.30-MatrixOne-v4.2.0").supports(Feature.RESTORE_SNAPSHOT_HINT)).isTrue();
    }

    @Test
    void gatesSetKeepsTransactionAfterFourTwoZero() {
        assertThat(ServerVersion.of(4, 2, 0).supports(Feature.SET_KEEPS_TRANSACTION)).isFalse();
        assertThat(ServerVersion.of(4, 2, 1).supports(Feature.SET_KEEPS_TRANSACTION)).isTrue();
        assertThat(ServerVersion.DEV.supports(Feature.SET_KEEPS_TRANSACTION)).isTrue();
    }

    @Test
    void rejectsNegativeNumbers() {
        assertThatThrownBy(() -> new ServerVersion("x", "MatrixOne", -1, 0, 0, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
