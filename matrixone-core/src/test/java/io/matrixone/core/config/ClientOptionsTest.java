package io.matrixone.core.config;

import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.retry.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ClientOptionsTest {

    private static final String SECRET = "p@ss:w/rd#1";
    private static final String SECRET_ENCODED = "p%40ss%3Aw%2Frd%231";

    private static String buildError(Consumer<ClientOptions.Builder> c) {
        ClientOptions.Builder b = ClientOptions.builder();
        c.accept(b);
        Throwable t = catchThrowable(b::build);
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        return t.getMessage();
    }

    /** The message of the exception thrown for {@code url}, checked to hold no trace of the secrets. */
    private static String urlError(String url, String... secrets) {
        Throwable t = catchThrowable(() -> ClientOptions.fromUrl(url));
        assertThat(t).as(url).isInstanceOf(IllegalArgumentException.class);
        for (Throwable e = t; e != null; e = e.getCause()) {
            for (String secret : secrets) {
                assertThat(String.valueOf(e.getMessage())).doesNotContain(secret);
            }
        }
        return t.getMessage();
    }

    // ---- defaults and builder ----

    @Test
    void defaultsMatchAFreshMatrixOne() {
        ClientOptions o = ClientOptions.builder().build();
        assertThat(o.connection().host()).isEqualTo("127.0.0.1");
        assertThat(o.connection().port()).isEqualTo(6001);
        assertThat(o.connection().loginName()).isEqualTo("root");
        assertThat(o.connection().login().effectiveAccount()).isEqualTo("sys");
        assertThat(o.connection().password()).isEqualTo("111");
        assertThat(o.connection().database()).isNull();
        assertThat(o.tls().mode()).isEqualTo(TlsMode.PREFERRED);
        assertThat(o.timeouts().connect()).isEqualTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(o.timeouts().socket()).isZero();
        assertThat(o.timeouts().query()).isZero();
        assertThat(o.pool().maxSize()).isEqualTo(ClientOptions.DEFAULT_POOL_SIZE);
        assertThat(o.pool().minIdle()).isEqualTo(ClientOptions.DEFAULT_MIN_IDLE);
        assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(o.connection().serverVersion()).isNull();
        assertThat(o.session().driverProperties()).isEmpty();
    }

    @Test
    void builderSetsEverySetting() {
        ClientOptions o = ClientOptions.builder().host("db").port(6002).user("admin").account("acc1").role("r1")
                .password("pw").database("app").connectTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(4))
                .queryTimeout(Duration.ofSeconds(5)).tlsMode(TlsMode.VERIFY_CA).trustStore("/ts.p12", "tspw")
                .keyStore("/ks.p12", "kspw").maxPoolSize(20).minIdle(2).acquireTimeout(Duration.ofSeconds(6))
                .maxLifetime(Duration.ofMinutes(7)).idleTimeout(Duration.ofMinutes(1)).retryPolicy(RetryPolicy.NONE)
                .serverVersion("8.0.30-MatrixOne-v4.2.0").slowQueryThreshold(Duration.ZERO)
                .driverProperty("useCompression", "true").build();
        assertThat(o.connection().host()).isEqualTo("db");
        assertThat(o.connection().port()).isEqualTo(6002);
        assertThat(o.connection().loginName()).isEqualTo("acc1#admin#r1");
        assertThat(o.connection().password()).isEqualTo("pw");
        assertThat(o.connection().database()).isEqualTo("app");
        assertThat(o.timeouts().socket()).hasSeconds(4);
        assertThat(o.timeouts().query()).hasSeconds(5);
        assertThat(o.tls().mode()).isEqualTo(TlsMode.VERIFY_CA);
        assertThat(o.tls().trustStorePath()).isEqualTo("/ts.p12");
        assertThat(o.tls().keyStorePassword()).isEqualTo("kspw");
        assertThat(o.pool().maxSize()).isEqualTo(20);
        assertThat(o.pool().minIdle()).isEqualTo(2);
        assertThat(o.pool().acquireTimeout()).hasSeconds(6);
        assertThat(o.pool().maxLifetime()).hasMinutes(7);
        assertThat(o.pool().idleTimeout()).hasMinutes(1);
        assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.NONE);
        assertThat(o.connection().serverVersion().semantic()).isEqualTo("4.2.0");
        assertThat(o.timeouts().slowQueryThreshold()).isZero();
        assertThat(o.session().driverProperties()).containsExactly(Map.entry("useCompression", "true"));
    }

    @Test
    void ofAppliesACustomizerToTheDefaults() {
        ClientOptions o = ClientOptions.of(b -> b.host("db").port(7001));
        assertThat(o.connection().host()).isEqualTo("db");
        assertThat(o.connection().port()).isEqualTo(7001);
        assertThat(o.connection().password()).isEqualTo("111");
    }

    @Test
    void aHostIsANameOrAnAddressAndNothingThatWouldExtendAUrl() {
        for (String ok : List.of("db", "db.example.com", "mo_cn_1", "127.0.0.1", "::1", "[::1]", "fe80::1%eth0")) {
            assertThat(ClientOptions.builder().host(ok).build().connection().host()).isEqualTo(ok);
        }
        for (String bad : List.of("h:6001/db?allowLoadLocalInfile=true#", "u:pw@h", "h/x", "h#x", "h\n", "h h", "h?a=b")) {
            assertThat(buildError(b -> b.host(bad))).as(bad).startsWith("host must be a host name or an IP address");
        }
    }

    @Test
    void validationNamesTheBadOption() {
        assertThat(buildError(b -> b.port(0))).isEqualTo("port must be 1..65535, was 0");
        assertThat(buildError(b -> b.port(65536))).isEqualTo("port must be 1..65535, was 65536");
        assertThat(buildError(b -> b.host(" "))).isEqualTo("host must not be blank");
        assertThat(buildError(b -> b.host(null))).isEqualTo("host must not be blank");
        assertThat(buildError(b -> b.user(""))).isEqualTo("user must not be blank");
        assertThat(buildError(b -> b.password(null))).startsWith("password must not be null");
        assertThat(buildError(b -> b.tlsMode(null))).isEqualTo("tlsMode must not be null");
        assertThat(buildError(b -> b.connectTimeout(Duration.ofSeconds(-1)))).startsWith("connectTimeout must not be negative");
        assertThat(buildError(b -> b.socketTimeout(null))).isEqualTo("socketTimeout must not be null");
        assertThat(buildError(b -> b.queryTimeout(Duration.ofMillis(-1)))).startsWith("queryTimeout must not be negative");
        assertThat(buildError(b -> b.acquireTimeout(Duration.ofMillis(-1)))).startsWith("acquireTimeout");
        assertThat(buildError(b -> b.maxLifetime(Duration.ofMillis(-1)))).startsWith("maxLifetime");
        assertThat(buildError(b -> b.idleTimeout(Duration.ofMillis(-1)))).startsWith("idleTimeout");
        assertThat(buildError(b -> b.slowQueryThreshold(null))).startsWith("slowQueryThreshold");
        assertThat(buildError(b -> b.maxPoolSize(0))).isEqualTo("maxPoolSize must be >= 1, was 0");
        assertThat(buildError(b -> b.maxPoolSize(5).minIdle(6))).isEqualTo("minIdle must be 0..maxPoolSize (5), was 6");
        assertThat(buildError(b -> b.minIdle(-1))).startsWith("minIdle");
        assertThat(buildError(b -> b.retryPolicy(null))).isEqualTo("retryPolicy must not be null");
        assertThat(buildError(b -> b.keyStore(null, "x"))).isEqualTo("keyStore password given without a key store path");
        assertThat(buildError(b -> b.trustStore(null, "x"))).isEqualTo("trustStore password given without a trust store path");
        assertThat(buildError(b -> b.database("a`b"))).startsWith("invalid database name");
    }

    @Test
    void acceptsAnEmptyPassword() {
        assertThat(ClientOptions.builder().password("").build().connection().password()).isEmpty();
    }

    @Test
    void rejectsAnUnreadableServerVersionAtOnce() {
        assertThatThrownBy(() -> ClientOptions.builder().serverVersion("garbage"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsConflictingAccountBetweenUserAndSetting() {
        assertThat(buildError(b -> b.user("acc1#admin").account("acc2")))
                .isEqualTo("conflicting account: 'acc1' in the user name but 'acc2' given separately");
        assertThat(buildError(b -> b.user("acc1:admin:r1").role("r2"))).startsWith("conflicting role");
    }

    @Test
    void acceptsAgreeingAccountInUserAndSetting() {
        assertThat(ClientOptions.builder().user("acc1#admin").account("acc1").build().connection().loginName()).isEqualTo("acc1#admin");
    }

    // ---- toString and toBuilder ----

    @Test
    void toStringNeverShowsPasswords() {
        ClientOptions o = ClientOptions.builder().user("acc1#admin#r").password(SECRET).trustStore("/ts", "trust-secret")
                .keyStore("/ks", "key-secret").driverProperty("sslPassword", "prop-secret").database("app").build();
        assertThat(o.toString()).doesNotContain(SECRET).doesNotContain("trust-secret").doesNotContain("key-secret")
                .doesNotContain("prop-secret").contains("password=****").contains("login=acc1#admin#r")
                .contains("127.0.0.1:6001").contains("database=app").contains("sslPassword");
    }

    @Test
    void toBuilderRoundTripsEverySetting() {
        ClientOptions o = ClientOptions.builder().host("db").port(6002).user("admin").account("acc1").role("r1")
                .password(SECRET).database("app").tlsMode(TlsMode.REQUIRED).maxPoolSize(3).minIdle(0)
                .serverVersion("v3.0.18").driverProperty("a", "b").build();
        ClientOptions copy = o.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(o.toString());
        assertThat(copy.connection().password()).isEqualTo(SECRET);
        assertThat(copy.connection().login()).isEqualTo(o.connection().login());
        assertThat(copy.session().driverProperties()).isEqualTo(o.session().driverProperties());
        assertThat(copy.connection().serverVersion()).isEqualTo(o.connection().serverVersion());
    }

    @Test
    void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
        ClientOptions o = ClientOptions.builder().host("db").driverProperty("a", "1").build();
        ClientOptions.Builder b = o.toBuilder();
        ClientOptions variant = b.port(7000).driverProperty("a", "2").build();
        assertThat(variant.connection().port()).isEqualTo(7000);
        assertThat(variant.connection().host()).isEqualTo("db");
        assertThat(variant.session().driverProperties()).containsEntry("a", "2");
        assertThat(o.connection().port()).isEqualTo(6001);
        assertThat(o.session().driverProperties()).containsEntry("a", "1");
        assertThat(o.toBuilder().build().session().driverProperties()).containsEntry("a", "1");
    }

    // ---- statement listeners ----

    @Test
    void keepsListenersInTheOrderTheyWereAdded() {
        StatementListener first = e -> { };
        StatementListener second = e -> { };
        ClientOptions o = ClientOptions.builder().listener(first).listener(second).listener(first).build();
        assertThat(o.listeners()).containsExactly(first, second, first);
        assertThat(ClientOptions.builder().build().listeners()).isEmpty();
    }

    @Test
    void toBuilderKeepsTheListenersAndAVariantDoesNotChangeTheOriginal() {
        StatementListener first = e -> { };
        StatementListener second = e -> { };
        ClientOptions o = ClientOptions.builder().listener(first).build();
        ClientOptions variant = o.toBuilder().listener(second).build();
        assertThat(variant.listeners()).containsExactly(first, second);
        assertThat(o.listeners()).containsExactly(first);
        assertThat(o.toBuilder().build().listeners()).containsExactly(first);
    }

    @Test
    void toStringShowsOnlyHowManyListenersThereAre() {
        StatementListener listener = new StatementListener() {
            @Override
            public void afterStatement(StatementEvent event) {
            }

            @Override
            public String toString() {
                return "listener-with-a-secret";
            }
        };
        ClientOptions o = ClientOptions.builder().listener(listener).listener(e -> { }).build();
        assertThat(o.toString()).contains("listeners=2").doesNotContain("listener-with-a-secret");
        assertThat(ClientOptions.builder().build().toString()).doesNotContain("listeners");
    }

    @Test
    void refusesANullListenerAndAChangeToTheList() {
        assertThatThrownBy(() -> ClientOptions.builder().listener(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("listener must not be null");
        ClientOptions o = ClientOptions.builder().listener(e -> { }).build();
        assertThatThrownBy(() -> o.listeners().add(e -> { })).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void driverPropertiesCannotBeModified() {
        ClientOptions o = ClientOptions.builder().driverProperty("a", "1").build();
        assertThatThrownBy(() -> o.session().driverProperties().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- URLs ----

    @Test
    void readsAMatrixOneUrl() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://acc%23admin:" + SECRET_ENCODED + "@db.example:6002/app");
        assertThat(o.connection().host()).isEqualTo("db.example");
        assertThat(o.connection().port()).isEqualTo(6002);
        assertThat(o.connection().loginName()).isEqualTo("acc#admin");
        assertThat(o.connection().password()).isEqualTo(SECRET);
        assertThat(o.connection().database()).isEqualTo("app");
    }

    @Test
    void readsMySqlAndJdbcUrls() {
        ClientOptions mysql = ClientOptions.fromUrl("mysql://acc%23admin%23r1:" + SECRET_ENCODED + "@db:6001/app");
        ClientOptions jdbc = ClientOptions.fromUrl("jdbc:mysql://acc%23admin%23r1:" + SECRET_ENCODED + "@db:6001/app");
        assertThat(mysql.connection().loginName()).isEqualTo("acc#admin#r1");
        assertThat(jdbc.toString()).isEqualTo(mysql.toString());
        assertThat(jdbc.connection().password()).isEqualTo(SECRET);
    }

    @Test
    void keepsDefaultsForPartsTheUrlLeavesOut() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://db");
        assertThat(o.connection().host()).isEqualTo("db");
        assertThat(o.connection().port()).isEqualTo(6001);
        assertThat(o.connection().loginName()).isEqualTo("root");
        assertThat(o.connection().password()).isEqualTo("111");
        assertThat(o.connection().database()).isNull();
        assertThat(ClientOptions.fromUrl("matrixone://bob@db").connection().password()).isEqualTo("111");
        assertThat(ClientOptions.fromUrl("matrixone://bob:@db").connection().password()).isEmpty();
    }

    @Test
    void readsHostNamesThatJavaNetUriDoesNotParse() {
        // Docker Compose service names often hold '_'; URI then leaves the authority unparsed
        ClientOptions o = ClientOptions.fromUrl("matrixone://admin:pw@mo_cn_1:6002/app");
        assertThat(o.connection().host()).isEqualTo("mo_cn_1");
        assertThat(o.connection().port()).isEqualTo(6002);
        assertThat(o.connection().loginName()).isEqualTo("admin");
        assertThat(o.connection().password()).isEqualTo("pw");
        assertThat(ClientOptions.fromUrl("mysql://mo_cn_1/app").connection().host()).isEqualTo("mo_cn_1");
    }

    @Test
    void readsIpv6Hosts() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://root:pw@[::1]:6003/app");
        assertThat(o.connection().host()).isEqualTo("[::1]");
        assertThat(o.connection().port()).isEqualTo(6003);
    }

    @Test
    void readsQueryOptions() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://admin:pw@db:6001/app?account=acc1&role=r1&tlsMode=verify-ca"
                + "&connectTimeout=5s&socketTimeout=PT1M&queryTimeout=30&maxPoolSize=4&minIdle=0"
                + "&serverVersion=8.0.30-MatrixOne-v4.0.0-rc1");
        assertThat(o.connection().loginName()).isEqualTo("acc1#admin#r1");
        assertThat(o.tls().mode()).isEqualTo(TlsMode.VERIFY_CA);
        assertThat(o.timeouts().connect()).hasSeconds(5);
        assertThat(o.timeouts().socket()).hasMinutes(1);
        assertThat(o.timeouts().query()).hasSeconds(30);
        assertThat(o.pool().maxSize()).isEqualTo(4);
        assertThat(o.pool().minIdle()).isZero();
        assertThat(o.connection().serverVersion().semantic()).isEqualTo("4.0.0-rc1");
        assertThat(o.session().driverProperties()).isEmpty();
    }

    @Test
    void acceptsUserAndPasswordAsQueryParameters() {
        ClientOptions o = ClientOptions.fromUrl("jdbc:mysql://db:6001/app?user=acc%23admin&password=" + SECRET_ENCODED
                + "&sslMode=REQUIRED&poolSize=2");
        assertThat(o.connection().loginName()).isEqualTo("acc#admin");
        assertThat(o.connection().password()).isEqualTo(SECRET);
        assertThat(o.tls().mode()).isEqualTo(TlsMode.REQUIRED);
        assertThat(o.pool().maxSize()).isEqualTo(2);
    }

    @Test
    void keepsAPlusSignInAPassword() {
        assertThat(ClientOptions.fromUrl("matrixone://root:a+b@db").connection().password()).isEqualTo("a+b");
        assertThat(ClientOptions.fromUrl("matrixone://db?password=a+b").connection().password()).isEqualTo("a+b");
    }

    @Test
    void unknownQueryOptionsAreErrorsNamingTheKeyAndDriverPropertiesAreExplicit() {
        assertThatThrownBy(() -> ClientOptions.fromUrl("jdbc:mysql://db:6001/app?cachePrepStmts=true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown option 'cachePrepStmts'")
                .hasMessageContaining("driver.cachePrepStmts=value");
        ClientOptions o = ClientOptions.fromUrl("jdbc:mysql://db:6001/app?driver.cachePrepStmts=true&driver.flag"
                + "&session.probe_limit=5");
        assertThat(o.session().driverProperties()).containsExactly(Map.entry("cachePrepStmts", "true"),
                Map.entry("flag", ""));
        assertThat(o.session().variables()).containsExactly(Map.entry("probe_limit", "5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"allowLoadLocalInfile", "ALLOWLOADLOCALINFILE", "allowLoadLocalInfileInPath",
            "allowUrlInLocalInfile", "autoDeserialize", "allowMultiQueries", "enableEscapeProcessing",
            "queryInterceptors", "socketFactory", "sslMode"})
    void securitySensitiveDriverPropertiesNeverComeFromAUrlOrTheEnvironment(String name) {
        assertThatThrownBy(() -> ClientOptions.fromUrl("matrixone://db/app?driver." + name + "=true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("insecureDriverProperty");
        assertThatThrownBy(() -> ClientOptions.builder().environment(Map.of("MATRIXONE_URL",
                "matrixone://db/app?driver." + name + "=true"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOptions.builder().driverProperty(name, "true"))
                .isInstanceOf(IllegalArgumentException.class);
        ClientOptions explicit = ClientOptions.builder().insecureDriverProperty(name, "true").build();
        assertThat(explicit.session().insecureDriverProperties()).containsEntry(name, "true");
    }

    @Test
    void theOldUnprefixedFormOfALocalFileSwitchIsAnError() {
        assertThatThrownBy(() -> ClientOptions.fromUrl("matrixone://root:111@db:6001/app?allowLoadLocalInfile=true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown option 'allowLoadLocalInfile'");
    }

    @Test
    void sessionVariablesAreCheckedWhenGiven() {
        assertThat(ClientOptions.builder().sessionVariable("experimental_ivf_index", 1).sessionVariable("s", "a'b")
                .build().session().variables()).containsExactly(Map.entry("experimental_ivf_index", 1),
                Map.entry("s", "a'b"));
        assertThatThrownBy(() -> ClientOptions.builder().sessionVariable("x = 1; DROP", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session variable name");
        assertThatThrownBy(() -> ClientOptions.builder().sessionVariable("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session variable x");
        assertThatThrownBy(() -> ClientOptions.builder().sessionVariable("x", "\uD800"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> ClientOptions.builder().driverProperty("sessionVariables", "a=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionVariable(name, value)");
    }

    @Test
    void rejectsConflictingAccountBetweenUrlUserAndQuery() {
        assertThat(urlError("matrixone://acc1%23admin:" + SECRET_ENCODED + "@db/app?account=acc2", SECRET, SECRET_ENCODED))
                .isEqualTo("conflicting account: 'acc1' in the user name but 'acc2' given separately");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://root:" + SECRET_ENCODED + "@db/app",
            "root:" + SECRET_ENCODED + "@db/app",
            "matrixone://root:se cret@db/app",
            "matrixone://root:" + SECRET + "@db:6001/app",
            "matrixone://root:p@ss@db:6001/app",
            "matrixone://root:secret%zz@db/app",
            "matrixone://root:" + SECRET_ENCODED + "@db:notaport/app",
            "matrixone://root:" + SECRET_ENCODED + "@db:70000/app",
            "matrixone://root:" + SECRET_ENCODED + "@db/app?connectTimeout=soon",
            "matrixone://root:" + SECRET_ENCODED + "@db/app?maxPoolSize=many",
            "matrixone://root:" + SECRET_ENCODED + "@db/app?tlsMode=always",
            "matrixone://root:" + SECRET_ENCODED + "@db/a%60b",
            "matrixone://root:" + SECRET_ENCODED + "@db/app?serverVersion=nonsense"})
    void rejectsBadUrlsWithoutEchoingThePassword(String url) {
        String message = urlError(url, SECRET, SECRET_ENCODED, "se cret", "p@ss", "secret%zz");
        assertThat(message).isNotBlank();
    }

    @Test
    void explainsHowToWriteSpecialCharactersWhenTheUrlIsMalformed() {
        assertThat(urlError("matrixone://root:p@ss@db:6001/app", "p@ss"))
                .contains("percent-encoded");
        assertThat(urlError("matrixone://root:" + SECRET + "@db:6001/app", SECRET)).startsWith("malformed URL");
    }

    @Test
    void namesTheBadQueryOption() {
        assertThat(urlError("matrixone://db?connectTimeout=soon")).startsWith("connectTimeout must be a duration");
        assertThat(urlError("matrixone://db?maxPoolSize=many")).isEqualTo("maxPoolSize must be a whole number, was 'many'");
        assertThat(urlError("matrixone://db?tlsMode=always")).startsWith("tlsMode must be one of");
    }

    // ---- environment ----

    @Test
    void readsMatrixOneEnvironmentVariables() {
        Map<String, String> env = new HashMap<>();
        env.put("MATRIXONE_HOST", "envhost");
        env.put("MATRIXONE_PORT", "6010");
        env.put("MATRIXONE_USER", "admin");
        env.put("MATRIXONE_PASSWORD", SECRET);
        env.put("MATRIXONE_DATABASE", "app");
        env.put("MATRIXONE_ACCOUNT", "acc1");
        env.put("MATRIXONE_ROLE", "r1");
        env.put("MATRIXONE_CONNECT_TIMEOUT", "2s");
        env.put("MATRIXONE_SOCKET_TIMEOUT", "1m");
        env.put("MATRIXONE_QUERY_TIMEOUT", "500ms");
        env.put("MATRIXONE_TLS_MODE", "disabled");
        env.put("MATRIXONE_POOL_SIZE", "7");
        env.put("MATRIXONE_SERVER_VERSION", "4.2.0");
        env.put("PATH", "/usr/bin");
        ClientOptions o = ClientOptions.builder().environment(env).build();
        assertThat(o.connection().host()).isEqualTo("envhost");
        assertThat(o.connection().port()).isEqualTo(6010);
        assertThat(o.connection().loginName()).isEqualTo("acc1#admin#r1");
        assertThat(o.connection().password()).isEqualTo(SECRET);
        assertThat(o.connection().database()).isEqualTo("app");
        assertThat(o.timeouts().connect()).hasSeconds(2);
        assertThat(o.timeouts().socket()).hasMinutes(1);
        assertThat(o.timeouts().query()).hasMillis(500);
        assertThat(o.tls().mode()).isEqualTo(TlsMode.DISABLED);
        assertThat(o.pool().maxSize()).isEqualTo(7);
        assertThat(o.connection().serverVersion().semantic()).isEqualTo("4.2.0");
        assertThat(o.session().driverProperties()).isEmpty();
    }

    @Test
    void letsSeparateVariablesOverrideTheUrlVariable() {
        Map<String, String> env = Map.of("MATRIXONE_URL", "matrixone://u:pw@urlhost:6005/urldb",
                "MATRIXONE_HOST", "override", "MATRIXONE_DATABASE", "");
        ClientOptions o = ClientOptions.builder().environment(env).build();
        assertThat(o.connection().host()).isEqualTo("override");
        assertThat(o.connection().port()).isEqualTo(6005);
        assertThat(o.connection().loginName()).isEqualTo("u");
        assertThat(o.connection().database()).isNull();
    }

    @Test
    void keepsDefaultsWithAnEmptyEnvironment() {
        assertThat(ClientOptions.builder().environment(Map.of()).build().toString())
                .isEqualTo(ClientOptions.builder().build().toString());
    }

    @Test
    void rejectsConflictingAccountBetweenEnvironmentUserAndAccount() {
        Map<String, String> env = Map.of("MATRIXONE_USER", "acc1#admin", "MATRIXONE_ACCOUNT", "acc2",
                "MATRIXONE_PASSWORD", SECRET);
        assertThatThrownBy(() -> ClientOptions.builder().environment(env).build())
                .hasMessage("conflicting account: 'acc1' in the user name but 'acc2' given separately");
    }

    @Test
    void namesTheBadEnvironmentVariable() {
        assertThatThrownBy(() -> ClientOptions.builder().environment(Map.of("MATRIXONE_PORT", "six")))
                .hasMessage("MATRIXONE_PORT must be a whole number, was 'six'");
        assertThatThrownBy(() -> ClientOptions.builder().environment(Map.of("MATRIXONE_TLS_MODE", "x")))
                .hasMessageStartingWith("MATRIXONE_TLS_MODE must be one of");
        assertThatThrownBy(() -> ClientOptions.builder().environment(Map.of("MATRIXONE_QUERY_TIMEOUT", "x")))
                .hasMessageStartingWith("MATRIXONE_QUERY_TIMEOUT must be a duration");
    }

    @Test
    void sessionVariablesFromAMapKeepItsOrderAndAreCheckedAllOrNothing() {
        java.util.Map<String, Object> vars = new java.util.LinkedHashMap<>();
        vars.put("experimental_hnsw_index", 1);
        vars.put("probe_limit", 10);
        vars.put("ft_relevancy_algorithm", "BM25");
        ClientOptions o = ClientOptions.builder().sessionVariable("a", 1).sessionVariables(vars).build();
        assertThat(o.session().variables().keySet())
                .containsExactly("a", "experimental_hnsw_index", "probe_limit", "ft_relevancy_algorithm");
        java.util.Map<String, Object> bad = new java.util.LinkedHashMap<>();
        bad.put("ok_one", 1);
        bad.put("bad name", 2);
        ClientOptions.Builder b = ClientOptions.builder();
        assertThatThrownBy(() -> b.sessionVariables(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad name");
        assertThat(b.build().session().variables()).isEmpty();
        assertThatThrownBy(() -> b.sessionVariables(null)).isInstanceOf(NullPointerException.class);
    }
}
