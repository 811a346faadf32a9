package io.matrixone.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.spring.boot.observability.MatrixOneMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** The auto-configured beans against the emulator: options, DataSource, health, metrics, tracing, shutdown. */
@ExtendWith(EmulatorExtension.class)
class StarterIT {

    @Test
    void propertiesReachTheClientAndItsPoolIsTheDataSource(Emulator mo) {
        Contexts.on(mo).withPropertyValues("matrixone.pool.max-size=3", "matrixone.query-timeout=7s",
                        "matrixone.session-variables.sql_select_limit=5000")
                .run(ctx -> {
                    MatrixOneClient client = ctx.getBean(MatrixOneClient.class);
                    assertThat(client.options().pool().maxSize()).isEqualTo(3);
                    assertThat(client.options().timeouts().query()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(client.serverVersion().semantic()).isEqualTo(mo.version());
                    assertThat(ctx.getBean(DataSource.class)).isSameAs(client.dataSource());
                    assertThat(client.query("SELECT @@sql_select_limit").scalarLong()).isEqualTo(5000);
                    assertThat(ctx).doesNotHaveBean(AsyncMatrixOneClient.class);
                });
    }

    @Test
    void aUrlIsOneProperty(Emulator mo) {
        Contexts.on(mo).withPropertyValues("matrixone.host=", "matrixone.port=", "matrixone.url=matrixone://"
                        + mo.user() + ":" + mo.password() + "@" + mo.host() + ":" + mo.port() + "/" + mo.database())
                .run(ctx -> assertThat(ctx.getBean(MatrixOneClient.class).options().connection().port())
                        .isEqualTo(mo.port()));
    }

    @Test
    void aBadPropertyFailsTheStartupNamingIt(Emulator mo) {
        Contexts.on(mo).withPropertyValues("matrixone.pool.max-size=0").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("maxPoolSize"));
    }

    @Test
    void healthIsUpWithTheVersionAndDownWhenTheServerFails(Emulator mo) {
        Contexts.on(mo).withPropertyValues("matrixone.async.enabled=true").run(ctx -> {
            Health health = ctx.getBean(MatrixOneHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("version", "MatrixOne " + mo.version())
                    .containsKey("pool.total");
            assertThat(ctx.getBean(AsyncMatrixOneHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
            mo.faults().failNext("SELECT 1", 20101, "internal error");
            Health down = ctx.getBean(MatrixOneHealthIndicator.class).health(true);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails())).doesNotContain(mo.password() + "@");
        });
    }

    @Test
    void metricsTimeStatementsByKindAndCountWhatRunsAfterCommit(Emulator mo) {
        Contexts.on(mo).withPropertyValues("matrixone.async.enabled=true")
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class)).run(ctx -> {
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            MatrixOneClient client = ctx.getBean(MatrixOneClient.class);
            MatrixOneTransactionManager tm = ctx.getBean(MatrixOneTransactionManager.class);
            String table = Contexts.unique("m_t");
            String snapshot = Contexts.unique("snap");
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, secret VARCHAR(20))");
            new TransactionTemplate(tm).executeWithoutResult(s -> {
                client.execute("INSERT INTO " + table + " VALUES (1, 'hunter2')");
                tm.currentTransaction().snapshots().create(SnapshotSpec.database(snapshot, mo.database()));
            });
            assertThat(registry.get("matrixone.statements").tags("kind", "INSERT", "outcome", "success",
                    "scope", "transaction", "client", "sync").timer().count()).isEqualTo(1);
            assertThat(registry.get("matrixone.statements").tags("kind", "CREATE TABLE", "scope", "autocommit")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("matrixone.after.commit.statements").tags("client", "sync", "kind",
                    "CREATE SNAPSHOT", "outcome", "success").counter().count()).isEqualTo(1);
            assertThat(registry.get("matrixone.statements").tags("kind", "CREATE SNAPSHOT", "scope", "after_commit")
                    .timer().count()).isEqualTo(1);
            // a snapshot outside a transaction is not an after-commit step
            client.snapshots().create(SnapshotSpec.database(Contexts.unique("snap"), mo.database()));
            assertThat(registry.get("matrixone.after.commit.statements").counter().count()).isEqualTo(1);
            // the SDK's own transactions count the same, on both clients
            client.inTransaction(tx -> tx.snapshots().create(SnapshotSpec.database(Contexts.unique("snap"),
                    mo.database())));
            assertThat(registry.get("matrixone.after.commit.statements").tags("client", "sync").counter().count())
                    .isEqualTo(2);
            AsyncMatrixOneClient async = ctx.getBean(AsyncMatrixOneClient.class);
            async.transaction(tx -> {
                tx.snapshots().create(SnapshotSpec.database(Contexts.unique("snap"), mo.database())); // at commit
                return CompletableFuture.completedFuture(null);
            }).toCompletableFuture().join();
            assertThat(registry.get("matrixone.after.commit.statements").tags("client", "async", "kind",
                    "CREATE SNAPSHOT", "outcome", "success").counter().count()).isEqualTo(1);
            assertThat(registry.get("matrixone.pool.total").gauge().value()).isPositive();
            assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString())
                    .doesNotContain("hunter2"));
            assertThat(ctx.getBean(MatrixOneMetrics.class)).isNotNull();
        });
    }

    @Test
    void eachStatementIsASpanWithRedactedSql(Emulator mo) {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetry otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
        Contexts.on(mo).withBean(OpenTelemetry.class, () -> otel).run(ctx -> {
            MatrixOneClient client = ctx.getBean(MatrixOneClient.class);
            String table = Contexts.unique("t_t");
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, secret VARCHAR(20))");
            spans.reset();
            client.execute("INSERT INTO " + table + " VALUES (1, 'hunter2')");
            assertThatThrownBy(() -> client.execute("INSERT INTO " + table + " VALUES (1, 'x')"))
                    .isInstanceOf(DuplicateKeyException.class);
            List<SpanData> done = spans.getFinishedSpanItems();
            assertThat(done).hasSize(2);
            SpanData ok = done.get(0);
            assertThat(ok.getName()).isEqualTo("INSERT " + mo.database());
            assertThat(ok.getAttributes().get(AttributeKey.stringKey("db.system.name"))).isEqualTo("matrixone");
            assertThat(ok.getAttributes().get(AttributeKey.stringKey("db.query.text"))).contains(table)
                    .doesNotContain("hunter2");
            assertThat(ok.getAttributes().get(AttributeKey.longKey("server.port"))).isEqualTo(mo.port());
            assertThat(ok.getEndEpochNanos()).isGreaterThanOrEqualTo(ok.getStartEpochNanos());
            SpanData failed = done.get(1);
            assertThat(failed.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
            assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).endsWith("DuplicateKeyException");
            assertThat(failed.getAttributes().get(AttributeKey.stringKey("db.response.status_code"))).isEqualTo("1062");
        });
    }

    @Test
    void spansAreChildrenOfTheCallersSpanOnBothClients(Emulator mo) {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetry otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
        Contexts.on(mo).withPropertyValues("matrixone.async.enabled=true").withBean(OpenTelemetry.class, () -> otel)
                .run(ctx -> {
                    MatrixOneClient client = ctx.getBean(MatrixOneClient.class);
                    AsyncMatrixOneClient async = ctx.getBean(AsyncMatrixOneClient.class);
                    await(async.query("SELECT 1")); // connected before the measured part
                    spans.reset();
                    Span request = otel.getTracer("test").spanBuilder("request").startSpan();
                    try (Scope ignored = request.makeCurrent()) {
                        client.query("SELECT 1");
                        await(async.query("SELECT 2")); // ends on an event loop, where the request is not current
                    } finally {
                        request.end();
                    }
                    await(async.query("SELECT 3")); // no caller span: a root span
                    List<SpanData> done = spans.getFinishedSpanItems();
                    String trace = request.getSpanContext().getTraceId();
                    String parent = request.getSpanContext().getSpanId();
                    assertThat(done).filteredOn(s -> s.getName().startsWith("SELECT")).hasSize(3);
                    assertThat(done).filteredOn(s -> s.getName().startsWith("SELECT")
                                    && s.getAttributes().get(AttributeKey.stringKey("db.query.text")).matches("SELECT [12]"))
                            .hasSize(2).allSatisfy(s -> {
                                assertThat(s.getTraceId()).isEqualTo(trace);
                                assertThat(s.getParentSpanId()).isEqualTo(parent);
                            });
                    assertThat(done).filteredOn(s -> "SELECT 3".equals(
                                    s.getAttributes().get(AttributeKey.stringKey("db.query.text"))))
                            .singleElement().satisfies(s -> assertThat(s.getParentSpanContext().isValid()).isFalse());
                });
    }

    @Test
    void closingTheContextWaitsForAnOpenTransactionToCommit(Emulator mo) throws Exception {
        String table = Contexts.unique("shut");
        CountDownLatch begun = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<MatrixOneClient> clientRef = new AtomicReference<>();
        Contexts.on(mo).withPropertyValues("matrixone.shutdown.timeout=10s").run(ctx -> {
            MatrixOneClient client = ctx.getBean(MatrixOneClient.class);
            clientRef.set(client);
            client.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            Thread worker = new Thread(() -> {
                try {
                    client.inTransaction(tx -> {
                        tx.execute("INSERT INTO " + table + " VALUES (1)");
                        begun.countDown();
                        Thread.sleep(700); // still running when the context starts closing
                        tx.execute("INSERT INTO " + table + " VALUES (2)");
                    });
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            worker.start();
            assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
            ((ConfigurableApplicationContext) ctx.getSourceApplicationContext()).close();
            worker.join(10_000);
        });
        assertThat(failure.get()).isNull();
        try (MatrixOneClient check = MatrixOneClient.create(o -> o.host(mo.host()).port(mo.port())
                .user(mo.user()).password(mo.password()).database(mo.database()))) {
            assertThat(check.query("SELECT COUNT(*) FROM " + table).scalarLong()).isEqualTo(2);
        }
        assertThat(clientRef.get().toString()).contains("closed");
    }

    @Test
    void theAsyncClientSharesTheSettings(Emulator mo) {
        Contexts.on(mo).withPropertyValues("matrixone.async.enabled=true").run(ctx -> {
            AsyncMatrixOneClient async = ctx.getBean(AsyncMatrixOneClient.class);
            assertThat(async.options().pool().maxSize()).isEqualTo(4);
            assertThat(async.query("SELECT 41 + 1").toCompletableFuture().get(10, TimeUnit.SECONDS).scalarLong())
                    .isEqualTo(42);
        });
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
