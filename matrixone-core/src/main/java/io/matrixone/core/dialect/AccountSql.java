package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.model.Account;
import io.matrixone.core.model.AccountSpec;
import io.matrixone.core.model.AccountStatus;
import io.matrixone.core.model.Grant;
import io.matrixone.core.model.GrantObject;
import io.matrixone.core.model.Identity;
import io.matrixone.core.model.Privilege;
import io.matrixone.core.model.RoleGrant;
import io.matrixone.core.model.RoleSpec;
import io.matrixone.core.model.UserSpec;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.result.RowMapper;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.Objects;

/**
 * Accounts, users, roles and grants (mo_sql.md §7). MatrixOne refuses every one of these statements inside a
 * transaction ("administrative command is unsupported in transactions"), so they are all
 * {@link TxRule#AFTER_COMMIT}; creates are undone by {@code DROP ... IF EXISTS} unless IF NOT EXISTS was asked.
 * Passwords are not preparable: they are written as escaped string literals, and {@link Statement#toString()}
 * masks every literal, so they never reach a log.
 */
@Managed(accessor = "accounts", name = "Account", doc = "Accounts, users, roles and grants.")
public final class AccountSql {
    static final String CURRENT_SQL = "SELECT current_account_name(), current_user_name(), current_role_name()";

    private final ServerVersion version;

    AccountSql(ServerVersion version) {
        this.version = version;
    }

    // ---- accounts (sys only) ----

    /** {@code CREATE ACCOUNT [IF NOT EXISTS] `a` ADMIN_NAME 'u' IDENTIFIED BY 'pw' [status] [COMMENT 'c']}. */
    @Managed.Op
    public Operation<Void> createAccount(AccountSpec spec) {
        StringBuilder sql = new StringBuilder("CREATE ACCOUNT ");
        if (spec.keepExisting()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(account(spec.name())).append(adminAuth(spec.adminName(), spec.adminPassword()));
        if (spec.status() != null) {
            sql.append(' ').append(spec.status().name());
        }
        if (spec.comment() != null) {
            sql.append(" COMMENT ").append(Literals.string(spec.comment(), "comment"));
        }
        Statement st = Statement.afterCommit(sql.toString());
        return Operation.run(spec.keepExisting() ? st : st.withUndo(dropAccountStatement(spec.name(), true)));
    }

    /** {@code ALTER ACCOUNT `a` {OPEN | SUSPEND | RESTRICTED}}. */
    @Managed.Op
    public Operation<Void> alterAccountStatus(String account, AccountStatus status) {
        Objects.requireNonNull(status, "status");
        return admin("ALTER ACCOUNT " + account(account) + " " + status.name());
    }

    /** {@code ALTER ACCOUNT `a` ADMIN_NAME 'u' IDENTIFIED BY 'pw'}: resets the admin user's password. */
    @Managed.Op
    public Operation<Void> alterAccountAdminPassword(String account, String adminName, String newPassword) {
        return admin("ALTER ACCOUNT " + account(account) + adminAuth(adminName, newPassword));
    }

    /** {@code ALTER ACCOUNT `a` COMMENT 'c'}. */
    @Managed.Op
    public Operation<Void> alterAccountComment(String account, String comment) {
        return admin("ALTER ACCOUNT " + account(account) + " COMMENT " + Literals.string(text(comment, "comment"), "comment"));
    }

    /** {@code DROP ACCOUNT `a`}: drops the account with all its data. */
    @Managed.Op
    public Operation<Void> dropAccount(String account) {
        return Operation.run(dropAccountStatement(account, false));
    }

    /** {@code DROP ACCOUNT IF EXISTS `a`}. */
    @Managed.Op
    public Operation<Void> dropAccountIfExists(String account) {
        return Operation.run(dropAccountStatement(account, true));
    }

    /** {@code SHOW ACCOUNTS}: runs at once, also inside a transaction (it is on the server's allow-list). */
    @Managed.Op(now = true)
    public Operation<List<Account>> listAccounts() {
        return Operation.of(Statement.of("SHOW ACCOUNTS"), ResultMapper.list(accountMapper()));
    }

    // ---- users and roles (current account) ----

    /** {@code CREATE USER [IF NOT EXISTS] `u` IDENTIFIED BY 'pw' [DEFAULT ROLE `r`] [COMMENT 'c']}. */
    @Managed.Op
    public Operation<Void> createUser(UserSpec spec) {
        StringBuilder sql = new StringBuilder("CREATE USER ");
        if (spec.keepExisting()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(user(spec.name())).append(" IDENTIFIED BY ").append(Literals.string(spec.password(), "password"));
        if (spec.defaultRole() != null) {
            sql.append(" DEFAULT ROLE ").append(role(spec.defaultRole()));
        }
        if (spec.comment() != null) {
            sql.append(" COMMENT ").append(Literals.string(spec.comment(), "comment"));
        }
        Statement st = Statement.afterCommit(sql.toString());
        return Operation.run(spec.keepExisting() ? st : st.withUndo(drop("USER", user(spec.name()), true)));
    }

    /** {@code ALTER USER `u` IDENTIFIED BY 'pw'}. */
    @Managed.Op
    public Operation<Void> alterUserPassword(String user, String newPassword) {
        return admin("ALTER USER " + user(user) + " IDENTIFIED BY " + Literals.string(password(newPassword), "password"));
    }

    /** {@code DROP USER `u`}. */
    @Managed.Op
    public Operation<Void> dropUser(String user) {
        return Operation.run(drop("USER", user(user), false));
    }

    /** {@code DROP USER IF EXISTS `u`}. */
    @Managed.Op
    public Operation<Void> dropUserIfExists(String user) {
        return Operation.run(drop("USER", user(user), true));
    }

    /** {@code CREATE ROLE [IF NOT EXISTS] `r`}. */
    @Managed.Op
    public Operation<Void> createRole(RoleSpec spec) {
        Statement st = Statement.afterCommit("CREATE ROLE " + (spec.keepExisting() ? "IF NOT EXISTS " : "") + role(spec.name()));
        return Operation.run(spec.keepExisting() ? st : st.withUndo(drop("ROLE", role(spec.name()), true)));
    }

    /** {@code DROP ROLE `r`}. */
    @Managed.Op
    public Operation<Void> dropRole(String role) {
        return Operation.run(drop("ROLE", role(role), false));
    }

    /** {@code DROP ROLE IF EXISTS `r`}. */
    @Managed.Op
    public Operation<Void> dropRoleIfExists(String role) {
        return Operation.run(drop("ROLE", role(role), true));
    }

    // ---- grants ----

    /** {@code GRANT p1, p2 ON type level TO `r1`, `r2` [WITH GRANT OPTION]}. */
    @Managed.Op
    public Operation<Void> grant(Grant grant) {
        return admin("GRANT " + privileges(grant.privileges()) + " ON " + object(grant.on()) + " TO "
                + roles(grant.roles()) + (grant.grantable() ? " WITH GRANT OPTION" : ""));
    }

    /** {@code REVOKE p1, p2 ON type level FROM `r1`, `r2`}. */
    @Managed.Op
    public Operation<Void> revoke(Grant grant) {
        return admin("REVOKE " + privileges(grant.privileges()) + " ON " + object(grant.on()) + " FROM "
                + roles(grant.roles()));
    }

    /** {@code GRANT `r1`, `r2` TO `u1`, `u2` [WITH GRANT OPTION]}. */
    @Managed.Op
    public Operation<Void> grantRoles(RoleGrant grant) {
        return admin("GRANT " + roles(grant.roles()) + " TO " + users(grant.users())
                + (grant.grantable() ? " WITH GRANT OPTION" : ""));
    }

    /** {@code REVOKE `r1`, `r2` FROM `u1`, `u2`}. */
    @Managed.Op
    public Operation<Void> revokeRoles(RoleGrant grant) {
        return admin("REVOKE " + roles(grant.roles()) + " FROM " + users(grant.users()));
    }

    // ---- who am I ----

    /** The session's account, user and role as the server sees them; runs at once. */
    @Managed.Op(now = true)
    public Operation<Identity> current() {
        return Operation.of(Statement.of(CURRENT_SQL),
                r -> r.one(row -> new Identity(row.getString(0), row.getString(1), row.getString(2))));
    }

    /** Maps a SHOW ACCOUNTS row; {@code snapshot_size} is optional. */
    public RowMapper<Account> accountMapper() {
        return row -> new Account(row.getString("account_name"), row.getString("admin_name"),
                row.getLocalDateTime("created_time"), AccountStatus.fromSql(row.getString("status")),
                row.getLocalDateTime("suspended_time"), orZero(row.getLong("db_count")), orZero(row.getLong("tbl_count")),
                row.getDouble("size") == null ? 0.0 : row.getDouble("size"),
                row.hasColumn("snapshot_size") ? row.getDouble("snapshot_size") : null, row.getString("comments"));
    }

    // ---- pieces ----

    private Statement dropAccountStatement(String account, boolean ifExists) {
        return drop("ACCOUNT", account(account), ifExists);
    }

    private static Statement drop(String what, String quotedName, boolean ifExists) {
        return Statement.afterCommit("DROP " + what + " " + (ifExists ? "IF EXISTS " : "") + quotedName);
    }

    private static Operation<Void> admin(String sql) {
        return Operation.run(Statement.afterCommit(sql));
    }

    /** {@code ADMIN_NAME 'u' IDENTIFIED BY 'pw'} (the admin name is a string in the grammar's examples). */
    private static String adminAuth(String adminName, String password) {
        Identifiers.check(adminName, NameKind.USER);
        return " ADMIN_NAME " + Literals.string(adminName, "admin name") + " IDENTIFIED BY "
                + Literals.string(password(password), "admin password");
    }

    private static String password(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be null or empty");
        }
        if (password.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("password must not contain NUL");
        }
        return password;
    }

    private static String text(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    private static String privileges(List<Privilege> privileges) {
        StringBuilder sb = new StringBuilder();
        for (Privilege p : privileges) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.sql());
        }
        return sb.toString();
    }

    private static String object(GrantObject on) {
        return switch (on.type()) {
            case ACCOUNT -> "ACCOUNT *";
            case DATABASE -> "DATABASE " + (on.database() == null ? "*" : Identifiers.quote(on.database(), NameKind.DATABASE));
            case TABLE -> "TABLE " + (on.database() == null ? "*.*"
                    : Identifiers.quote(on.database(), NameKind.DATABASE) + "."
                    + (on.table() == null ? "*" : Identifiers.quote(on.table(), NameKind.TABLE)));
        };
    }

    private static String account(String name) {
        return Identifiers.quote(name, NameKind.ACCOUNT);
    }

    private static String user(String name) {
        return Identifiers.quote(name, NameKind.USER);
    }

    private static String role(String name) {
        return Identifiers.quote(name, NameKind.ROLE);
    }

    private static String roles(List<String> roles) {
        return join(roles, NameKind.ROLE);
    }

    private static String users(List<String> users) {
        return join(users, NameKind.USER);
    }

    private static String join(List<String> names, NameKind kind) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Identifiers.quote(n, kind));
        }
        return sb.toString();
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    ServerVersion serverVersion() {
        return version;
    }
}
