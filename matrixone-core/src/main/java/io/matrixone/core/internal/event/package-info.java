/**
 * Not API. {@code StatementListeners}: calls the options' listeners for both clients, isolating them from each
 * other and from the statement.
 */
package io.matrixone.core.internal.event;
