package io.matrixone.spring.boot;

import io.matrixone.emulator.Emulator;

import java.util.UUID;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Test helpers: an application context with the starter pointed at the emulator. */
final class Contexts {
    private Contexts() {
    }

    static ApplicationContextRunner on(Emulator mo) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MatrixOneAutoConfiguration.class))
                .withPropertyValues("matrixone.host=" + mo.host(), "matrixone.port=" + mo.port(),
                        "matrixone.user=" + mo.user(), "matrixone.password=" + mo.password(),
                        "matrixone.database=" + mo.database(), "matrixone.pool.max-size=4",
                        "matrixone.pool.min-idle=0", "matrixone.async.enabled=false");
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
