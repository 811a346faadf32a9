package io.matrixone.spring.boot.test;

import java.util.List;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Finds {@link AutoConfigureMatrixOneEmulator} on a test class (registered in {@code META-INF/spring.factories}). */
public final class MatrixOneEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(AutoConfigureMatrixOneEmulator.class)
                .synthesize(a -> a.isPresent())
                .map(a -> new MatrixOneEmulatorContextCustomizer(a.version(), a.database()))
                .orElse(null);
    }
}
