package io.matrixone.spring.boot.observability;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenTelemetry span per statement, with the database semantic conventions: {@code db.system.name}
 * ({@code matrixone}), {@code db.namespace}, {@code db.operation.name} ({@link StatementKind}), {@code db.query.text}
 * (the SQL as the SDK redacts it: literals masked, never a parameter value or a password),
 * {@code db.response.status_code} and {@code error.type} on failure, {@code db.response.returned_rows},
 * {@code server.address} and {@code server.port}; and {@code matrixone.statement.scope} (autocommit, transaction,
 * after_commit).
 *
 * <p>The span is written when the statement ended, with its start set back by the statement's duration. Its parent
 * is the caller's context: for the sync client the one current when the statement ends (the caller's thread); for the
 * async client the one current when it was sent, kept by the statement's {@link StatementEvent#id() id} until it
 * ended on the event loop. An async transaction's statements are sent from the transaction's event loop, so they
 * have the context current there (usually none). One instance per client: ids are numbered per client.
 */
public final class MatrixOneTracing implements StatementListener {
    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> DB_QUERY = AttributeKey.stringKey("db.query.text");
    static final AttributeKey<String> DB_STATUS = AttributeKey.stringKey("db.response.status_code");
    static final AttributeKey<Long> DB_ROWS = AttributeKey.longKey("db.response.returned_rows");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> SCOPE = AttributeKey.stringKey("matrixone.statement.scope");

    private final Tracer tracer;
    private final String namespace;
    private final String host;
    private final long port;
    /** The caller's context of async statements in flight whose caller had a span, by statement id. */
    private final Map<Long, Context> parents = new ConcurrentHashMap<>();

    /** Spans for a client with {@code options} (where it connects), from {@code openTelemetry}'s tracer. */
    public MatrixOneTracing(OpenTelemetry openTelemetry, ClientOptions options) {
        this.tracer = openTelemetry.getTracer("io.matrixone.sdk");
        this.namespace = options.connection().database();
        this.host = options.connection().host();
        this.port = options.connection().port();
    }

    @Override
    public void beforeStatement(StatementEvent e) {
        if (e.client() == StatementEvent.Client.ASYNC) {
            Context caller = Context.current();
            if (Span.fromContext(caller).getSpanContext().isValid()) {
                parents.put(e.id(), caller);
            }
        }
    }

    @Override
    public void afterStatement(StatementEvent e) {
        String operation = StatementKind.of(e.sql());
        Instant end = Instant.now();
        Context parent = parents.remove(e.id());
        Span span = tracer.spanBuilder(namespace == null ? operation : operation + " " + namespace)
                .setParent(parent != null ? parent : Context.current())
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(end.minus(e.duration()))
                .setAttribute(DB_SYSTEM, "matrixone")
                .setAttribute(DB_OPERATION, operation)
                .setAttribute(DB_QUERY, e.sql())
                .setAttribute(SERVER_ADDRESS, host)
                .setAttribute(SERVER_PORT, port)
                .setAttribute(SCOPE, e.scope().name().toLowerCase(Locale.ROOT))
                .startSpan();
        if (namespace != null) {
            span.setAttribute(DB_NAMESPACE, namespace);
        }
        if (e.isSuccess()) {
            if (e.rowCount() >= 0) {
                span.setAttribute(DB_ROWS, e.rowCount());
            }
        } else {
            span.setAttribute(ERROR_TYPE, e.error().getClass().getName());
            if (e.error().errorCode() != 0) {
                span.setAttribute(DB_STATUS, Integer.toString(e.error().errorCode()));
            }
            span.setStatus(StatusCode.ERROR); // no message: the exception's text is not needed to find the span
        }
        span.end(end);
    }
}
