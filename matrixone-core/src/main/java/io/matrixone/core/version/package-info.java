/**
 * Server versions: {@link io.matrixone.core.version.ServerVersion} parsed from what the server reports, and
 * {@link io.matrixone.core.version.Feature}, the grammar each release added: the one place that gates by version.
 */
package io.matrixone.core.version;
