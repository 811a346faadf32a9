package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connector/J's JDBC escape processing must not touch what the SDK built: names such as {@code {fn victim}} are
 * legal MatrixOne identifiers once back-quoted, and the driver used to rewrite them after validation (the
 * statement that reached the server dropped a different database). Each case asserts, from the emulator's log,
 * that the server received exactly the SQL the dialect built.
 */
@ExtendWith(EmulatorExtension.class)
class EscapeProcessingIT {

    private static void sentExactly(Emulator mo, MatrixOneClient client, Function<io.matrixone.core.dialect.Dialect,
            Operation<?>> build, Consumer<MatrixOneClient> call) {
        String expected = build.apply(client.dialect()).firstStatement().sql();
        mo.statements().clear();
        catchThrowable(() -> call.accept(client)); // the server may refuse the statement; what matters is its text
        List<String> sent = mo.statements().sqls();
        assertThat(sent).as("statements the server received").isNotEmpty();
        assertThat(sent.get(0)).isEqualTo(expected);
    }

    @Test
    void unsubscribeFromAHostileNameDropsThatNameAndNoOther(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String victim = Clients.unique("victim");
            client.execute("CREATE DATABASE " + victim);
            String hostile = "{fn" + victim + "}"; // database names cannot hold whitespace on MatrixOne
            sentExactly(mo, client, d -> d.publications().unsubscribe(hostile),
                    c -> c.publications().unsubscribe(hostile));
            assertThat(client.query("SHOW DATABASES LIKE '" + victim + "'").size()).as("the victim database").isEqualTo(1);
            mo.statements().clear();
            assertThatThrownBy(() -> client.publications().unsubscribe("{fn " + victim + "}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace");
            assertThat(mo.statements().sqls()).isEmpty();
        }
    }

    @Test
    void dropUserIfExistsSendsTheQuotedNameUnchanged(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            sentExactly(mo, client, d -> d.accounts().dropUserIfExists("{fn root}"),
                    c -> c.accounts().dropUserIfExists("{fn root}"));
        }
    }

    @Test
    void cloneAndRestoreNamesWithEscapesAndCommentOpenersReachTheServerAsBuilt(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            sentExactly(mo, client, d -> d.clones().database(CloneSpec.database("{?=call/*x}", "src")),
                    c -> c.clones().database(CloneSpec.database("{?=call/*x}", "src")));
            sentExactly(mo, client, d -> d.clones().table(CloneSpec.table("db", "{?=call x}", "db", "t")),
                    c -> c.clones().table(CloneSpec.table("db", "{?=call x}", "db", "t")));
            sentExactly(mo, client, d -> d.restores().restore(RestoreSpec.database("/*", "s")),
                    c -> c.restores().restore(RestoreSpec.database("/*", "s")));
            sentExactly(mo, client, d -> d.clones().table(CloneSpec.table("db", "{call x", "db", "t")),
                    c -> c.clones().table(CloneSpec.table("db", "{call x", "db", "t")));
        }
    }

    @Test
    void rawSqlIsSentAsWritten(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            mo.statements().clear();
            client.query("SELECT '{fn now()}' AS a");
            client.query("SELECT ? AS b, '{d ''2020-01-01''}' AS c", 1);
            assertThat(mo.statements().containsSql("SELECT '{fn now()}' AS a")).isTrue();
            assertThat(mo.statements().containsSql("'{d ''2020-01-01''}'")).isTrue();
            assertThat(client.query("SELECT '{fn now()}' AS a").scalar(String.class)).isEqualTo("{fn now()}");
        }
    }
}
