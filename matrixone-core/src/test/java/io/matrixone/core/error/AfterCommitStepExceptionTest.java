package io.matrixone.core.error;

import io.matrixone.core.internal.error.ErrorClassifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterCommitStepExceptionTest {

    private static final MatrixOneException SNAPSHOT_EXISTS = ErrorClassifier.classify(20101, "HY000",
            "internal error: snapshot nightly already exists", "CREATE SNAPSHOT `nightly` FOR ACCOUNT", null);

    @Test
    void saysTheDataWasCommittedWhichStepFailedAndWhatWasUndone() {
        AfterCommitStepException e = new AfterCommitStepException(3, 4, "CREATE SNAPSHOT `nightly` FOR ACCOUNT",
                List.of("DROP SNAPSHOT IF EXISTS `s2`", "DROP DATABASE IF EXISTS `c1`"), List.of(), SNAPSHOT_EXISTS);
        assertThat(e.getMessage()).isEqualTo("the transaction was committed, but after-commit step 3 of 4 failed "
                + "(internal error: snapshot nightly already exists); steps 1..2: 2 undone; steps 4..4 were not run "
                + "[error 20101, SQLSTATE HY000] in: CREATE SNAPSHOT `nightly` FOR ACCOUNT");
        assertThat(e.failedStep()).isEqualTo(3);
        assertThat(e.stepCount()).isEqualTo(4);
        assertThat(e.undone()).containsExactly("DROP SNAPSHOT IF EXISTS `s2`", "DROP DATABASE IF EXISTS `c1`");
        assertThat(e.notUndone()).isEmpty();
    }

    @Test
    void carriesTheFailedStepsErrorAsCause() {
        AfterCommitStepException e = new AfterCommitStepException(1, 1, "X", List.of(), List.of(), SNAPSHOT_EXISTS);
        assertThat(e).hasCause(SNAPSHOT_EXISTS);
        assertThat(e.errorCode()).isEqualTo(20101);
        assertThat(e.sqlState()).isEqualTo("HY000");
        assertThat(e.sql()).isEqualTo("X");
        assertThat(e).isInstanceOf(MatrixOneException.class);
    }

    @Test
    void saysNothingAboutEarlierStepsWhenTheFirstFails() {
        AfterCommitStepException e = new AfterCommitStepException(1, 2, "X", List.of(), List.of(), SNAPSHOT_EXISTS);
        assertThat(e.getMessage()).startsWith("the transaction was committed, but after-commit step 1 of 2 failed")
                .contains("; steps 2..2 were not run").doesNotContain("undone");
    }

    @Test
    void namesTheStepsThatCouldNotBeUndone() {
        AfterCommitStepException e = new AfterCommitStepException(3, 3, "X", List.of("DROP SNAPSHOT IF EXISTS `s1`"),
                List.of("RESTORE ACCOUNT `acc1`{SNAPSHOT = '***'}"), SNAPSHOT_EXISTS);
        assertThat(e.getMessage()).contains("steps 1..2: 1 undone, 1 NOT undone [RESTORE ACCOUNT `acc1`{SNAPSHOT = '***'}]")
                .doesNotContain("were not run");
        assertThat(e.notUndone()).containsExactly("RESTORE ACCOUNT `acc1`{SNAPSHOT = '***'}");
    }

    @Test
    void copiesTheStepLists() {
        List<String> undone = new ArrayList<>(List.of("a"));
        AfterCommitStepException e = new AfterCommitStepException(2, 2, "X", undone, List.of(), SNAPSHOT_EXISTS);
        undone.add("b");
        assertThat(e.undone()).containsExactly("a");
        assertThatThrownBy(() -> e.undone().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isNotRetryableEvenWhenTheStepLostAConflict() {
        MatrixOneException conflict = ErrorClassifier.classify(20619, "HY000", "w-w conflict", "X", null);
        assertThat(conflict.isRetryable()).isTrue();
        AfterCommitStepException e = new AfterCommitStepException(1, 1, "X", List.of(), List.of(), conflict);
        // the transaction is committed: running it again would write the data twice
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void toleratesAMissingCause() {
        AfterCommitStepException e = new AfterCommitStepException(1, 1, null, List.of(), List.of(), null);
        assertThat(e.getMessage()).isEqualTo("the transaction was committed, but after-commit step 1 of 1 failed");
        assertThat(e.errorCode()).isZero();
    }
}
