/**
 * Results both clients return: {@link io.matrixone.core.result.Result} (rows read whole, or an update count with
 * generated keys), {@link io.matrixone.core.result.Row} with typed getters, and mapping of rows to records and other
 * types ({@code RowMapper}, {@code RecordMapper}).
 */
package io.matrixone.core.result;
