package io.matrixone.emulator.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One account's database namespace in the shared MariaDB. MatrixOne gives every account its own databases (two
 * accounts may both have a {@code db1}); the emulator keeps sys's databases under their own names and stores a
 * database {@code d} of another account as {@code a<account id>#d}. Statements of that account are rewritten
 * to these physical names on the way in ({@link NameRewriter}) and answers are rewritten back on the way out.
 *
 * <p>Schemas shared by all accounts are never renamed: {@code information_schema}, {@code mysql},
 * {@code system}, {@code system_metrics} and the emulator's own {@code __mo_*} schemas. {@code mo_catalog} is
 * per account, as on MatrixOne (each account has its own {@code mo_snapshots}); sys's holds the cluster tables.
 *
 * @param account the account name
 * @param id      its {@code mo_account.account_id} (0 for sys)
 */
record Namespace(String account, long id) {
    /** Physical names of databases that belong to some non-sys account. */
    private static final Pattern OTHER_ACCOUNT = Pattern.compile("^a\\d+#");
    private static final Set<String> SHARED = Set.of("information_schema", "mysql", "performance_schema", "system",
            "system_metrics", "mo_task", "mo_debug");

    static Namespace sys() {
        return new Namespace(Privileges.SYS, 0);
    }

    boolean isSys() {
        return id == 0;
    }

    /** {@code a<id>#} for a non-sys account, empty for sys. */
    String prefix() {
        return isSys() ? "" : "a" + id + "#";
    }

    /** Whether a schema is shared by all accounts or belongs to the emulator itself. */
    static boolean shared(String name) {
        return SHARED.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith("__mo_");
    }

    /**
     * The MariaDB schema that holds this account's database {@code logical}. A name that is already another
     * account's schema stays as it is (a subscription's views read the publisher's tables).
     */
    String physical(String logical) {
        return isSys() || shared(logical) || OTHER_ACCOUNT.matcher(logical).find() ? logical : prefix() + logical;
    }

    /** The name this account knows a MariaDB schema by (the schema itself if it is not in this namespace). */
    String logical(String physical) {
        if (physical == null || isSys()) {
            return physical;
        }
        return physical.startsWith(prefix()) ? physical.substring(prefix().length()) : physical;
    }

    /** Whether a MariaDB schema is one of this account's own databases (shared and emulator schemas excluded). */
    boolean owns(String physical) {
        if (shared(physical)) {
            return false;
        }
        return isSys() ? !OTHER_ACCOUNT.matcher(physical).find() : physical.startsWith(prefix());
    }

    /** This account's {@code mo_catalog}. */
    String catalog() {
        return physical("mo_catalog");
    }

    /** Text for this account's eyes: physical names written back as logical ones (error messages, DDL text). */
    String unmap(String text) {
        return text == null || isSys() ? text : text.replace(prefix(), "");
    }
}
