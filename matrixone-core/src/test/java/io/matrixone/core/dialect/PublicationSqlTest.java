package io.matrixone.core.dialect;

import io.matrixone.core.model.Publication;
import io.matrixone.core.model.PublicationAlter;
import io.matrixone.core.model.PublicationSpec;
import io.matrixone.core.model.Subscription;
import io.matrixone.core.model.SubscriptionSpec;
import io.matrixone.core.result.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicationSqlTest {

    @Test
    void createsPublicationsWithTheCommentLast() {
        for (Dialect d : Versions.all()) {
            PublicationSql p = d.publications();
            assertThat(p.createStatement(PublicationSpec.database("pub02", "db02").tables("t1", "t3").toAccounts("acc02")
                    .comment("publish t1、t3 to acc02")).sql())
                    .isEqualTo("CREATE PUBLICATION `pub02` DATABASE `db02` TABLE `t1`, `t3` ACCOUNT `acc02` COMMENT 'publish t1、t3 to acc02'");
            assertThat(p.createStatement(PublicationSpec.database("db_pub1", "db1").toAccounts("acc01", "acc02")).sql())
                    .isEqualTo("CREATE PUBLICATION `db_pub1` DATABASE `db1` ACCOUNT `acc01`, `acc02`");
            assertThat(p.createStatement(PublicationSpec.database("p", "db").toAllAccounts().ifNotExists()).sql())
                    .isEqualTo("CREATE PUBLICATION IF NOT EXISTS `p` DATABASE `db` ACCOUNT ALL");
        }
    }

    @Test
    void escapesTheCommentAsAStringLiteral() {
        assertThat(D42.publications().createStatement(PublicationSpec.database("p", "db").toAllAccounts()
                .comment("it's; -- fine")).sql())
                .isEqualTo("CREATE PUBLICATION `p` DATABASE `db` ACCOUNT ALL COMMENT 'it''s; -- fine'");
    }

    @Test
    void allDatabasesNeedsVersion4() {
        assertThat(D42.publications().createStatement(PublicationSpec.allDatabases("p").toAllAccounts()).sql())
                .isEqualTo("CREATE PUBLICATION `p` DATABASE * ACCOUNT ALL");
        assertThatThrownBy(() -> D3.publications().create(PublicationSpec.allDatabases("p").toAllAccounts()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> PublicationSpec.allDatabases("p").tables("t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createRefusesAPublicationWithoutAccounts() {
        assertThatThrownBy(() -> D42.publications().create(PublicationSpec.database("p", "db")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACCOUNT ALL");
    }

    @Test
    void ddlRunsAfterCommitAndCreateIsUndone() {
        Statement create = D42.publications().createStatement(PublicationSpec.database("p", "db").toAllAccounts());
        assertThat(create.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(create.undo().sql()).isEqualTo("DROP PUBLICATION IF EXISTS `p`");
        assertThat(D42.publications().createStatement(PublicationSpec.database("p", "db").toAllAccounts().ifNotExists()).undo())
                .isNull();
        assertThat(D42.publications().drop("p").firstStatement().sql()).isEqualTo("DROP PUBLICATION `p`");
        assertThat(D42.publications().dropIfExists("p").firstStatement().sql()).isEqualTo("DROP PUBLICATION IF EXISTS `p`");
        assertThat(D42.publications().drop("p").txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(D42.publications().alter(PublicationAlter.of("p").allAccounts()).txRule()).isEqualTo(TxRule.AFTER_COMMIT);
    }

    @Test
    void altersEveryAccountFormInGrammarOrder() {
        PublicationSql p = D42.publications();
        assertThat(p.alter(PublicationAlter.of("prepared_pub1").accounts("prepared_other")).firstStatement().sql())
                .isEqualTo("ALTER PUBLICATION `prepared_pub1` ACCOUNT `prepared_other`");
        assertThat(p.alter(PublicationAlter.of("p").allAccounts()).firstStatement().sql())
                .isEqualTo("ALTER PUBLICATION `p` ACCOUNT ALL");
        assertThat(p.alter(PublicationAlter.of("p").addAccounts("a", "b")).firstStatement().sql())
                .isEqualTo("ALTER PUBLICATION `p` ACCOUNT ADD `a`, `b`");
        assertThat(p.alter(PublicationAlter.of("p").dropAccounts("a")).firstStatement().sql())
                .isEqualTo("ALTER PUBLICATION `p` ACCOUNT DROP `a`");
        assertThat(p.alter(PublicationAlter.of("p").comment("c").tables("t1").database("d").ifExists().addAccounts("a"))
                .firstStatement().sql())
                .isEqualTo("ALTER PUBLICATION IF EXISTS `p` ACCOUNT ADD `a` DATABASE `d` TABLE `t1` COMMENT 'c'");
    }

    @Test
    void refusesAnAlterThatChangesNothingAndBadLists() {
        assertThatThrownBy(() -> D42.publications().alter(PublicationAlter.of("p"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicationAlter.of("p").addAccounts()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicationAlter.of("p").accounts("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicationSpec.database("p", "d").toAccounts("a b")).isInstanceOf(IllegalArgumentException.class);
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> PublicationSpec.database(bad, "d")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PublicationSpec.database("p", "d").tables("t", bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PublicationSpec.database("p", "d").toAccounts(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SubscriptionSpec.of("d", "acc", bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PublicationSpec.database("p", "d").comment(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void subscribeIsACreateDatabaseThatRunsNowAndIsUndoneByDrop() {
        Operation<Void> op = D42.publications().subscribe(SubscriptionSpec.of("db_sub1", "sys", "db_pub1"));
        assertThat(op.firstStatement().sql()).isEqualTo("CREATE DATABASE `db_sub1` FROM `sys` PUBLICATION `db_pub1`");
        assertThat(op.txRule()).isEqualTo(TxRule.NOW);
        assertThat(op.firstStatement().undo().sql()).isEqualTo("DROP DATABASE IF EXISTS `db_sub1`");
        Operation<Void> keep = D42.publications().subscribe(SubscriptionSpec.of("s", "acc", "p").ifNotExists());
        assertThat(keep.firstStatement().sql()).isEqualTo("CREATE DATABASE IF NOT EXISTS `s` FROM `acc` PUBLICATION `p`");
        assertThat(keep.firstStatement().undo()).isNull();
        assertThat(D42.publications().unsubscribe("s").firstStatement().sql()).isEqualTo("DROP DATABASE `s`");
    }

    @Test
    void showStatementsRunNowAndMapTheServersColumns() {
        Operation<List<Publication>> list = D42.publications().list();
        assertThat(list.firstStatement().sql()).isEqualTo("SHOW PUBLICATIONS");
        assertThat(list.txRule()).isEqualTo(TxRule.NOW);
        Result shown = Result.builder(List.of("publication", "database", "tables", "sub_account", "subscribed_accounts",
                        "create_time", "update_time", "comments"))
                .addRow("publication01", "test", "*", "*", "", LocalDateTime.of(2024, 7, 29, 12, 37), null, "")
                .addRow("pub02", "db02", "t1,t3", "acc02,acc03", "acc02", "2024-07-29 12:37:00", "2024-07-30 01:02:03", "c")
                .build();
        List<Publication> pubs = list.execute(new ScriptedRunner().answer(shown));
        assertThat(pubs.get(0).allAccounts()).isTrue();
        assertThat(pubs.get(0).tables()).isEmpty();
        assertThat(pubs.get(0).accounts()).isEmpty();
        assertThat(pubs.get(0).subscribedAccounts()).isEmpty();
        assertThat(pubs.get(0).updateTime()).isNull();
        assertThat(pubs.get(1).tables()).containsExactly("t1", "t3");
        assertThat(pubs.get(1).accounts()).containsExactly("acc02", "acc03");
        assertThat(pubs.get(1).subscribedAccounts()).containsExactly("acc02");
        assertThat(pubs.get(1).updateTime()).isEqualTo(LocalDateTime.of(2024, 7, 30, 1, 2, 3));
        assertThat(D42.publications().get("PUB02").execute(new ScriptedRunner().answer(shown))).get()
                .extracting(Publication::name).isEqualTo("pub02");

        assertThat(D42.publications().subscriptions().firstStatement().sql()).isEqualTo("SHOW SUBSCRIPTIONS");
        Operation<List<Subscription>> all = D42.publications().allSubscriptions();
        assertThat(all.firstStatement().sql()).isEqualTo("SHOW SUBSCRIPTIONS ALL");
        assertThat(all.txRule()).isEqualTo(TxRule.NOW);
        Result subs = Result.builder(List.of("pub_name", "pub_account", "pub_database", "pub_tables", "pub_comment",
                        "pub_time", "sub_name", "sub_time", "status"))
                .addRow("publication01", "sys", "republication01", "*", "republish", "2025-08-11 17:41:30", "resub01",
                        "2025-08-11 17:41:30", 0L)
                .addRow("p2", "acc9", "db", "t1", null, "2025-08-11 17:41:30", null, null, 2L)
                .build();
        List<Subscription> s = all.execute(new ScriptedRunner().answer(subs));
        assertThat(s.get(0).isSubscribed()).isTrue();
        assertThat(s.get(0).database()).isEqualTo("resub01");
        assertThat(s.get(0).publishedTables()).isEmpty();
        assertThat(s.get(1).isSubscribed()).isFalse();
        assertThat(s.get(1).status()).isEqualTo(Subscription.STATUS_PUBLICATION_DELETED);
        assertThat(s.get(1).publishedTables()).containsExactly("t1");
    }
}
