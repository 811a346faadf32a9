package io.matrixone.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginNameTest {

    @Test
    void parsesHashFormWithRole() {
        assertThat(LoginName.parse("acc1#admin#accountadmin")).isEqualTo(new LoginName("acc1", "admin", "accountadmin"));
    }

    @Test
    void parsesHashFormWithoutRole() {
        assertThat(LoginName.parse("sys#dump")).isEqualTo(new LoginName("sys", "dump", null));
    }

    @Test
    void parsesColonFormWithRole() {
        assertThat(LoginName.parse("acc1:admin:accountadmin")).isEqualTo(new LoginName("acc1", "admin", "accountadmin"));
    }

    @Test
    void parsesColonFormWithoutRole() {
        assertThat(LoginName.parse("acc1:admin")).isEqualTo(new LoginName("acc1", "admin", null));
    }

    @Test
    void parsesABareUserIntoTheDefaultAccount() {
        LoginName root = LoginName.parse("root");
        assertThat(root).isEqualTo(new LoginName(null, "root", null));
        assertThat(root.effectiveAccount()).isEqualTo("sys");
        assertThat(root.format()).isEqualTo("root");
    }

    @Test
    void dropsTheLabelAfterQuestionMark() {
        assertThat(LoginName.parse("acc1#admin?k=v,k2=v2")).isEqualTo(new LoginName("acc1", "admin", null));
        assertThat(LoginName.parse("root?cn=a")).isEqualTo(new LoginName(null, "root", null));
    }

    @Test
    void looksForColonBeforeHash() {
        // as on the server: with a ':' present, '#' is not a separator and must then fail the user rule
        assertThatThrownBy(() -> LoginName.parse("acc1:us#er")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid user name").hasMessageContaining("must not contain ':' or '#'");
        assertThatThrownBy(() -> LoginName.parse("acc#1:user")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid account name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#user", "acc#", "acc##role", ":user", "acc:", "acc::role", "acc#user#"})
    void rejectsEmptyParts(String login) {
        assertThatThrownBy(() -> LoginName.parse(login)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("login name has an empty part; expected account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a#b#c#d", "a:b:c:d"})
    void rejectsMoreThanThreeParts(String login) {
        assertThatThrownBy(() -> LoginName.parse(login)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("login name has more than three parts (account, user, role)");
    }

    @Test
    void rejectsEmptyLogin() {
        assertThatThrownBy(() -> LoginName.parse("")).hasMessage("user name must not be blank");
        assertThatThrownBy(() -> LoginName.parse("?label")).hasMessage("user name must not be blank");
        assertThatThrownBy(() -> LoginName.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void checksEachPartWithItsOwnRules() {
        assertThatThrownBy(() -> new LoginName("acc.1", "u", null)).hasMessageStartingWith("invalid account name");
        assertThatThrownBy(() -> new LoginName("acc", "u:x", null)).hasMessageStartingWith("invalid user name");
        assertThatThrownBy(() -> new LoginName("acc", "u", "r#x")).hasMessageStartingWith("invalid role name");
        assertThatThrownBy(() -> new LoginName("acc", "u\n", null)).hasMessageStartingWith("invalid user name");
    }

    @Test
    void formatsAlwaysWithHashes() {
        assertThat(LoginName.parse("acc1:admin:accountadmin").format()).isEqualTo("acc1#admin#accountadmin");
        assertThat(LoginName.parse("acc1:admin")).hasToString("acc1#admin");
        assertThat(new LoginName(null, "u", "r").format()).isEqualTo("sys#u#r");
    }

    @Test
    void combinesSeparateAccountAndRole() {
        assertThat(LoginName.combine("admin", "acc1", "accountadmin")).isEqualTo(new LoginName("acc1", "admin", "accountadmin"));
        assertThat(LoginName.combine("acc1#admin", null, "r")).isEqualTo(new LoginName("acc1", "admin", "r"));
    }

    @Test
    void acceptsAgreeingDuplicates() {
        assertThat(LoginName.combine("acc1#admin#r", "acc1", "r")).isEqualTo(new LoginName("acc1", "admin", "r"));
    }

    @Test
    void rejectsConflictingAccountOrRole() {
        assertThatThrownBy(() -> LoginName.combine("acc1#admin", "acc2", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conflicting account: 'acc1' in the user name but 'acc2' given separately");
        assertThatThrownBy(() -> LoginName.combine("acc1:admin:r1", null, "r2"))
                .hasMessage("conflicting role: 'r1' in the user name but 'r2' given separately");
    }
}
