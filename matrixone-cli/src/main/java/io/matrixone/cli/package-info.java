/**
 * The {@code matrixone} command line (picocli): snapshots, clones, restores, PITRs, publications, accounts, bulk
 * load with progress, export, version, mo_ctl and a diagnosis, against a server named by flags, {@code MATRIXONE_*}
 * or a URL; table or JSON output and exit codes ({@code ExitCode}) for scripts. {@code Main} is the entry point.
 */
package io.matrixone.cli;
