package io.matrixone.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test, or a test class, that checks the emulator itself (its own messages, what it refuses, its relay), not
 * MatrixOne's behaviour: against a real MatrixOne (the third tier) it is skipped with this reason. Tests that only
 * use the statement log or fault injection need no annotation: asking for those skips them there.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EmulatorOnly {
    /** Why it cannot run against a real MatrixOne. */
    String value();
}
