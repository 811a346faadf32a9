package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A publication to create (grammar rule {@code create_publication_stmt}, mo_sql.md §6.1):
 * {@code CREATE PUBLICATION [IF NOT EXISTS] p DATABASE {d | *} [TABLE t1, t2] ACCOUNT {ALL | a1, a2}
 * [COMMENT 'c']}. The account clause is required by the grammar: name accounts with {@link #toAccounts} or
 * choose {@link #toAllAccounts()}. Start with {@link #database} or {@link #allDatabases}.
 *
 * @param name         the publication name
 * @param database     the published database; {@code null} for {@code DATABASE *} (every database, 4.0+)
 * @param tables       the published tables of that database; empty for the whole database
 * @param allAccounts  {@code ACCOUNT ALL}
 * @param accounts     {@code ACCOUNT a1, a2}; empty with {@code allAccounts} or when not chosen yet
 * @param comment      the comment, or {@code null}
 * @param keepExisting IF NOT EXISTS (then no undo is offered)
 */
public record PublicationSpec(String name, String database, List<String> tables, boolean allAccounts,
                              List<String> accounts, String comment, boolean keepExisting) {

    public PublicationSpec {
        Models.name(name, NameKind.PUBLICATION);
        Models.optionalName(database, NameKind.DATABASE);
        tables = Models.names(tables == null ? List.of() : tables, NameKind.TABLE, "tables");
        accounts = Models.names(accounts == null ? List.of() : accounts, NameKind.ACCOUNT, "accounts");
        Models.require(!(allAccounts && !accounts.isEmpty()), "choose ACCOUNT ALL or a list of accounts, not both");
        Models.require(database != null || tables.isEmpty(), "DATABASE * publishes whole databases; it takes no tables");
    }

    /** {@code DATABASE d}. */
    public static PublicationSpec database(String name, String database) {
        return new PublicationSpec(name, Models.name(database, NameKind.DATABASE), List.of(), false, List.of(), null, false);
    }

    /** {@code DATABASE *}: every database of the account (MatrixOne 4.0 or later). */
    public static PublicationSpec allDatabases(String name) {
        return new PublicationSpec(name, null, List.of(), false, List.of(), null, false);
    }

    /** {@code TABLE t1, t2}: only these tables of the database. */
    public PublicationSpec tables(String... tableNames) {
        Objects.requireNonNull(tableNames, "tableNames");
        Models.require(tableNames.length > 0, "name at least one table");
        return new PublicationSpec(name, database, Arrays.asList(tableNames), allAccounts, accounts, comment, keepExisting);
    }

    /** {@code ACCOUNT a1, a2}. */
    public PublicationSpec toAccounts(String... accountNames) {
        Objects.requireNonNull(accountNames, "accountNames");
        Models.require(accountNames.length > 0, "name at least one account");
        return new PublicationSpec(name, database, tables, false, Arrays.asList(accountNames), comment, keepExisting);
    }

    /** {@code ACCOUNT ALL}. */
    public PublicationSpec toAllAccounts() {
        return new PublicationSpec(name, database, tables, true, List.of(), comment, keepExisting);
    }

    /** {@code COMMENT 'text'}. */
    public PublicationSpec comment(String text) {
        return new PublicationSpec(name, database, tables, allAccounts, accounts, Models.requireText(text, "comment"),
                keepExisting);
    }

    public PublicationSpec ifNotExists() {
        return new PublicationSpec(name, database, tables, allAccounts, accounts, comment, true);
    }

    /** Whether an account clause was chosen (the grammar requires one). */
    public boolean hasAccounts() {
        return allAccounts || !accounts.isEmpty();
    }
}
