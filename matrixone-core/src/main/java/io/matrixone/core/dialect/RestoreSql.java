package io.matrixone.core.dialect;

import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

/**
 * RESTORE from a snapshot, in the grammar of the server's generation (mo_sql.md §4), never mixed:
 * <ul>
 *   <li>4.0.0-rc1 and later ({@link Feature#RESTORE_SNAPSHOT_HINT}):
 *       {@code RESTORE {CLUSTER | ACCOUNT `a` | DATABASE [`a`.]`d` | TABLE [`a`.]`d`.`t`}{SNAPSHOT = 's'}
 *       [TO ACCOUNT `b`]} (no TO ACCOUNT at cluster level);</li>
 *   <li>up to 3.0.x: {@code RESTORE CLUSTER FROM SNAPSHOT `s`},
 *       {@code RESTORE ACCOUNT `a` [DATABASE `d` [TABLE `t`]] FROM SNAPSHOT `s`}, and
 *       {@code TO ACCOUNT `b`} only after the account-level form.</li>
 * </ul>
 * The 3.0.x database and table forms must name the account; {@link #restore(RestoreSpec)} fills in the dialect's
 * login account when the spec names none (the
 * newer grammar then leaves it out, and the server uses the snapshot's account).
 *
 * <p>RESTORE is refused inside a transaction (20101) and runs in its own background transaction: it is
 * {@link TxRule#AFTER_COMMIT}, with no undo.
 */
@Managed(accessor = "restores", name = "Restore", doc = "Restores from snapshots, in the grammar of the server's version.")
public final class RestoreSql {
    private final ServerVersion version;
    private final String loginAccount;

    RestoreSql(ServerVersion version, String loginAccount) {
        this.version = version;
        this.loginAccount = loginAccount;
    }

    /**
     * Restores from a snapshot; after COMMIT inside a transaction. On 3.0.x a database or table restore must name
     * its account: the login account stands in when the spec names none. On 4.x the grammar has no account there.
     */
    @Managed.Op
    public Operation<Void> restore(RestoreSpec spec) {
        boolean legacy = !version.supports(Feature.RESTORE_SNAPSHOT_HINT);
        return Operation.run(statement(legacy && loginAccount != null ? spec.withDefaultAccount(loginAccount) : spec));
    }

    Statement statement(RestoreSpec spec) {
        Gates.require(version, Feature.SNAPSHOTS, "RESTORE");
        String sql = version.supports(Feature.RESTORE_SNAPSHOT_HINT) ? hintForm(spec) : legacyForm(spec);
        return Statement.afterCommit(sql).readingSnapshot(spec.snapshot());
    }

    private static String hintForm(RestoreSpec spec) {
        if (spec.toAccount() != null && (spec.level() == SnapshotLevel.DATABASE || spec.level() == SnapshotLevel.TABLE)) {
            // measured on 4.2.0: the server answers OK, ignores TO ACCOUNT and restores the caller's own data instead
            throw new IllegalArgumentException("MatrixOne ignores TO ACCOUNT on a " + spec.level().catalogName()
                    + " restore and would overwrite the " + spec.level().catalogName() + " in your own account; to copy "
                    + "a snapshot's data into another account, clone it: CloneSpec...fromSnapshot(s).toAccount(a), or "
                    + "restore the whole account");
        }
        StringBuilder sql = new StringBuilder("RESTORE ");
        switch (spec.level()) {
            case CLUSTER -> sql.append("CLUSTER");
            case ACCOUNT -> sql.append("ACCOUNT ").append(Identifiers.quote(spec.account(), NameKind.ACCOUNT));
            case DATABASE -> sql.append("DATABASE ").append(accountPrefix(spec))
                    .append(Identifiers.quote(spec.database(), NameKind.DATABASE));
            case TABLE -> sql.append("TABLE ").append(accountPrefix(spec))
                    .append(Identifiers.qualified(spec.database(), spec.table()));
        }
        sql.append(TimeTravel.snapshotHint(spec.snapshot()));
        appendToAccount(sql, spec);
        return sql.toString();
    }

    private static String legacyForm(RestoreSpec spec) {
        if (spec.toAccount() != null && spec.level() != SnapshotLevel.ACCOUNT) {
            throw new IllegalArgumentException("MatrixOne 3.0.x accepts TO ACCOUNT only when restoring a whole account"
                    + " (RESTORE ACCOUNT a FROM SNAPSHOT s TO ACCOUNT b); a " + spec.level().catalogName()
                    + " restore into another account needs 4.0 or later");
        }
        StringBuilder sql = new StringBuilder("RESTORE ");
        if (spec.level() == SnapshotLevel.CLUSTER) {
            sql.append("CLUSTER");
        } else {
            if (spec.account() == null) {
                throw new IllegalArgumentException("MatrixOne 3.0.x needs the account of a " + spec.level().catalogName()
                        + " restore (RESTORE ACCOUNT a DATABASE d ...): use RestoreSpec.ofAccount(...) or pass the "
                        + "login account");
            }
            sql.append("ACCOUNT ").append(Identifiers.quote(spec.account(), NameKind.ACCOUNT));
            if (spec.database() != null) {
                sql.append(" DATABASE ").append(Identifiers.quote(spec.database(), NameKind.DATABASE));
            }
            if (spec.table() != null) {
                sql.append(" TABLE ").append(Identifiers.quote(spec.table(), NameKind.TABLE));
            }
        }
        sql.append(" FROM SNAPSHOT ").append(Identifiers.quote(spec.snapshot(), NameKind.SNAPSHOT));
        appendToAccount(sql, spec);
        return sql.toString();
    }

    private static String accountPrefix(RestoreSpec spec) {
        return spec.account() == null ? "" : Identifiers.quote(spec.account(), NameKind.ACCOUNT) + ".";
    }

    private static void appendToAccount(StringBuilder sql, RestoreSpec spec) {
        if (spec.toAccount() != null) {
            sql.append(" TO ACCOUNT ").append(Identifiers.quote(spec.toAccount(), NameKind.ACCOUNT));
        }
    }
}
