package io.matrixone.hibernate;

import jakarta.persistence.Timeout;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.RowLockStrategy;
import org.hibernate.dialect.lock.PessimisticLockStyle;
import org.hibernate.dialect.lock.spi.ConnectionLockTimeoutStrategy;
import org.hibernate.dialect.lock.spi.LockTimeoutType;
import org.hibernate.dialect.lock.spi.LockingSupport;
import org.hibernate.dialect.lock.spi.OuterJoinLockingType;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * Hibernate's MySQL dialect for the MySQL version MatrixOne announces, corrected where MatrixOne's grammar is
 * narrower than MySQL 8's: its row locks are {@code SELECT ... FOR UPDATE}, {@code FOR SHARE} and
 * {@code LOCK IN SHARE MODE} only (MatrixOne {@code mysql_sql.y}, rule {@code select_lock_opt}), so no
 * {@code FOR UPDATE OF alias}, {@code NOWAIT}, {@code SKIP LOCKED} or {@code WAIT n}: the MySQL 8 dialect's
 * {@code for update of u1_0} is a syntax error there.
 */
public class MatrixOneDialect extends MySQLDialect {
    private static final LockingSupport LOCKING = new MatrixOneLocking();

    /** For the MySQL version MatrixOne announces, {@value MatrixOneHibernate#MYSQL_VERSION}. */
    public MatrixOneDialect() {
        super(DatabaseVersion.make(8, 0, 30));
    }

    /** Used by Hibernate, with the product version of the settings. */
    public MatrixOneDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    public LockingSupport getLockingSupport() {
        return LOCKING;
    }

    @Override
    protected boolean supportsAliasLocks() {
        return false;
    }

    /** Plain clause locks on every table of the query; no lock timeouts in the statement. */
    private static final class MatrixOneLocking implements LockingSupport, LockingSupport.Metadata {
        @Override
        public Metadata getMetadata() {
            return this;
        }

        @Override
        public PessimisticLockStyle getPessimisticLockStyle() {
            return PessimisticLockStyle.CLAUSE;
        }

        @Override
        public RowLockStrategy getWriteRowLockStrategy() {
            return RowLockStrategy.NONE;
        }

        @Override
        public LockTimeoutType getLockTimeoutType(Timeout timeout) {
            return LockTimeoutType.NONE;
        }

        @Override
        public OuterJoinLockingType getOuterJoinLockingType() {
            return OuterJoinLockingType.FULL;
        }

        @Override
        public ConnectionLockTimeoutStrategy getConnectionLockTimeoutStrategy() {
            return ConnectionLockTimeoutStrategy.NONE;
        }
    }
}
