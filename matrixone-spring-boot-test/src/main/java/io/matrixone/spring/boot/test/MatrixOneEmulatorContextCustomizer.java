package io.matrixone.spring.boot.test;

import io.matrixone.emulator.Emulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an emulator for one application context, points {@code matrixone.*} at it (ahead of every other property
 * source, so an application.yml naming a real server is overridden) and stops it with the context. Equal for equal
 * annotation values, which is what lets Spring's test context cache share the context and the emulator.
 */
final class MatrixOneEmulatorContextCustomizer implements ContextCustomizer {
    private static final Logger log = LoggerFactory.getLogger(MatrixOneEmulatorContextCustomizer.class);
    static final String BEAN_NAME = "matrixOneEmulator";

    private final String version;
    private final String database;

    MatrixOneEmulatorContextCustomizer(String version, String database) {
        this.version = version;
        this.database = database;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        Emulator emulator = Emulator.builder().version(version).build().start();
        try {
            createDatabase(emulator);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        log.info("MatrixOne emulator {} for the test context on port {}", version, emulator.port());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("matrixOneEmulator", Map.of(
                "matrixone.url", "",
                "matrixone.host", emulator.host(),
                "matrixone.port", emulator.port(),
                "matrixone.user", emulator.user(),
                "matrixone.password", emulator.password(),
                "matrixone.database", database)));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, emulator);
        beans.registerDisposableBean(BEAN_NAME, emulator::close);
    }

    private void createDatabase(Emulator emulator) {
        if (database.equals(emulator.database())) {
            return;
        }
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("database must be a plain name, was '" + database + "'");
        }
        try (Connection c = DriverManager.getConnection(emulator.jdbcUrl(), emulator.user(), emulator.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on the emulator", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatrixOneEmulatorContextCustomizer other && version.equals(other.version)
                && database.equals(other.database);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, database);
    }
}
