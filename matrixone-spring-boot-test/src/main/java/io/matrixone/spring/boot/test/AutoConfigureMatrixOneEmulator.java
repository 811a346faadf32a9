package io.matrixone.spring.boot.test;

import io.matrixone.emulator.Emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test a local MatrixOne: before the application context starts, a MatrixOne emulator (in front of a
 * MariaDB it starts itself) is launched and the {@code matrixone.*} properties point at it, so the starter's
 * clients, DataSource, JPA and Flyway all talk to it. The {@link Emulator} is a bean too, for looking at what the
 * server received ({@code emulator.statements()}) or injecting faults. It stops when the context is closed; Spring
 * caches contexts, so tests with the same annotation values share one emulator.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMatrixOneEmulator(database = "shop")
 * class OrderServiceTest {
 *     @Autowired OrderService orders;
 *     @Autowired Emulator matrixOne;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMatrixOneEmulator {

    /** The MatrixOne version to emulate (its grammar and answers), e.g. {@code 3.0.18}. */
    String version() default Emulator.DEFAULT_VERSION;

    /** The database {@code matrixone.database} names; created on the emulator if it does not exist. */
    String database() default "test";
}
