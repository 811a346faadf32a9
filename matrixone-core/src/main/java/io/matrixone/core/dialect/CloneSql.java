package io.matrixone.core.dialect;

import io.matrixone.core.error.DatabaseExistsException;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

/**
 * Database and table clones (mo_sql.md §3.1).
 *
 * <p>Inside a transaction: a <b>table</b> clone is transactional in MatrixOne when the transaction was opened with
 * BEGIN and sees the transaction's own rows, so it runs at once ({@link TxRule#NOW}) and a ROLLBACK undoes it. A
 * <b>database</b> clone inside BEGIN is undone by ROLLBACK too, but reads only committed data (measured on 4.2.0:
 * the transaction's own rows are missing, and a table the transaction created fails the clone with 1064), so it
 * runs right after COMMIT instead ({@link TxRule#AFTER_COMMIT}) and then holds everything the transaction wrote. A
 * clone that names a snapshot queued in the same transaction is queued after it ({@link Statement#readsSnapshot()}).
 * Clones carry an undo ({@code DROP ... IF EXISTS} of the target) for when a later after-commit step fails, offered
 * only without IF NOT EXISTS and TO ACCOUNT, so that a compensation never drops a database or table it did not
 * create.
 *
 * <p>{@code CREATE DATABASE IF NOT EXISTS ... CLONE} onto an existing database is an error on MatrixOne (1007); the
 * operation keeps the meaning of IF NOT EXISTS and succeeds without cloning.
 */
@Managed(accessor = "clones", name = "Clone", doc = "Database and table clones, live or from a snapshot.")
public final class CloneSql {
    private final ServerVersion version;

    CloneSql(ServerVersion version) {
        this.version = version;
    }

    /** A database or table clone, as the spec says. */
    @Managed.Op
    public Operation<Void> clone(CloneSpec spec) {
        Operation<Void> op = Operation.run(statement(spec));
        return spec.keepExisting() && !spec.isTableClone() ? op.orElseWhen(DatabaseExistsException.class, null) : op;
    }

    /** {@code CREATE DATABASE [IF NOT EXISTS] `t` CLONE `s` [{SNAPSHOT = 'sp'}] [TO ACCOUNT `a`]}. */
    @Managed.Op
    public Operation<Void> database(CloneSpec spec) {
        if (spec.isTableClone()) {
            throw new IllegalArgumentException("database(...) was given a table clone; use table(...)");
        }
        return clone(spec);
    }

    /**
     * {@code CREATE TABLE [IF NOT EXISTS] `db`.`t` CLONE `db`.`s` [{SNAPSHOT = 'sp'}] [COPY GRANTS]
     * [TO ACCOUNT `a`]}.
     */
    @Managed.Op
    public Operation<Void> table(CloneSpec spec) {
        if (!spec.isTableClone()) {
            throw new IllegalArgumentException("table(...) was given a database clone; use database(...)");
        }
        return clone(spec);
    }

    /** The clone statement alone. */
    Statement statement(CloneSpec spec) {
        Gates.require(version, Feature.CLONE, "CLONE");
        if (spec.copyingGrants()) {
            Gates.require(version, Feature.CLONE_COPY_GRANTS, "CLONE ... COPY GRANTS");
        }
        StringBuilder sql = new StringBuilder(spec.isTableClone() ? "CREATE TABLE " : "CREATE DATABASE ");
        if (spec.keepExisting()) {
            sql.append("IF NOT EXISTS ");
        }
        String target = spec.isTableClone()
                ? Identifiers.qualified(spec.targetDatabase(), spec.targetTable())
                : Identifiers.quote(spec.targetDatabase(), NameKind.DATABASE);
        String source = spec.isTableClone()
                ? Identifiers.qualified(spec.sourceDatabase(), spec.sourceTable())
                : Identifiers.quote(spec.sourceDatabase(), NameKind.DATABASE);
        sql.append(target).append(" CLONE ").append(source);
        if (spec.snapshot() != null) {
            sql.append(' ').append(TimeTravel.snapshotHint(spec.snapshot()));
        }
        if (spec.copyingGrants()) {
            sql.append(" COPY GRANTS");
        }
        if (spec.toAccount() != null) {
            sql.append(" TO ACCOUNT ").append(Identifiers.quote(spec.toAccount(), NameKind.ACCOUNT));
        }
        Statement st = spec.isTableClone() ? Statement.of(sql.toString()) : Statement.afterCommit(sql.toString());
        if (spec.snapshot() != null) {
            st = st.readingSnapshot(spec.snapshot());
        }
        // no undo with IF NOT EXISTS (the target may predate this call) nor with TO ACCOUNT (the target lives in
        // another account, and the same name here may be someone else's database)
        if (!spec.keepExisting() && spec.toAccount() == null) {
            st = st.withUndo(Statement.of((spec.isTableClone() ? "DROP TABLE IF EXISTS " : "DROP DATABASE IF EXISTS ")
                    + target));
        }
        return st;
    }
}
