/**
 * MatrixOne's behaviour: statements recognised by their grammar ({@code Recogniser}, {@code SqlLexer}) and answered
 * by one handler per feature (snapshots, clones, restores, PITR, publications, accounts, mo_ctl), with MatrixOne's
 * catalog, error codes and transaction rules.
 */
package io.matrixone.emulator.engine;
