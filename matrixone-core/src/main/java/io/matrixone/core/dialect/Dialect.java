package io.matrixone.core.dialect;

import io.matrixone.core.version.ServerVersion;

import java.util.Objects;

/**
 * MatrixOne's SQL for one server version, one builder per statement family. Immutable and thread-safe:
 * a client makes one when it learns the server's version and shares it.
 *
 * <p>Every builder method returns an {@link Operation} (or a {@link Statement} for pure SQL pieces) that
 * carries the SQL, its parameters, its {@link TxRule}, its undo statement and its result mapping, so the
 * sync and async managers are one-line shells over the same logic. Bad input (a hostile name, a value out of
 * range, an option the server version lacks) is refused with an {@link IllegalArgumentException} or
 * {@link UnsupportedOperationException} before any SQL exists.
 */
public final class Dialect {
    private final ServerVersion version;
    private final SnapshotSql snapshots;
    private final CloneSql clones;
    private final RestoreSql restores;
    private final TimeTravel timeTravel;
    private final PitrSql pitr;
    private final PublicationSql publications;
    private final AccountSql accounts;
    private final MoCtlSql moCtl;
    private final VersionSql versionSql;
    private final IndexSql indexes;
    private final SearchSql search;

    private final String loginAccount;

    private Dialect(ServerVersion version, String loginAccount) {
        this.version = version;
        this.loginAccount = loginAccount;
        this.snapshots = new SnapshotSql(version);
        this.clones = new CloneSql(version);
        this.restores = new RestoreSql(version, loginAccount);
        this.timeTravel = new TimeTravel(version);
        this.pitr = new PitrSql(version);
        this.publications = new PublicationSql(version);
        this.accounts = new AccountSql(version);
        this.moCtl = new MoCtlSql(version);
        this.versionSql = new VersionSql();
        this.indexes = new IndexSql(version);
        this.search = new SearchSql(version);
    }

    /** The dialect of a server version; {@link ServerVersion#DEV} and non-MatrixOne servers get the newest grammar. */
    public static Dialect of(ServerVersion version) {
        return of(version, null);
    }

    /**
     * The dialect of a server version for a session of {@code loginAccount} (may be {@code null}): where the 3.0.x
     * grammar needs an account the caller left out (a database or table restore), the login account is meant.
     */
    public static Dialect of(ServerVersion version, String loginAccount) {
        return new Dialect(Objects.requireNonNull(version, "version must not be null"), loginAccount);
    }

    public ServerVersion serverVersion() {
        return version;
    }

    /** CREATE / DROP SNAPSHOT and catalog look-ups. */
    public SnapshotSql snapshots() {
        return snapshots;
    }

    /** CREATE DATABASE / TABLE ... CLONE. */
    public CloneSql clones() {
        return clones;
    }

    /** RESTORE from a snapshot, in the server's grammar generation. */
    public RestoreSql restores() {
        return restores;
    }

    /** Reads of a table as of a snapshot or time. */
    public TimeTravel timeTravel() {
        return timeTravel;
    }

    /** CREATE / ALTER / DROP / SHOW PITR and RESTORE ... FROM PITR. */
    public PitrSql pitrs() {
        return pitr;
    }

    /** Publications and subscriptions. */
    public PublicationSql publications() {
        return publications;
    }

    /** Accounts, users, roles and grants. */
    public AccountSql accounts() {
        return accounts;
    }

    /** {@code SELECT mo_ctl(...)}. */
    public MoCtlSql moCtl() {
        return moCtl;
    }

    /** {@code SELECT version()} and {@code git_version()}. */
    public VersionSql version() {
        return versionSql;
    }

    /** Vector (IVF-flat, HNSW) and full-text indexes. */
    public IndexSql indexes() {
        return indexes;
    }

    /** Vector, full-text and hybrid search. */
    public SearchSql search() {
        return search;
    }

    @Override
    public String toString() {
        return "Dialect[" + version + "]";
    }
}
