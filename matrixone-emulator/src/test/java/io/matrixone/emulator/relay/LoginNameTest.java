package io.matrixone.emulator.relay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoginNameTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "root,                       sys,  root,  NULL,         root",
        "acc1:admin,                 acc1, admin, NULL,         acc1#admin",
        "acc1:admin:accountadmin,    acc1, admin, accountadmin, acc1#admin",
        "acc1#admin,                 acc1, admin, NULL,         acc1#admin",
        "acc1#admin#accountadmin,    acc1, admin, accountadmin, acc1#admin",
        "sys:root,                   sys,  root,  NULL,         root",
        "sys#dump,                   sys,  dump,  NULL,         dump",
        "SYS:root:moadmin,           SYS,  root,  moadmin,      root",
        "'acc1:admin?k=v,k2=v2',     acc1, admin, NULL,         acc1#admin",
        "root?label=x,               sys,  root,  NULL,         root",
        "a:b#c,                      a,    b#c,   NULL,         a#b#c",
    })
    void parses(String raw, String account, String user, String role, String backendUser) {
        LoginName name = LoginName.parse(raw);
        assertThat(name.account()).isEqualTo(account);
        assertThat(name.user()).isEqualTo(user);
        assertThat(name.role()).isEqualTo(role);
        assertThat(name.backendUser()).isEqualTo(backendUser);
    }
}
