/**
 * Not API. {@code ErrorClassifier}: the one place that turns a server or driver error into the SDK's exception
 * type, for both clients.
 */
package io.matrixone.core.internal.error;
