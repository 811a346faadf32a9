package io.matrixone.core.dialect;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.result.RowMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationTest {

    /** Answers each statement with a one-row, one-column result holding its SQL, and records what it ran. */
    private static final class FakeRunner {
        final List<String> ran = new ArrayList<>();

        Result run(Statement s) {
            ran.add(s.sql());
            return Result.builder(List.of("sql")).addRow(s.sql()).build();
        }

        Function<Statement, Result> sync() {
            return this::run;
        }

        /** Completes nothing until {@link #complete()}: proves the operation composes rather than waits. */
        final List<CompletableFuture<Result>> pending = new ArrayList<>();
        final List<Statement> pendingStatements = new ArrayList<>();

        Function<Statement, CompletionStage<Result>> deferred() {
            return s -> {
                CompletableFuture<Result> f = new CompletableFuture<>();
                pending.add(f);
                pendingStatements.add(s);
                return f;
            };
        }

        void completeNext() {
            int i = ran.size();
            ran.add(pendingStatements.get(i).sql());
            pending.get(i).complete(Result.builder(List.of("sql")).addRow(pendingStatements.get(i).sql()).build());
        }
    }

    private static final ResultMapper<String> SQL_ECHO = ResultMapper.one(RowMapper.firstColumn(String.class));

    @Test
    void singleRunsItsStatementAndMapsTheResult() {
        FakeRunner runner = new FakeRunner();
        Operation<String> op = Operation.of(Statement.of("SELECT 1"), SQL_ECHO);
        assertThat(op.execute(runner.sync())).isEqualTo("SELECT 1");
        assertThat(runner.ran).containsExactly("SELECT 1");
    }

    @Test
    void runIgnoresTheResult() {
        FakeRunner runner = new FakeRunner();
        assertThat(Operation.run(Statement.of("DROP TABLE t")).execute(runner.sync())).isNull();
        assertThat(runner.ran).containsExactly("DROP TABLE t");
    }

    @Test
    void chainRunsTheNextStatementWithThePreviousValue() {
        FakeRunner runner = new FakeRunner();
        Operation<String> op = Operation.of(Statement.afterCommit("CREATE SNAPSHOT `sp1` FOR ACCOUNT"), SQL_ECHO)
                .then(created -> Operation.of(Statement.of("SELECT '" + created.length() + "'"), SQL_ECHO))
                .then(read -> Operation.of(Statement.of("SELECT " + read.length()), SQL_ECHO));
        assertThat(op.execute(runner.sync())).isEqualTo("SELECT 11");
        assertThat(runner.ran).containsExactly("CREATE SNAPSHOT `sp1` FOR ACCOUNT", "SELECT '33'", "SELECT 11");
    }

    @Test
    void chainTakesItsTransactionRuleFromTheFirstStatement() {
        Operation<String> op = Operation.of(Statement.afterCommit("CREATE SNAPSHOT `s` FOR ACCOUNT"), SQL_ECHO)
                .then(x -> Operation.of(Statement.of("SELECT 1"), SQL_ECHO));
        assertThat(op.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(op.firstStatement().sql()).isEqualTo("CREATE SNAPSHOT `s` FOR ACCOUNT");
        assertThat(Operation.run(Statement.of("SELECT 1")).txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void mapTransformsTheValueOfASingle() {
        FakeRunner runner = new FakeRunner();
        Operation<Integer> op = Operation.of(Statement.of("SELECT 1"), SQL_ECHO).map(String::length);
        assertThat(op.firstStatement()).isNotNull();
        assertThat(op.execute(runner.sync())).isEqualTo(8);
        assertThat(runner.ran).containsExactly("SELECT 1");
    }

    @Test
    void mapTransformsTheFinalValueOfAChain() {
        FakeRunner runner = new FakeRunner();
        Operation<Integer> op = Operation.of(Statement.of("A"), SQL_ECHO)
                .then(a -> Operation.of(Statement.of(a + "B"), SQL_ECHO))
                .map(String::length);
        assertThat(op.firstStatement().sql()).isEqualTo("A");
        assertThat(op.execute(runner.sync())).isEqualTo(2);
        assertThat(runner.ran).containsExactly("A", "AB");
    }

    @Test
    void buildingAnOperationRunsNothing() {
        FakeRunner runner = new FakeRunner();
        Operation<Integer> op = Operation.of(Statement.of("A"), SQL_ECHO)
                .then(a -> Operation.of(Statement.of("B"), SQL_ECHO)).map(String::length);
        assertThat(op).isNotNull();
        assertThat(runner.ran).isEmpty();
    }

    @Test
    void asyncSingleCompletesWithTheMappedValue() {
        FakeRunner runner = new FakeRunner();
        CompletionStage<String> stage = Operation.of(Statement.of("SELECT 1"), SQL_ECHO).executeAsync(runner.deferred());
        assertThat(stage.toCompletableFuture()).isNotDone();
        runner.completeNext();
        assertThat(stage.toCompletableFuture()).isCompletedWithValue("SELECT 1");
    }

    @Test
    void asyncChainSendsTheNextStatementOnlyAfterThePreviousAnswer() {
        FakeRunner runner = new FakeRunner();
        CompletionStage<Integer> stage = Operation.of(Statement.of("A"), SQL_ECHO)
                .then(a -> Operation.of(Statement.of(a + "B"), SQL_ECHO))
                .map(String::length)
                .executeAsync(runner.deferred());
        assertThat(runner.pendingStatements).extracting(Statement::sql).containsExactly("A");
        runner.completeNext();
        assertThat(runner.pendingStatements).extracting(Statement::sql).containsExactly("A", "AB");
        assertThat(stage.toCompletableFuture()).isNotDone();
        runner.completeNext();
        assertThat(stage.toCompletableFuture()).isCompletedWithValue(2);
    }

    @Test
    void asyncChainStopsAtTheFirstFailure() {
        List<String> sent = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        CompletionStage<String> stage = Operation.of(Statement.of("A"), SQL_ECHO)
                .then(a -> Operation.of(Statement.of("B"), SQL_ECHO))
                .executeAsync(s -> {
                    sent.add(s.sql());
                    return CompletableFuture.failedFuture(boom);
                });
        assertThat(sent).containsExactly("A");
        assertThatThrownBy(() -> stage.toCompletableFuture().join()).isInstanceOf(CompletionException.class).hasCause(boom);
    }

    @Test
    void asyncMapperFailureFailsTheStage() {
        FakeRunner runner = new FakeRunner();
        CompletionStage<Object> stage = Operation.<Object>of(Statement.of("A"), r -> {
            throw new IllegalArgumentException("bad row");
        }).executeAsync(s -> CompletableFuture.completedFuture(runner.run(s)));
        assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void asyncRunnerThatThrowsYieldsAFailedStageInsteadOfThrowing() {
        IllegalStateException refused = new IllegalStateException("refused before sending");
        CompletionStage<String> stage = Operation.of(Statement.of("A"), SQL_ECHO).executeAsync(s -> {
            throw refused;
        });
        assertThatThrownBy(() -> stage.toCompletableFuture().join()).hasCause(refused);

        CompletionStage<String> chained = Operation.of(Statement.of("A"), SQL_ECHO)
                .then(a -> Operation.of(Statement.of("B"), SQL_ECHO))
                .executeAsync(s -> {
                    throw refused;
                });
        assertThatThrownBy(() -> chained.toCompletableFuture().join()).hasCause(refused);
    }

    @Test
    void syncFailurePropagatesAndStopsTheChain() {
        List<String> sent = new ArrayList<>();
        Operation<String> op = Operation.of(Statement.of("A"), SQL_ECHO)
                .then(a -> Operation.of(Statement.of("B"), SQL_ECHO));
        assertThatThrownBy(() -> op.execute(s -> {
            sent.add(s.sql());
            throw new IllegalStateException("server said no");
        })).hasMessage("server said no");
        assertThat(sent).containsExactly("A");
    }

    @Test
    void rejectsNullParts() {
        assertThatThrownBy(() -> Operation.of(null, SQL_ECHO)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Operation.of(Statement.of("A"), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Operation.run(Statement.of("A")).map(null)).isInstanceOf(NullPointerException.class);
    }
}
