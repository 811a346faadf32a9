package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.model.PitrUnit;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.result.RowMapper;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Point-in-time recovery (mo_sql.md §5). Every PITR statement, SHOW PITR included, is refused inside a
 * transaction (20101), so all of them are {@link TxRule#AFTER_COMMIT}: inside a transaction, even
 * {@link #list()} and {@link #get} answer after the commit. They read SHOW PITR rather than
 * {@code mo_catalog.mo_pitr} because that table lives in the sys account's catalog only; SHOW PITR is the one
 * way every account sees its own PITRs.
 */
@Managed(accessor = "pitrs", name = "Pitr", doc = "Point-in-time recovery: ranges of history kept, and restores to an instant within them.")
public final class PitrSql {
    private final ServerVersion version;

    PitrSql(ServerVersion version) {
        this.version = version;
    }

    /**
     * {@code CREATE PITR [IF NOT EXISTS] `p` <target> RANGE n 'u'}, after commit, undone by
     * {@code DROP PITR IF EXISTS} (not with IF NOT EXISTS: the PITR may predate the call).
     */
    @Managed.Op
    public Operation<Void> create(PitrSpec spec) {
        return Operation.run(createStatement(spec));
    }

    private String gatedDatabaseTable() {
        Gates.require(version, Feature.PITR_ALL_TARGETS, "CREATE PITR ... FOR DATABASE d TABLE t");
        return " FOR DATABASE ";
    }

    Statement createStatement(PitrSpec spec) {
        Gates.require(version, Feature.PITR, "CREATE PITR");
        StringBuilder sql = new StringBuilder("CREATE PITR ");
        if (spec.keepExisting()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(Identifiers.quote(spec.name(), NameKind.PITR));
        switch (spec.target()) {
            case CURRENT_ACCOUNT -> sql.append(" FOR ACCOUNT");
            case CLUSTER -> sql.append(" FOR CLUSTER");
            case ACCOUNT -> sql.append(" FOR ACCOUNT ").append(Identifiers.quote(spec.account(), NameKind.ACCOUNT));
            case DATABASE -> sql.append(" FOR DATABASE ").append(Identifiers.quote(spec.database(), NameKind.DATABASE));
            case TABLE -> sql.append(" FOR TABLE ").append(Identifiers.quote(spec.database(), NameKind.DATABASE))
                    .append(' ').append(Identifiers.quote(spec.table(), NameKind.TABLE));
            case NONE -> Gates.require(version, Feature.PITR_ALL_TARGETS, "CREATE PITR without a FOR clause");
            case DATABASE_TABLE -> sql.append(gatedDatabaseTable()).append(Identifiers.quote(spec.database(), NameKind.DATABASE))
                    .append(" TABLE ").append(Identifiers.quote(spec.table(), NameKind.TABLE));
        }
        sql.append(range(spec.range()));
        Statement st = Statement.afterCommit(sql.toString());
        return spec.keepExisting() ? st : st.withUndo(dropStatement(spec.name(), true));
    }

    /** {@code ALTER PITR `p` RANGE n 'u'}. */
    @Managed.Op
    public Operation<Void> alter(String name, PitrRange range) {
        return Operation.run(alterStatement(name, range, false));
    }

    /** {@code ALTER PITR IF EXISTS `p` RANGE n 'u'}. */
    @Managed.Op
    public Operation<Void> alterIfExists(String name, PitrRange range) {
        return Operation.run(alterStatement(name, range, true));
    }

    private Statement alterStatement(String name, PitrRange range, boolean ifExists) {
        Gates.require(version, Feature.PITR, "ALTER PITR");
        if (range == null) {
            throw new IllegalArgumentException("range must not be null");
        }
        return Statement.afterCommit("ALTER PITR " + (ifExists ? "IF EXISTS " : "") + Identifiers.quote(name, NameKind.PITR)
                + range(range));
    }

    /** {@code DROP PITR `p`}. */
    @Managed.Op
    public Operation<Void> drop(String name) {
        return Operation.run(dropStatement(name, false));
    }

    /** {@code DROP PITR IF EXISTS `p`}. */
    @Managed.Op
    public Operation<Void> dropIfExists(String name) {
        return Operation.run(dropStatement(name, true));
    }

    Statement dropStatement(String name, boolean ifExists) {
        Gates.require(version, Feature.PITR, "DROP PITR");
        return Statement.afterCommit("DROP PITR " + (ifExists ? "IF EXISTS " : "") + Identifiers.quote(name, NameKind.PITR));
    }

    /** {@code SHOW PITR}: this account's PITRs, newest first. After commit inside a transaction. */
    @Managed.Op
    public Operation<List<Pitr>> list() {
        Gates.require(version, Feature.PITR, "SHOW PITR");
        return Operation.of(Statement.afterCommit("SHOW PITR"), ResultMapper.list(rowMapper()));
    }

    /**
     * {@code SHOW PITR WHERE PITR_NAME = 'p'} with the name lower-cased as the server stores it. SHOW cannot take
     * bound parameters; the name is checked, then written as a string literal.
     */
    @Managed.Op
    public Operation<Optional<Pitr>> get(String name) {
        Gates.require(version, Feature.PITR, "SHOW PITR");
        String folded = Identifiers.check(name, NameKind.PITR).toLowerCase(Locale.ROOT);
        return Operation.of(Statement.afterCommit("SHOW PITR WHERE PITR_NAME = " + Literals.string(folded)),
                ResultMapper.optional(rowMapper()));
    }

    /** The restore, in one of the seven forms; after commit, no undo. */
    @Managed.Op
    public Operation<Void> restore(PitrRestoreSpec spec) {
        return Operation.run(restoreStatement(spec));
    }

    Statement restoreStatement(PitrRestoreSpec spec) {
        Gates.require(version, Feature.PITR, "RESTORE ... FROM PITR");
        StringBuilder sql = new StringBuilder("RESTORE ");
        if (spec.level() == null) {
            // current account: RESTORE FROM PITR p 'ts'
        } else {
            switch (spec.level()) {
                case CLUSTER -> sql.append("CLUSTER ");
                case ACCOUNT -> sql.append("ACCOUNT ").append(Identifiers.quote(spec.account(), NameKind.ACCOUNT)).append(' ');
                case DATABASE, TABLE -> {
                    if (spec.account() != null) {
                        Gates.require(version, Feature.RESTORE_PITR_ACCOUNT_DATABASE, "RESTORE ACCOUNT a DATABASE d ... FROM PITR");
                        sql.append("ACCOUNT ").append(Identifiers.quote(spec.account(), NameKind.ACCOUNT)).append(' ');
                    }
                    sql.append("DATABASE ").append(Identifiers.quote(spec.database(), NameKind.DATABASE)).append(' ');
                    if (spec.level() == SnapshotLevel.TABLE) {
                        sql.append("TABLE ").append(Identifiers.quote(spec.table(), NameKind.TABLE)).append(' ');
                    }
                }
            }
        }
        sql.append("FROM PITR ").append(Identifiers.quote(spec.pitr(), NameKind.PITR)).append(' ')
                .append(Literals.timestampSeconds(spec.time()));
        if (spec.sourceAccount() != null) {
            // as_name_opt: a bare identifier (the grammar also takes AS ident, which reads backwards)
            sql.append(' ').append(Identifiers.quote(spec.sourceAccount(), NameKind.ACCOUNT));
        }
        return Statement.afterCommit(sql.toString());
    }

    /** Maps a SHOW PITR row (labels in any case; {@code *} cells become null). */
    public RowMapper<Pitr> rowMapper() {
        return row -> new Pitr(row.getString("PITR_NAME"), row.getLocalDateTime("CREATED_TIME"),
                row.getLocalDateTime("MODIFIED_TIME"), SnapshotLevel.fromCatalog(row.getString("PITR_LEVEL")),
                row.getString("ACCOUNT_NAME"), row.getString("DATABASE_NAME"), row.getString("TABLE_NAME"),
                PitrRange.of(row.getInt("PITR_LENGTH"), PitrUnit.fromSql(row.getString("PITR_UNIT"))));
    }

    private static String range(PitrRange range) {
        return " RANGE " + range.value() + " " + Literals.string(range.unit().sqlName());
    }
}
