/**
 * The build-time annotation processor that writes the managers (sync, transaction, async) and their accessors from
 * the dialect's {@code @Managed} descriptions; not on any runtime class path.
 */
package io.matrixone.codegen;
