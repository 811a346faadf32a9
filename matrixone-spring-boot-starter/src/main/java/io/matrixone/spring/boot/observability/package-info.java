/**
 * Micrometer meters (statement timers by kind and outcome, pool gauges, after-commit step counters) and
 * OpenTelemetry spans (database semantic conventions, redacted SQL only) from the SDK's statement listeners; both
 * optional.
 */
package io.matrixone.spring.boot.observability;
