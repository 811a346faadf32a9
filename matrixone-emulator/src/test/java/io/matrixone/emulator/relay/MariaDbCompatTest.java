package io.matrixone.emulator.relay;

import io.matrixone.emulator.engine.Backend;
import io.matrixone.emulator.engine.BackendException;
import io.matrixone.emulator.engine.BackendResult;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbCompatTest {

    private static Backend backend(boolean knowsTransactionIsolation) {
        return new Backend() {
            @Override
            public BackendResult execute(String sql) {
                if (!knowsTransactionIsolation) {
                    throw new BackendException(1193, "HY000", "Unknown system variable 'transaction_isolation'");
                }
                return BackendResult.ok(0, 0);
            }

            @Override
            public boolean inTransaction() {
                return false;
            }
        };
    }

    @Test
    void oldMariaDbGetsTheOldNames() {
        MariaDbCompat compat = MariaDbCompat.detect(backend(false));
        assertThat(compat.rewrites()).isTrue();
        assertThat(compat.rewrite("SELECT @@session.transaction_isolation AS transaction_isolation, "
                + "@@TRANSACTION_READ_ONLY, @@global.transaction_isolation"))
                .isEqualTo("SELECT @@session.tx_isolation AS transaction_isolation, @@tx_READ_ONLY, "
                        + "@@global.tx_isolation");
        String untouched = "SELECT transaction_isolation FROM t";
        assertThat(compat.rewrite(untouched)).isSameAs(untouched);
    }

    @Test
    void newMariaDbIsLeftAlone() {
        MariaDbCompat compat = MariaDbCompat.detect(backend(true));
        assertThat(compat.rewrites()).isFalse();
        String sql = "SELECT @@transaction_isolation";
        assertThat(compat.rewrite(sql)).isSameAs(sql);
    }
}
