package io.matrixone.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The SDK on the module path, as a modular application would use it: the async client's and core's descriptors
 * resolve against the real dependency jars, the public packages are exported, and the internal ones reach only
 * the SDK's own modules. Runs after packaging, on the built artifacts.
 */
class ModulePathIT {

    private static final Set<String> CORE_API = Set.of("io.matrixone.core.bulk", "io.matrixone.core.config",
            "io.matrixone.core.dialect", "io.matrixone.core.error", "io.matrixone.core.event",
            "io.matrixone.core.manager", "io.matrixone.core.model", "io.matrixone.core.result",
            "io.matrixone.core.retry", "io.matrixone.core.search", "io.matrixone.core.tx", "io.matrixone.core.version");

    /** The test's class path as module path, without the test classes and the test-only libraries. */
    private static ModuleFinder sdkModulePath() {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> !p.toString().contains("test-classes"))
                .filter(p -> p.toString().contains("matrixone-") || p.toString().contains("/io/vertx/")
                        || p.toString().contains("/io/netty/") || p.toString().contains("/org/slf4j/")
                        || p.toString().contains("/com/fasterxml/jackson/"))
                .filter(p -> !p.toString().contains("matrixone-emulator") && !p.toString().contains("matrixone-client"))
                .toList();
        return ModuleFinder.of(entries.toArray(Path[]::new));
    }

    @Test
    void theAsyncClientResolvesAsAModuleAndExportsOnlyItsApi() {
        ModuleFinder finder = sdkModulePath();
        Configuration config = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.matrixone.async"));
        ModuleDescriptor core = config.findModule("io.matrixone.core").orElseThrow().reference().descriptor();
        ModuleDescriptor async = config.findModule("io.matrixone.async").orElseThrow().reference().descriptor();
        assertThat(core.isAutomatic()).isFalse();
        assertThat(async.isAutomatic()).isFalse();

        assertThat(unqualified(core)).containsExactlyInAnyOrderElementsOf(CORE_API);
        assertThat(qualified(core)).allSatisfy(e -> {
            assertThat(e.source()).startsWith("io.matrixone.core.internal");
            assertThat(e.targets()).containsExactlyInAnyOrder("io.matrixone.client", "io.matrixone.async");
        });
        assertThat(core.packages()).containsAll(qualified(core).stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
        assertThat(unqualified(async)).containsExactly("io.matrixone.async");
        assertThat(qualified(async)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("io.matrixone.async.internal");
            assertThat(e.targets()).containsExactly("io.matrixone.hibernate.reactive");
        });

        // in a layer of its own the API loads, and an application module cannot reach the internals
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        Module coreModule = layer.findModule("io.matrixone.core").orElseThrow();
        Module asyncModule = layer.findModule("io.matrixone.async").orElseThrow();
        assertThat(coreModule.isExported("io.matrixone.core.dialect")).isTrue();
        assertThat(coreModule.isExported("io.matrixone.core.internal.tx")).isFalse();
        assertThat(coreModule.isExported("io.matrixone.core.internal.tx", asyncModule)).isTrue();
        assertThat(asyncModule.isExported("io.matrixone.async.internal")).isFalse();
    }

    @Test
    void aMissingDependencyIsReportedByResolution() {
        ModuleFinder withoutVertx = ModuleFinder.of(Arrays.stream(System.getProperty("java.class.path")
                        .split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.toString().contains("matrixone-core") || p.toString().contains("matrixone-async"))
                .filter(p -> !p.toString().contains("test-classes"))
                .toArray(Path[]::new));
        assertThatThrownBy(() -> ModuleLayer.boot().configuration()
                .resolve(withoutVertx, ModuleFinder.of(), Set.of("io.matrixone.async")))
                .hasMessageContaining("not found");
    }

    private static Set<String> unqualified(ModuleDescriptor d) {
        return d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
    }

    private static Set<ModuleDescriptor.Exports> qualified(ModuleDescriptor d) {
        return d.exports().stream().filter(ModuleDescriptor.Exports::isQualified).collect(Collectors.toSet());
    }
}
