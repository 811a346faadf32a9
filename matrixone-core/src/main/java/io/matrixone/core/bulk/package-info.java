/**
 * Bulk inserts: {@link io.matrixone.core.bulk.BulkInsert} describes the rows (read lazily, in constant memory), the
 * target and the mechanism ({@link io.matrixone.core.bulk.BulkMethod}); both clients run it in one transaction and
 * report {@link io.matrixone.core.bulk.BulkProgress} and a {@link io.matrixone.core.bulk.BulkResult}.
 */
package io.matrixone.core.bulk;
