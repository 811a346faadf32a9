package io.matrixone.spring.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** A failing migration: the application does not start and the database is restored from the snapshot. */
@ExtendWith(EmulatorExtension.class)
class BrokenMigrationIT {

    @Test
    void aFailedMigrationRestoresTheDatabaseAndTheApplicationDoesNotStart(Emulator mo) {
        String database = "broken_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String[] args = {"--matrixone.url=", "--matrixone.host=" + mo.host(), "--matrixone.port=" + mo.port(),
                "--matrixone.user=" + mo.user(), "--matrixone.password=" + mo.password(),
                "--matrixone.database=" + database, "--spring.main.web-application-type=none"};
        try (MatrixOneClient admin = MatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()).user(mo.user())
                .password(mo.password()).database(mo.database()))) {
            admin.execute("CREATE DATABASE " + database);
            try {
                // first start: V1 and V2 apply
                SpringApplication first = new SpringApplication(ExampleApplication.class);
                first.setWebApplicationType(WebApplicationType.NONE);
                try (ConfigurableApplicationContext ctx = first.run(args)) {
                    ctx.getBean(OrderService.class).place("kept", 1, null);
                }
                // second start with a broken V3: it fails after changing things, and the snapshot undoes them
                SpringApplication second = new SpringApplication(ExampleApplication.class);
                second.setWebApplicationType(WebApplicationType.NONE);
                String[] broken = append(args, "--spring.flyway.locations=classpath:db/migration,classpath:db/broken");
                assertThatThrownBy(() -> second.run(broken)).hasStackTraceContaining("V3__broken");

                String inDb = " FROM " + database + ".";
                assertThat(admin.query("SELECT COUNT(*)" + inDb + "customers").scalarLong()).isEqualTo(1);
                assertThat(admin.query("SELECT name" + inDb + "customers").scalar(String.class)).isEqualTo("kept");
                assertThat(admin.query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND "
                        + "table_name = 'half_done'", database).scalarLong()).isZero();
                assertThat(admin.query("SELECT MAX(version)" + inDb + "flyway_schema_history").scalar(String.class))
                        .isEqualTo("2");
                mo.statementsIfRecorded().ifPresent(log ->  // the emulator shows the restore; on a real server the rows do
                        assertThat(log.containsSql("RESTORE DATABASE `" + database + "`")).isTrue());
            } finally {
                admin.execute("DROP DATABASE IF EXISTS " + database); // a real server keeps what a test leaves
            }
        }
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
