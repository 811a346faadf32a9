package io.matrixone.core.dialect;

import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.result.Result;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;

class VersionSqlTest {

    @Test
    void detectsTheVersionWithSelectVersion() {
        Operation<ServerVersion> op = VersionSql.detect();
        assertThat(op.firstStatement().sql()).isEqualTo("SELECT version()");
        assertThat(op.txRule()).isEqualTo(TxRule.NOW);
        ServerVersion v = op.execute(new ScriptedRunner()
                .answer(Result.builder(List.of("version()")).addRow("8.0.30-MatrixOne-v3.0.18").build()));
        assertThat(v.supports(Feature.RESTORE_SNAPSHOT_HINT)).isFalse();
        assertThat(v.semantic()).isEqualTo("3.0.18");
    }

    @Test
    void infoChainsVersionAndGitVersion() {
        ScriptedRunner runner = new ScriptedRunner()
                .answer(Result.builder(List.of("version()")).addRow("8.0.30-MatrixOne-v").build())
                .answer(Result.builder(List.of("git_version()")).addRow("7c27538f5a").build());
        VersionInfo info = D42.version().info().execute(runner);
        assertThat(runner.sql()).containsExactly("SELECT version()", "SELECT git_version()");
        assertThat(info.versionString()).isEqualTo("8.0.30-MatrixOne-v");
        assertThat(info.version().devBuild()).isTrue();
        assertThat(info.gitVersion()).isEqualTo("7c27538f5a");
    }
}
