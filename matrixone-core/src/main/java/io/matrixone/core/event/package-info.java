/**
 * Statement events: a {@link io.matrixone.core.event.StatementListener} registered in the options hears of every
 * statement before it is sent and after it ends, on both clients, with redacted SQL and no parameter values.
 */
package io.matrixone.core.event;
