package io.matrixone.core.dialect;

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
import io.matrixone.core.result.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSqlTest {
    private final AccountSql sql = D42.accounts();

    private static String sqlOf(Operation<?> op) {
        return op.firstStatement().sql();
    }

    @Test
    void createsAccountsInGrammarOrder() {
        for (Dialect d : Versions.all()) {
            assertThat(sqlOf(d.accounts().createAccount(AccountSpec.of("acc1", "root", "111"))))
                    .isEqualTo("CREATE ACCOUNT `acc1` ADMIN_NAME 'root' IDENTIFIED BY '111'");
        }
        assertThat(sqlOf(sql.createAccount(AccountSpec.of("tenant_test", "root", "111").comment("tenant_test")
                .status(AccountStatus.SUSPEND).ifNotExists())))
                .isEqualTo("CREATE ACCOUNT IF NOT EXISTS `tenant_test` ADMIN_NAME 'root' IDENTIFIED BY '111' SUSPEND COMMENT 'tenant_test'");
    }

    @Test
    void createsAreUndoneByDropIfExistsExceptWithIfNotExists() {
        Operation<Void> acc = sql.createAccount(AccountSpec.of("acc1", "root", "111"));
        assertThat(acc.firstStatement().undo().sql()).isEqualTo("DROP ACCOUNT IF EXISTS `acc1`");
        assertThat(sql.createAccount(AccountSpec.of("acc1", "root", "111").ifNotExists()).firstStatement().undo()).isNull();
        assertThat(sql.createUser(UserSpec.of("u1", "pw")).firstStatement().undo().sql()).isEqualTo("DROP USER IF EXISTS `u1`");
        assertThat(sql.createUser(UserSpec.of("u1", "pw").ifNotExists()).firstStatement().undo()).isNull();
        assertThat(sql.createRole(RoleSpec.of("r1")).firstStatement().undo().sql()).isEqualTo("DROP ROLE IF EXISTS `r1`");
        assertThat(sql.createRole(RoleSpec.of("r1").ifNotExists()).firstStatement().undo()).isNull();
    }

    @Test
    void everyAdministrativeStatementRunsAfterCommit() {
        List<Operation<Void>> ops = List.of(
                sql.createAccount(AccountSpec.of("a", "root", "p")), sql.alterAccountStatus("a", AccountStatus.OPEN),
                sql.alterAccountAdminPassword("a", "root", "p2"), sql.alterAccountComment("a", "c"), sql.dropAccount("a"),
                sql.dropAccountIfExists("a"), sql.createUser(UserSpec.of("u", "p")), sql.alterUserPassword("u", "p"),
                sql.dropUser("u"), sql.dropUserIfExists("u"), sql.createRole(RoleSpec.of("r")), sql.dropRole("r"),
                sql.dropRoleIfExists("r"), sql.grant(Grant.of(Privilege.SELECT, GrantObject.allTables(), "r")),
                sql.revoke(Grant.of(Privilege.SELECT, GrantObject.allTables(), "r")),
                sql.grantRoles(RoleGrant.of("r", "u")), sql.revokeRoles(RoleGrant.of("r", "u")));
        assertThat(ops).allSatisfy(op -> {
            assertThat(op.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
            assertThat(op.firstStatement().params()).isEmpty();
        });
        assertThat(sql.listAccounts().txRule()).isEqualTo(TxRule.NOW);
        assertThat(sql.current().txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void altersAndDropsAccounts() {
        assertThat(sqlOf(sql.alterAccountStatus("prepared_publisher", AccountStatus.SUSPEND)))
                .isEqualTo("ALTER ACCOUNT `prepared_publisher` SUSPEND");
        assertThat(sqlOf(sql.alterAccountStatus("a", AccountStatus.RESTRICTED))).isEqualTo("ALTER ACCOUNT `a` RESTRICTED");
        assertThat(sqlOf(sql.alterAccountAdminPassword("acc1", "root1", "1234")))
                .isEqualTo("ALTER ACCOUNT `acc1` ADMIN_NAME 'root1' IDENTIFIED BY '1234'");
        assertThat(sqlOf(sql.alterAccountComment("acc1", "it's mine"))).isEqualTo("ALTER ACCOUNT `acc1` COMMENT 'it''s mine'");
        assertThat(sqlOf(sql.dropAccount("acc01"))).isEqualTo("DROP ACCOUNT `acc01`");
        assertThat(sqlOf(sql.dropAccountIfExists("acc01"))).isEqualTo("DROP ACCOUNT IF EXISTS `acc01`");
    }

    @Test
    void createsUsersAndRoles() {
        assertThat(sqlOf(sql.createUser(UserSpec.of("u1", "111"))))
                .isEqualTo("CREATE USER `u1` IDENTIFIED BY '111'");
        assertThat(sqlOf(sql.createUser(UserSpec.of("u1", "111").defaultRole("r1").comment("dev").ifNotExists())))
                .isEqualTo("CREATE USER IF NOT EXISTS `u1` IDENTIFIED BY '111' DEFAULT ROLE `r1` COMMENT 'dev'");
        assertThat(sqlOf(sql.alterUserPassword("u1", "new"))).isEqualTo("ALTER USER `u1` IDENTIFIED BY 'new'");
        assertThat(sqlOf(sql.dropUser("u1"))).isEqualTo("DROP USER `u1`");
        assertThat(sqlOf(sql.dropUserIfExists("u1"))).isEqualTo("DROP USER IF EXISTS `u1`");
        assertThat(sqlOf(sql.createRole(RoleSpec.of("r1")))).isEqualTo("CREATE ROLE `r1`");
        assertThat(sqlOf(sql.createRole(RoleSpec.of("r1").ifNotExists()))).isEqualTo("CREATE ROLE IF NOT EXISTS `r1`");
        assertThat(sqlOf(sql.dropRole("r1"))).isEqualTo("DROP ROLE `r1`");
        assertThat(sqlOf(sql.dropRoleIfExists("r1"))).isEqualTo("DROP ROLE IF EXISTS `r1`");
    }

    @Test
    void escapesPasswordsAndNeverShowsThemInToString() {
        String pw = "p'w\\d; DROP ACCOUNT sys; --";
        Operation<Void> op = sql.createUser(UserSpec.of("u1", pw));
        assertThat(op.firstStatement().sql()).isEqualTo("CREATE USER `u1` IDENTIFIED BY 'p''w\\\\d; DROP ACCOUNT sys; --'");
        assertThat(op.firstStatement().toString()).doesNotContain("p''w").doesNotContain("DROP ACCOUNT sys");
        AccountSpec spec = AccountSpec.of("acc1", "root", "s3cret-Pa55");
        assertThat(spec.toString()).doesNotContain("s3cret-Pa55").contains("acc1");
        assertThat(UserSpec.of("u", "s3cret-Pa55").toString()).doesNotContain("s3cret-Pa55");
        assertThat(sql.createAccount(spec).firstStatement().toString()).doesNotContain("s3cret-Pa55");
        assertThat(sql.alterAccountAdminPassword("a", "root", "s3cret-Pa55").firstStatement().toString())
                .doesNotContain("s3cret-Pa55");
    }

    @Test
    void refusesBadNamesAndPasswordsBeforeAnySqlExists() {
        assertThatThrownBy(() -> AccountSpec.of("acc 1", "root", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountSpec.of("acc.1", "root", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountSpec.of("acc1", "ro:ot", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountSpec.of("acc1", "root", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountSpec.of("acc1", "root", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserSpec.of("u#1", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserSpec.of("u", "a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sql.alterUserPassword("u", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sql.alterAccountComment("a", null)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> AccountSpec.of(bad, "root", "p")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> UserSpec.of(bad, "p")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RoleSpec.of(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sql.dropUser(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sql.dropAccount(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GrantObject.table("db", bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void grantsPrivilegesOnEveryObjectLevel() {
        assertThat(sqlOf(sql.grant(Grant.of(GrantObject.account(), List.of(Privilege.CREATE_USER, Privilege.CREATE_DATABASE),
                "r1")))).isEqualTo("GRANT CREATE USER, CREATE DATABASE ON ACCOUNT * TO `r1`");
        assertThat(sqlOf(sql.grant(Grant.of(Privilege.CREATE_TABLE, GrantObject.database("db"), "r1"))))
                .isEqualTo("GRANT CREATE TABLE ON DATABASE `db` TO `r1`");
        assertThat(sqlOf(sql.grant(Grant.of(Privilege.SHOW_TABLES, GrantObject.allDatabases(), "r1"))))
                .isEqualTo("GRANT SHOW TABLES ON DATABASE * TO `r1`");
        assertThat(sqlOf(sql.grant(Grant.of(GrantObject.table("db", "t"), List.of(Privilege.SELECT, Privilege.INSERT),
                "r1", "r2").withGrantOption())))
                .isEqualTo("GRANT SELECT, INSERT ON TABLE `db`.`t` TO `r1`, `r2` WITH GRANT OPTION");
        assertThat(sqlOf(sql.grant(Grant.of(Privilege.ALL, GrantObject.tablesOf("db"), "r1"))))
                .isEqualTo("GRANT ALL ON TABLE `db`.* TO `r1`");
        assertThat(sqlOf(sql.grant(Grant.of(Privilege.OWNERSHIP, GrantObject.allTables(), "r1"))))
                .isEqualTo("GRANT OWNERSHIP ON TABLE *.* TO `r1`");
        assertThat(sqlOf(sql.revoke(Grant.of(Privilege.SELECT, GrantObject.table("db", "t"), "r1").withGrantOption())))
                .isEqualTo("REVOKE SELECT ON TABLE `db`.`t` FROM `r1`");
    }

    @Test
    void refusesPrivilegesThatDoNotApplyToTheObject() {
        assertThatThrownBy(() -> Grant.of(Privilege.SELECT, GrantObject.account(), "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SELECT");
        assertThatThrownBy(() -> Grant.of(Privilege.CREATE_USER, GrantObject.database("db"), "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.of(Privilege.OWNERSHIP, GrantObject.account(), "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.of(GrantObject.account(), List.of(), "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.of(GrantObject.account(), List.of(Privilege.CONNECT))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grantsAndRevokesRoles() {
        assertThat(sqlOf(sql.grantRoles(RoleGrant.of("r1", "u1", "u2")))).isEqualTo("GRANT `r1` TO `u1`, `u2`");
        assertThat(sqlOf(sql.grantRoles(RoleGrant.of(List.of("r1", "r2"), List.of("u1")).withGrantOption())))
                .isEqualTo("GRANT `r1`, `r2` TO `u1` WITH GRANT OPTION");
        assertThat(sqlOf(sql.revokeRoles(RoleGrant.of("r1", "u1")))).isEqualTo("REVOKE `r1` FROM `u1`");
        assertThatThrownBy(() -> RoleGrant.of("r1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsShowAccountsAndTheCurrentIdentity() {
        assertThat(sqlOf(sql.listAccounts())).isEqualTo("SHOW ACCOUNTS");
        Result shown = Result.builder(List.of("account_name", "admin_name", "created_time", "status", "suspended_time",
                        "db_count", "tbl_count", "size", "snapshot_size", "comments"))
                .addRow("acc_save", "admin", "2024-11-21 07:19:49", "open", null, 5L, 65L, 0.0, 0.0, "")
                .addRow("acc2", "root", LocalDateTime.of(2024, 1, 1, 0, 0), "suspend", "2024-02-01 00:00:00", 1, 2,
                        new java.math.BigDecimal("1.5"), null, "c")
                .build();
        List<Account> accounts = sql.listAccounts().execute(new ScriptedRunner().answer(shown));
        assertThat(accounts.get(0)).isEqualTo(new Account("acc_save", "admin", LocalDateTime.of(2024, 11, 21, 7, 19, 49),
                AccountStatus.OPEN, null, 5, 65, 0.0, 0.0, ""));
        assertThat(accounts.get(1).status()).isEqualTo(AccountStatus.SUSPEND);
        assertThat(accounts.get(1).suspendedTime()).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
        assertThat(accounts.get(1).size()).isEqualTo(1.5);
        assertThat(accounts.get(1).snapshotSize()).isNull();

        assertThat(sqlOf(sql.current())).isEqualTo("SELECT current_account_name(), current_user_name(), current_role_name()");
        Identity me = sql.current().execute(new ScriptedRunner().answer(Result.builder(
                List.of("current_account_name()", "current_user_name()", "current_role_name()"))
                .addRow("sys", "root", "moadmin").build()));
        assertThat(me).isEqualTo(new Identity("sys", "root", "moadmin"));
        assertThat(me.isSysAccount()).isTrue();
    }
}
