package io.matrixone.core.config;

import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.retry.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
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
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(6001);
        assertThat(o.loginName()).isEqualTo("root");
        assertThat(o.login().effectiveAccount()).isEqualTo("sys");
        assertThat(o.password()).isEqualTo("111");
        assertThat(o.database()).isNull();
        assertThat(o.tlsMode()).isEqualTo(TlsMode.PREFERRED);
        assertThat(o.connectTimeout()).isEqualTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(o.socketTimeout()).isZero();
        assertThat(o.queryTimeout()).isZero();
        assertThat(o.maxPoolSize()).isEqualTo(ClientOptions.DEFAULT_POOL_SIZE);
        assertThat(o.minIdle()).isEqualTo(ClientOptions.DEFAULT_MIN_IDLE);
        assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(o.serverVersion()).isNull();
        assertThat(o.driverProperties()).isEmpty();
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
        assertThat(o.host()).isEqualTo("db");
        assertThat(o.port()).isEqualTo(6002);
        assertThat(o.loginName()).isEqualTo("acc1#admin#r1");
        assertThat(o.password()).isEqualTo("pw");
        assertThat(o.database()).isEqualTo("app");
        assertThat(o.socketTimeout()).hasSeconds(4);
        assertThat(o.queryTimeout()).hasSeconds(5);
        assertThat(o.tlsMode()).isEqualTo(TlsMode.VERIFY_CA);
        assertThat(o.trustStorePath()).isEqualTo("/ts.p12");
        assertThat(o.keyStorePassword()).isEqualTo("kspw");
        assertThat(o.maxPoolSize()).isEqualTo(20);
        assertThat(o.minIdle()).isEqualTo(2);
        assertThat(o.acquireTimeout()).hasSeconds(6);
        assertThat(o.maxLifetime()).hasMinutes(7);
        assertThat(o.idleTimeout()).hasMinutes(1);
        assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.NONE);
        assertThat(o.serverVersion().semantic()).isEqualTo("4.2.0");
        assertThat(o.slowQueryThreshold()).isZero();
        assertThat(o.driverProperties()).containsExactly(Map.entry("useCompression", "true"));
    }

    @Test
    void ofAppliesACustomizerToTheDefaults() {
        ClientOptions o = ClientOptions.of(b -> b.host("db").port(7001));
        assertThat(o.host()).isEqualTo("db");
        assertThat(o.port()).isEqualTo(7001);
        assertThat(o.password()).isEqualTo("111");
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
        assertThat(ClientOptions.builder().password("").build().password()).isEmpty();
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
        assertThat(ClientOptions.builder().user("acc1#admin").account("acc1").build().loginName()).isEqualTo("acc1#admin");
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
        assertThat(copy.password()).isEqualTo(SECRET);
        assertThat(copy.login()).isEqualTo(o.login());
        assertThat(copy.driverProperties()).isEqualTo(o.driverProperties());
        assertThat(copy.serverVersion()).isEqualTo(o.serverVersion());
    }

    @Test
    void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
        ClientOptions o = ClientOptions.builder().host("db").driverProperty("a", "1").build();
        ClientOptions.Builder b = o.toBuilder();
        ClientOptions variant = b.port(7000).driverProperty("a", "2").build();
        assertThat(variant.port()).isEqualTo(7000);
        assertThat(variant.host()).isEqualTo("db");
        assertThat(variant.driverProperties()).containsEntry("a", "2");
        assertThat(o.port()).isEqualTo(6001);
        assertThat(o.driverProperties()).containsEntry("a", "1");
        assertThat(o.toBuilder().build().driverProperties()).containsEntry("a", "1");
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
                .hasMessage("listener");
        ClientOptions o = ClientOptions.builder().listener(e -> { }).build();
        assertThatThrownBy(() -> o.listeners().add(e -> { })).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void driverPropertiesCannotBeModified() {
        ClientOptions o = ClientOptions.builder().driverProperty("a", "1").build();
        assertThatThrownBy(() -> o.driverProperties().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- URLs ----

    @Test
    void readsAMatrixOneUrl() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://acc%23admin:" + SECRET_ENCODED + "@db.example:6002/app");
        assertThat(o.host()).isEqualTo("db.example");
        assertThat(o.port()).isEqualTo(6002);
        assertThat(o.loginName()).isEqualTo("acc#admin");
        assertThat(o.password()).isEqualTo(SECRET);
        assertThat(o.database()).isEqualTo("app");
    }

    @Test
    void readsMySqlAndJdbcUrls() {
        ClientOptions mysql = ClientOptions.fromUrl("mysql://acc%23admin%23r1:" + SECRET_ENCODED + "@db:6001/app");
        ClientOptions jdbc = ClientOptions.fromUrl("jdbc:mysql://acc%23admin%23r1:" + SECRET_ENCODED + "@db:6001/app");
        assertThat(mysql.loginName()).isEqualTo("acc#admin#r1");
        assertThat(jdbc.toString()).isEqualTo(mysql.toString());
        assertThat(jdbc.password()).isEqualTo(SECRET);
    }

    @Test
    void keepsDefaultsForPartsTheUrlLeavesOut() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://db");
        assertThat(o.host()).isEqualTo("db");
        assertThat(o.port()).isEqualTo(6001);
        assertThat(o.loginName()).isEqualTo("root");
        assertThat(o.password()).isEqualTo("111");
        assertThat(o.database()).isNull();
        assertThat(ClientOptions.fromUrl("matrixone://bob@db").password()).isEqualTo("111");
        assertThat(ClientOptions.fromUrl("matrixone://bob:@db").password()).isEmpty();
    }

    @Test
    void readsHostNamesThatJavaNetUriDoesNotParse() {
        // Docker Compose service names often hold '_'; URI then leaves the authority unparsed
        ClientOptions o = ClientOptions.fromUrl("matrixone://admin:pw@mo_cn_1:6002/app");
        assertThat(o.host()).isEqualTo("mo_cn_1");
        assertThat(o.port()).isEqualTo(6002);
        assertThat(o.loginName()).isEqualTo("admin");
        assertThat(o.password()).isEqualTo("pw");
        assertThat(ClientOptions.fromUrl("mysql://mo_cn_1/app").host()).isEqualTo("mo_cn_1");
    }

    @Test
    void readsIpv6Hosts() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://root:pw@[::1]:6003/app");
        assertThat(o.host()).isEqualTo("[::1]");
        assertThat(o.port()).isEqualTo(6003);
    }

    @Test
    void readsQueryOptions() {
        ClientOptions o = ClientOptions.fromUrl("matrixone://admin:pw@db:6001/app?account=acc1&role=r1&tlsMode=verify-ca"
                + "&connectTimeout=5s&socketTimeout=PT1M&queryTimeout=30&maxPoolSize=4&minIdle=0"
                + "&serverVersion=8.0.30-MatrixOne-v4.0.0-rc1");
        assertThat(o.loginName()).isEqualTo("acc1#admin#r1");
        assertThat(o.tlsMode()).isEqualTo(TlsMode.VERIFY_CA);
        assertThat(o.connectTimeout()).hasSeconds(5);
        assertThat(o.socketTimeout()).hasMinutes(1);
        assertThat(o.queryTimeout()).hasSeconds(30);
        assertThat(o.maxPoolSize()).isEqualTo(4);
        assertThat(o.minIdle()).isZero();
        assertThat(o.serverVersion().semantic()).isEqualTo("4.0.0-rc1");
        assertThat(o.driverProperties()).isEmpty();
    }

    @Test
    void acceptsUserAndPasswordAsQueryParameters() {
        ClientOptions o = ClientOptions.fromUrl("jdbc:mysql://db:6001/app?user=acc%23admin&password=" + SECRET_ENCODED
                + "&sslMode=REQUIRED&poolSize=2");
        assertThat(o.loginName()).isEqualTo("acc#admin");
        assertThat(o.password()).isEqualTo(SECRET);
        assertThat(o.tlsMode()).isEqualTo(TlsMode.REQUIRED);
        assertThat(o.maxPoolSize()).isEqualTo(2);
    }

    @Test
    void keepsAPlusSignInAPassword() {
        assertThat(ClientOptions.fromUrl("matrixone://root:a+b@db").password()).isEqualTo("a+b");
        assertThat(ClientOptions.fromUrl("matrixone://db?password=a+b").password()).isEqualTo("a+b");
    }

    @Test
    void passesUnknownQueryOptionsToTheDriver() {
        ClientOptions o = ClientOptions.fromUrl("jdbc:mysql://db:6001/app?useSSL=false&cachePrepStmts=true&flag");
        assertThat(o.driverProperties()).containsExactly(Map.entry("useSSL", "false"),
                Map.entry("cachePrepStmts", "true"), Map.entry("flag", ""));
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
        assertThat(o.host()).isEqualTo("envhost");
        assertThat(o.port()).isEqualTo(6010);
        assertThat(o.loginName()).isEqualTo("acc1#admin#r1");
        assertThat(o.password()).isEqualTo(SECRET);
        assertThat(o.database()).isEqualTo("app");
        assertThat(o.connectTimeout()).hasSeconds(2);
        assertThat(o.socketTimeout()).hasMinutes(1);
        assertThat(o.queryTimeout()).hasMillis(500);
        assertThat(o.tlsMode()).isEqualTo(TlsMode.DISABLED);
        assertThat(o.maxPoolSize()).isEqualTo(7);
        assertThat(o.serverVersion().semantic()).isEqualTo("4.2.0");
        assertThat(o.driverProperties()).isEmpty();
    }

    @Test
    void letsSeparateVariablesOverrideTheUrlVariable() {
        Map<String, String> env = Map.of("MATRIXONE_URL", "matrixone://u:pw@urlhost:6005/urldb",
                "MATRIXONE_HOST", "override", "MATRIXONE_DATABASE", "");
        ClientOptions o = ClientOptions.builder().environment(env).build();
        assertThat(o.host()).isEqualTo("override");
        assertThat(o.port()).isEqualTo(6005);
        assertThat(o.loginName()).isEqualTo("u");
        assertThat(o.database()).isNull();
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
}
