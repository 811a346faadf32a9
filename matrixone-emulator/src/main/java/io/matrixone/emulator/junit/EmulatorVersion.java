package io.matrixone.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The MatrixOne version the {@link EmulatorExtension} emulates for a test class or method (default 4.2.0).
 * Every version gets its own emulator; all of them share one MariaDB.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EmulatorVersion {
    String value();
}
