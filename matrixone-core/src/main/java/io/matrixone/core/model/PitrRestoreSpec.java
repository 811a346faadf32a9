package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A restore from a PITR to a point in time (grammar rule {@code restore_pitr_stmt}, mo_sql.md §5.3), one
 * factory per form:
 * <pre>
 * RESTORE FROM PITR p 'ts'                                   currentAccount(p, ts)
 * RESTORE DATABASE d FROM PITR p 'ts'                        database(p, d, ts)
 * RESTORE ACCOUNT a DATABASE d FROM PITR p 'ts'              database(p, d, ts).ofAccount(a)     (4.1+)
 * RESTORE DATABASE d TABLE t FROM PITR p 'ts'                table(p, d, t, ts)
 * RESTORE ACCOUNT a DATABASE d TABLE t FROM PITR p 'ts'      table(p, d, t, ts).ofAccount(a)     (4.1+)
 * RESTORE ACCOUNT a FROM PITR p 'ts' [src]                   account(p, a, ts)[.fromAccount(src)]
 * RESTORE CLUSTER FROM PITR p 'ts'                           cluster(p, ts)
 * </pre>
 * The time is a wall-clock time in the server's zone, whole seconds (fractions are dropped), as
 * {@code pitr.go doResolveTimeStamp} reads it.
 *
 * @param pitr          the PITR name
 * @param level         {@code null} for the current account, else what is restored
 * @param account       the account (account level; database and table level with {@code ofAccount})
 * @param database      for database and table level
 * @param table         for table level
 * @param sourceAccount account level only: restore that account's data into {@code account} (needs a cluster PITR)
 * @param time          the point in time, server-local
 */
public record PitrRestoreSpec(String pitr, SnapshotLevel level, String account, String database, String table,
                              String sourceAccount, LocalDateTime time) {

    public PitrRestoreSpec {
        Models.name(pitr, NameKind.PITR);
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.SECONDS);
        Models.optionalName(account, NameKind.ACCOUNT);
        Models.optionalName(database, NameKind.DATABASE);
        Models.optionalName(table, NameKind.TABLE);
        Models.optionalName(sourceAccount, NameKind.ACCOUNT);
        Models.require(sourceAccount == null || level == SnapshotLevel.ACCOUNT,
                "a source account applies to account restores only");
        if (level == null || level == SnapshotLevel.CLUSTER) {
            Models.require(account == null && database == null && table == null,
                    "a cluster or current-account PITR restore names no account, database or table");
        } else if (level == SnapshotLevel.ACCOUNT) {
            Models.require(account != null && database == null && table == null, "an account restore names the account only");
        } else {
            Models.require(database != null, level.catalogName() + " restore needs the database");
            Models.require((table != null) == (level == SnapshotLevel.TABLE),
                    level.catalogName() + " restore " + (table == null ? "needs" : "cannot name") + " a table");
        }
    }

    public static PitrRestoreSpec currentAccount(String pitr, LocalDateTime time) {
        return new PitrRestoreSpec(pitr, null, null, null, null, null, time);
    }

    public static PitrRestoreSpec cluster(String pitr, LocalDateTime time) {
        return new PitrRestoreSpec(pitr, SnapshotLevel.CLUSTER, null, null, null, null, time);
    }

    public static PitrRestoreSpec account(String pitr, String account, LocalDateTime time) {
        return new PitrRestoreSpec(pitr, SnapshotLevel.ACCOUNT, Models.name(account, NameKind.ACCOUNT), null, null, null,
                time);
    }

    public static PitrRestoreSpec database(String pitr, String database, LocalDateTime time) {
        return new PitrRestoreSpec(pitr, SnapshotLevel.DATABASE, null, Models.name(database, NameKind.DATABASE), null,
                null, time);
    }

    public static PitrRestoreSpec table(String pitr, String database, String table, LocalDateTime time) {
        return new PitrRestoreSpec(pitr, SnapshotLevel.TABLE, null, Models.name(database, NameKind.DATABASE),
                Models.name(table, NameKind.TABLE), null, time);
    }

    /** {@code RESTORE ACCOUNT a DATABASE d ...}: database and table restores only; MatrixOne 4.1 or later. */
    public PitrRestoreSpec ofAccount(String account) {
        Models.require(level == SnapshotLevel.DATABASE || level == SnapshotLevel.TABLE,
                "ofAccount applies to database and table restores");
        return new PitrRestoreSpec(pitr, level, Models.name(account, NameKind.ACCOUNT), database, table, null, time);
    }

    /** Account restores only: restore {@code source}'s data into this spec's account. */
    public PitrRestoreSpec fromAccount(String source) {
        return new PitrRestoreSpec(pitr, level, account, database, table, Models.name(source, NameKind.ACCOUNT), time);
    }
}
