package io.matrixone.async;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** No password in any log line (DEBUG included) or exception message. */
@ExtendWith(EmulatorExtension.class)
class NoSecretsInLogsIT {
    private static final String SECRET = "Sup3r-s3cret-pw";
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger sdk;
    private Level before;

    @BeforeEach
    void capture() {
        sdk = (Logger) LoggerFactory.getLogger("io.matrixone");
        before = sdk.getLevel();
        sdk.setLevel(Level.DEBUG);
        appender.start();
        sdk.addAppender(appender);
    }

    @AfterEach
    void release() {
        sdk.detachAppender(appender);
        sdk.setLevel(before);
    }

    @Test
    void passwordsNeverReachLogsOrErrors(Emulator mo) {
        AsyncMatrixOneClient wrong = Clients.client(mo, o -> o.password(SECRET));
        try (var closing = Closing.of(wrong)) {
            Throwable e = failure(wrong.query("SELECT 1"));
            assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET);
        }
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.slowQueryThreshold(Duration.ofNanos(1)));
        try (var closing = Closing.of(client)) {
            Throwable e = failure(client.execute("CREATE USER IF NOT EXISTS 'a_u' IDENTIFIED BY '" + SECRET + "' BOGUS"));
            assertThat(e.getMessage()).doesNotContain(SECRET);
            await(client.query("SELECT '" + SECRET + "'"));
        }
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
        }
    }
}
