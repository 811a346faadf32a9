/**
 * Client options: {@link io.matrixone.core.config.ClientOptions}, immutable and built once, in groups (connection,
 * TLS, pool, timeouts, session); also read from a {@code matrixone://} URL or {@code MATRIXONE_*} environment
 * variables ({@code OptionParser}: one table of options, unknown keys refused). Both clients take the same options.
 */
package io.matrixone.core.config;
