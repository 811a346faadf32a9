package io.matrixone.core.version;

/**
 * Grammar and behaviour that differ between MatrixOne versions (mo_sql.md §0). Each constant knows the
 * first release that has it; {@link ServerVersion#supports(Feature)} is how the dialect asks.
 */
public enum Feature {
    /** CREATE/DROP SNAPSHOT, SHOW SNAPSHOTS, {SNAPSHOT = ...} reads. */
    SNAPSHOTS("1.2.0"),
    /** CREATE/ALTER/DROP/SHOW PITR and RESTORE ... FROM PITR. */
    PITR("2.0.0"),
    /** CREATE DATABASE/TABLE ... CLONE. */
    CLONE("3.0.0"),
    /** DATA BRANCH CREATE/DELETE/DIFF/MERGE. */
    DATA_BRANCH("3.0.6"),
    /**
     * RESTORE {CLUSTER | ACCOUNT a | DATABASE [a.]d | TABLE [a.]d.t}{SNAPSHOT = 's'}; the older
     * {@code RESTORE ... FROM SNAPSHOT s} form was removed in the same release (#22760).
     */
    RESTORE_SNAPSHOT_HINT("4.0.0-rc1"),
    /** CREATE TABLE ... CLONE ... COPY GRANTS: the grammar gained {@code copy_grants_opt} in 4.1.2 (#25385). */
    CLONE_COPY_GRANTS("4.1.2"),
    /** RESTORE ACCOUNT a DATABASE d [TABLE t] FROM PITR p '...': absent up to 4.0.0-rc4, present from 4.1.0. */
    RESTORE_PITR_ACCOUNT_DATABASE("4.1.0"),
    /** CREATE PITR without a FOR clause, and FOR DATABASE d TABLE t: 2.0.0 has only the other five forms. */
    PITR_ALL_TARGETS("2.1.0"),
    /** CREATE PUBLICATION p DATABASE * ... and snapshots of published objects. */
    PUBLICATION_ALL_DATABASES("4.0.0-rc1"),
    /**
     * {@code mo_catalog.mo_snapshots.kind} ('user' or 'branch'); 3.0.x has no such column (mo_sql.md §1.4).
     * SHOW SNAPSHOTS hides {@code kind = 'branch'} and {@code ccpr_*} rows from this release on.
     */
    SNAPSHOT_KIND("4.0.0-rc1"),
    /**
     * {@code vecf32(n)} / {@code vecf64(n)} columns, the distance functions ({@code l2_distance}, {@code
     * cosine_distance}, {@code inner_product}, ...) and IVF-flat indexes ({@code CREATE INDEX ... USING IVFFLAT}):
     * the grammar and {@code function_id.go} have them from 1.1.0.
     */
    VECTOR("1.1.0"),
    /** {@code ALTER TABLE t ALTER REINDEX i IVFFLAT [LISTS = n]}: rule {@code alter_table_alter} from 1.2.0. */
    IVF_REINDEX("1.2.0"),
    /** {@code l2_distance_sq}: in {@code function_id.go} from 2.0.0. */
    L2_DISTANCE_SQ("2.0.0"),
    /**
     * Full-text indexes and {@code MATCH ... AGAINST}: the grammar parsed them from 1.0 but MatrixOne builds and
     * searches them from 2.0.0 (parsers {@code ngram}, {@code json}, {@code default}).
     */
    FULLTEXT("2.0.0"),
    /** The {@code json_value} full-text parser: accepted from 2.1.0. */
    FULLTEXT_JSON_VALUE_PARSER("2.1.0"),
    /** The {@code gojieba} full-text parser (Chinese word segmentation): accepted from 4.1.0. */
    FULLTEXT_GOJIEBA_PARSER("4.1.0"),
    /**
     * A bound pattern in {@code AGAINST(?)}: rule {@code search_pattern} takes {@code VALUE_ARG} from 4.2.0; before,
     * only a string literal.
     */
    FULLTEXT_BOUND_PATTERN("4.2.0"),
    /** HNSW indexes ({@code USING HNSW}, {@code M}, {@code EF_CONSTRUCTION}, {@code EF_SEARCH}) and their REINDEX. */
    HNSW("2.1.0"),
    /**
     * {@code ... LIMIT k BY RANK WITH OPTION 'mode=pre|post|force'}: how a vector search with a filter uses the
     * index (rule {@code rank_opt}, from 3.0.5).
     */
    VECTOR_RANK_OPTION("3.0.5"),
    /** The {@code mode=auto} rank option: accepted by {@code parseRankOption} from 4.0.0-rc1. */
    VECTOR_RANK_AUTO("4.0.0-rc1"),
    /** The {@code mode=include} rank option (IVF indexes with INCLUDE columns): accepted from 4.2.0. */
    VECTOR_RANK_INCLUDE("4.2.0"),
    /**
     * SET inside an open transaction no longer commits it (#27229); every release up to 4.2.0 commits.
     * The SDK refuses SET inside a transaction on every version anyway.
     */
    SET_KEEPS_TRANSACTION("4.2.1");

    private final ServerVersion since;

    Feature(String since) {
        this.since = ServerVersion.parse(since);
    }

    /** The first release that has it. */
    public ServerVersion since() {
        return since;
    }

    boolean availableIn(ServerVersion v) {
        return v.compareTo(since) >= 0;
    }

    /** Every feature is in the newest grammar (development builds and unknown servers are treated as newest). */
    boolean inNewest() {
        return true;
    }
}
