package io.matrixone.emulator.junit;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.backend.MariaDbServer;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.matrixone.emulator.RealServer;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Injects an {@link Emulator} or its {@link MariaDbServer} into test constructors, test methods and
 * {@code @BeforeAll}/{@code @BeforeEach} methods:
 *
 * <pre>{@code
 * @ExtendWith(EmulatorExtension.class)
 * class SnapshotIT {
 *     @Test
 *     void creates(Emulator mo) { ... mo.jdbcUrl() ... }
 *
 *     @Test
 *     @EmulatorVersion("3.0.18")
 *     void oldGrammar(Emulator mo) { ... }
 * }
 * }</pre>
 *
 * <p>One MariaDB per JVM and one emulator per target version are started on first use and kept in the root
 * context's store, which closes them when the test run ends. Before each test the extension clears the faults
 * of every emulator; the statement log is left to the tests.
 *
 * <p><b>Third tier.</b> With the system property {@value #TIER_PROPERTY}{@code =real} (the build's
 * {@code real-server} profile sets it) the tests get a real MatrixOne instead, named by {@code MATRIXONE_URL} or
 * {@code MATRIXONE_HOST} ({@link RealServer}): no emulator is started. A test that asks for the statement log, fault
 * injection or the MariaDB is skipped at that point with the reason; one marked {@link EmulatorOnly} is skipped
 * before it starts; one that names another server version ({@link EmulatorVersion}: another major.minor) is skipped
 * too; a test that names none runs on whatever version the real server has.
 */
public final class EmulatorExtension implements ParameterResolver, BeforeEachCallback, ExecutionCondition {
    /** The system property that selects the tier: {@code emulator} (default) or {@code real}. */
    public static final String TIER_PROPERTY = "matrixone.tier";
    private static final String REAL_KEY = "real-server";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);
    private static final String BACKEND_KEY = "mariadb";
    private static final String EMULATORS_KEY = "emulators";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class || type == MariaDbServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RealServer real = realServer(context);
        if (real != null) {
            return Emulator.real(real); // evaluateExecutionCondition skipped what cannot run against it
        }
        try {
            if (type == MariaDbServer.class) {
                return backend(context);
            }
            return emulator(context, version(context));
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("could not start the MatrixOne emulator: " + e.getMessage(), e);
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isRealTier()) {
            return ConditionEvaluationResult.enabled("emulator tier");
        }
        Optional<EmulatorOnly> only = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e,
                EmulatorOnly.class));
        if (only.isPresent()) {
            return ConditionEvaluationResult.disabled("checks the emulator itself: " + only.get().value());
        }
        if (context.getTestMethod().isPresent()) {
            RealServer real = realServer(context);
            Optional<String> wanted = namedVersion(context); // a test without one runs on any version
            if (wanted.isPresent() && !sameMinor(wanted.get(), real.version())) {
                return ConditionEvaluationResult.disabled("written for MatrixOne " + wanted.get()
                        + "; the real server is " + real.version());
            }
            for (Class<?> p : context.getTestMethod().get().getParameterTypes()) {
                if (p == MariaDbServer.class) {
                    return ConditionEvaluationResult.disabled("needs the MariaDB behind the emulator");
                }
            }
        }
        return ConditionEvaluationResult.enabled("runs against a real MatrixOne");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (isRealTier()) {
            return;
        }
        Emulators started = root(context).get(EMULATORS_KEY, Emulators.class);
        if (started != null) {
            started.all().forEach(e -> e.faults().clear());
        }
    }

    /** Whether the run targets a real MatrixOne (the third tier). */
    public static boolean isRealTier() {
        return "real".equals(System.getProperty(TIER_PROPERTY));
    }

    /** The real MatrixOne of this run, found once; {@code null} on the emulator tier. */
    private static RealServer realServer(ExtensionContext context) {
        if (!isRealTier()) {
            return null;
        }
        return root(context).getOrComputeIfAbsent(REAL_KEY, k -> {
            RealServer found = RealServer.fromEnvironment(System.getenv());
            if (found == null) {
                throw new IllegalStateException("-D" + TIER_PROPERTY + "=real needs MATRIXONE_URL or MATRIXONE_HOST "
                        + "naming a MatrixOne server");
            }
            return RealServerRun.start(found); // closed with the root context: drops what the tests made
        }, RealServerRun.class).server();
    }

    /** Whether two versions share major and minor (3.0.9 serves a 3.0.18 test; 4.2.0 does not). */
    static boolean sameMinor(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        return x.length >= 2 && y.length >= 2 && x[0].equals(y[0]) && x[1].equals(y[1]);
    }

    /** The shared MariaDB, started on first use. */
    public static MariaDbServer backend(ExtensionContext context) {
        return root(context).getOrComputeIfAbsent(BACKEND_KEY, k -> MariaDbServer.start(), MariaDbServer.class);
    }

    /** The emulator of a version, started on first use on the shared MariaDB. */
    public static Emulator emulator(ExtensionContext context, String version) {
        MariaDbServer backend = backend(context);
        return emulators(context).get(version, backend);
    }

    private static Emulators emulators(ExtensionContext context) {
        return root(context).getOrComputeIfAbsent(EMULATORS_KEY, k -> new Emulators(), Emulators.class);
    }

    private static ExtensionContext.Store root(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    /** The version named on the test method, else on the test class or an enclosing class, else the default. */
    static String version(ExtensionContext context) {
        return namedVersion(context).orElse(Emulator.DEFAULT_VERSION);
    }

    /** The version named with {@link EmulatorVersion} on the test method, its class or an enclosing class. */
    static Optional<String> namedVersion(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            Optional<EmulatorVersion> found = element.flatMap(e -> AnnotationSupport.findAnnotation(e,
                    EmulatorVersion.class));
            if (found.isPresent()) {
                return Optional.of(found.get().value());
            }
        }
        return Optional.empty();
    }

    /**
     * The emulators of this run, by version. Stored after the MariaDB, so the store closes it first: emulators
     * stop before their backend does.
     */
    static final class Emulators implements AutoCloseable {
        private final Map<String, Emulator> byVersion = new ConcurrentHashMap<>();

        Emulator get(String version, MariaDbServer backend) {
            return byVersion.computeIfAbsent(version,
                    v -> Emulator.builder().version(v).backend(backend).build().start());
        }

        Iterable<Emulator> all() {
            return byVersion.values();
        }

        @Override
        public void close() {
            byVersion.values().forEach(Emulator::close);
            byVersion.clear();
        }
    }
}
