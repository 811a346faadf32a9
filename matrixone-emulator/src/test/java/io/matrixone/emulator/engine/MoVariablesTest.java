package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoVariablesTest {

    private static Statement one(String sql) {
        return Statement.split(sql, SqlLexer.tokenize(sql)).get(0);
    }

    @Test
    void matrixOneVariablesAreKeptOthersGoToMariaDb() {
        MoVariables vars = new MoVariables();
        MoVariables.Values session = new MoVariables.Values();
        assertThat(MoVariables.known("experimental_ivf_index")).isTrue();
        assertThat(MoVariables.known("autocommit")).isFalse();
        assertThat(vars.read("@@experimental_ivf_index", session)).isEqualTo("0");
        assertThat(vars.set(one("set experimental_ivf_index = on"), session)).isEqualTo(Reply.Ok.EMPTY);
        assertThat(vars.read("@@session.experimental_ivf_index", session)).isEqualTo("1");
        assertThat(vars.read("@@global.experimental_ivf_index", session)).isEqualTo("0");
        assertThat(vars.set(one("set global probe_limit = 7, @a = 1, autocommit = 0"), session))
                .isEqualTo(new Reply.Forward("SET @a = 1, autocommit = 0"));
        assertThat(vars.read("@@probe_limit", new MoVariables.Values())).isEqualTo("7");
        assertThat(vars.set(one("set autocommit = 1"), session)).isNull();
        String sql = "select @@probe_limit + 1, @@version";
        assertThat(vars.substitute(sql, SqlLexer.tokenize(sql), session)).isEqualTo("select 7 + 1, @@version");
    }
}
