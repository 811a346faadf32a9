/**
 * What MatrixOne's features take and return, as records and small immutable builders: specs checked when they are
 * built ({@code SnapshotSpec}, {@code CloneSpec}, {@code RestoreSpec}, {@code PitrSpec}, {@code PublicationSpec},
 * {@code AccountSpec}, {@code UserSpec}, ...) and the objects read back ({@code Snapshot}, {@code Pitr},
 * {@code Publication}, {@code Account}, {@code MoCtlResult}, {@code VersionInfo}).
 */
package io.matrixone.core.model;
