package io.matrixone.core.model;

import io.matrixone.core.dialect.NameKind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A change to a publication (grammar rule {@code alter_publication_stmt}, mo_sql.md §6.1):
 * {@code ALTER PUBLICATION [IF EXISTS] p [ACCOUNT {ALL | a, b | ADD a, b | DROP a, b}] [DATABASE d]
 * [TABLE t1, t2] [COMMENT 'c']}, in that order (COMMENT last, whatever the docs say).
 * Start with {@link #of(String)}; each step returns a checked copy.
 *
 * @param name        the publication
 * @param skipMissing IF EXISTS
 * @param accountMode how the account list changes; {@link AccountMode#KEEP} leaves it
 * @param accountList the accounts for SET, ADD and DROP
 * @param newDatabase the database to publish instead, or {@code null}
 * @param newTables   the tables to publish instead; empty to leave them
 * @param newComment  the new comment, or {@code null}
 */
public record PublicationAlter(String name, boolean skipMissing, AccountMode accountMode, List<String> accountList,
                               String newDatabase, List<String> newTables, String newComment) {

    /** The forms of {@code alter_publication_accounts_opt}. */
    public enum AccountMode {
        /** No ACCOUNT clause. */
        KEEP,
        /** {@code ACCOUNT ALL}. */
        ALL,
        /** {@code ACCOUNT a, b}: exactly these. */
        SET,
        /** {@code ACCOUNT ADD a, b}. */
        ADD,
        /** {@code ACCOUNT DROP a, b}. */
        DROP
    }

    public PublicationAlter {
        Models.name(name, NameKind.PUBLICATION);
        Objects.requireNonNull(accountMode, "accountMode");
        accountList = Models.names(accountList == null ? List.of() : accountList, NameKind.ACCOUNT, "accounts");
        Models.require(accountList.isEmpty() == (accountMode == AccountMode.KEEP || accountMode == AccountMode.ALL),
                "ACCOUNT " + accountMode + (accountList.isEmpty() ? " needs accounts" : " takes no account list"));
        Models.optionalName(newDatabase, NameKind.DATABASE);
        newTables = Models.names(newTables == null ? List.of() : newTables, NameKind.TABLE, "tables");
    }

    public static PublicationAlter of(String name) {
        return new PublicationAlter(name, false, AccountMode.KEEP, List.of(), null, List.of(), null);
    }

    public PublicationAlter ifExists() {
        return new PublicationAlter(name, true, accountMode, accountList, newDatabase, newTables, newComment);
    }

    /** {@code ACCOUNT ALL}. */
    public PublicationAlter allAccounts() {
        return new PublicationAlter(name, skipMissing, AccountMode.ALL, List.of(), newDatabase, newTables, newComment);
    }

    /** {@code ACCOUNT a, b}: replaces the list. */
    public PublicationAlter accounts(String... accounts) {
        return withAccounts(AccountMode.SET, accounts);
    }

    /** {@code ACCOUNT ADD a, b}. */
    public PublicationAlter addAccounts(String... accounts) {
        return withAccounts(AccountMode.ADD, accounts);
    }

    /** {@code ACCOUNT DROP a, b}. */
    public PublicationAlter dropAccounts(String... accounts) {
        return withAccounts(AccountMode.DROP, accounts);
    }

    /** {@code DATABASE d}. */
    public PublicationAlter database(String database) {
        return new PublicationAlter(name, skipMissing, accountMode, accountList, Models.name(database, NameKind.DATABASE),
                newTables, newComment);
    }

    /** {@code TABLE t1, t2}. */
    public PublicationAlter tables(String... tables) {
        Objects.requireNonNull(tables, "tables");
        Models.require(tables.length > 0, "name at least one table");
        return new PublicationAlter(name, skipMissing, accountMode, accountList, newDatabase, Arrays.asList(tables),
                newComment);
    }

    /** {@code COMMENT 'text'}. */
    public PublicationAlter comment(String text) {
        return new PublicationAlter(name, skipMissing, accountMode, accountList, newDatabase, newTables,
                Models.requireText(text, "comment"));
    }

    /** Whether anything would change. */
    public boolean changesSomething() {
        return accountMode != AccountMode.KEEP || newDatabase != null || !newTables.isEmpty() || newComment != null;
    }

    private PublicationAlter withAccounts(AccountMode mode, String... accounts) {
        Objects.requireNonNull(accounts, "accounts");
        Models.require(accounts.length > 0, "name at least one account");
        return new PublicationAlter(name, skipMissing, mode, Arrays.asList(accounts), newDatabase, newTables, newComment);
    }
}
