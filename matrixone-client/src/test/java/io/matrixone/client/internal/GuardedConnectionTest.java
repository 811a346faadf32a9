package io.matrixone.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class GuardedConnectionTest {
    private final Recorder recorder = new Recorder();
    private final GuardedConnection guarded = new GuardedConnection(recorder.of(Connection.class));

    @Test
    void refusesTransactionControlWithoutTouchingTheConnection() {
        assertThatThrownBy(guarded::commit).isInstanceOf(SQLException.class).hasMessageContaining("owns");
        assertThatThrownBy(guarded::rollback).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guarded.setAutoCommit(true)).isInstanceOf(SQLException.class);
        assertThatThrownBy(guarded::setSavepoint).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guarded.setSavepoint("s")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guarded.rollback(null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guarded.releaseSavepoint(null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guarded.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                .isInstanceOf(SQLException.class).hasMessageContaining("SET");
        assertThatThrownBy(() -> guarded.setReadOnly(true)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guarded.abort(Runnable::run)).isInstanceOf(SQLException.class);
        assertThat(recorder.calls).isEmpty();
    }

    @Test
    void closeDoesNothingAndAutoCommitReadsFalse() throws SQLException {
        guarded.close();
        assertThat(guarded.getAutoCommit()).isFalse();
        assertThat(guarded.isClosed()).isFalse();
        assertThat(recorder.calls).extracting(Recorder.Call::method).containsExactly("isClosed");
    }

    @Test
    void passesStatementsThrough() throws SQLException {
        guarded.prepareStatement("SELECT 1");
        assertThat(recorder.last()).isEqualTo(new Recorder.Call("prepareStatement", java.util.List.of("SELECT 1")));
    }

    @Test
    void cannotBeUnwrappedToTheDriverConnection() throws SQLException {
        assertThat(guarded.unwrap(Connection.class)).isSameAs(guarded);
        assertThatThrownBy(() -> guarded.unwrap(com.mysql.cj.jdbc.JdbcConnection.class)).isInstanceOf(SQLException.class);
    }

    @Test
    void failsEverythingAfterTheTransactionEnded() {
        guarded.invalidate();
        assertThatThrownBy(() -> guarded.prepareStatement("SELECT 1")).isInstanceOf(SQLException.class)
                .hasMessageContaining("ended");
        assertThat(recorder.calls).isEmpty();
    }
}
