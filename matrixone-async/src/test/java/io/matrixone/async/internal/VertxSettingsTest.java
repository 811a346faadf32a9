package io.matrixone.async.internal;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The options really reach Vert.x. */
class VertxSettingsTest {

    @Test
    void connectOptionsCarryLoginPipeliningCacheAndTimeouts() {
        ClientOptions o = ClientOptions.builder().host("db").port(6002).user("acc#admin#accountadmin").password("pw")
                .database("app").connectTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(40)).build();
        MySQLConnectOptions c = VertxSettings.connectOptions(o);
        assertThat(c.getHost()).isEqualTo("db");
        assertThat(c.getPort()).isEqualTo(6002);
        assertThat(c.getUser()).isEqualTo(o.connection().loginName()).contains("acc");
        assertThat(c.getPassword()).isEqualTo("pw");
        assertThat(c.getDatabase()).isEqualTo("app");
        assertThat(c.getPipeliningLimit()).isEqualTo(VertxSettings.PIPELINING_LIMIT);
        assertThat(c.getCachePreparedStatements()).isTrue();
        assertThat(c.getPreparedStatementCacheMaxSize()).isEqualTo(VertxSettings.PREPARED_STATEMENT_CACHE_SIZE);
        assertThat(c.getConnectTimeout()).isEqualTo(3000);
        assertThat(c.getIdleTimeout()).isEqualTo(40_000);
    }

    @Test
    void poolOptionsCarryAcquireIdleAndLifetime() {
        ClientOptions o = ClientOptions.builder().maxPoolSize(12).acquireTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofMinutes(1)).maxLifetime(Duration.ofMinutes(5)).build();
        PoolOptions p = VertxSettings.poolOptions(o, 9, "x");
        assertThat(p.getMaxSize()).isEqualTo(9);
        assertThat(p.getConnectionTimeout()).isEqualTo(2000);
        assertThat(p.getIdleTimeout()).isEqualTo(60_000);
        assertThat(p.getMaxLifetime()).isEqualTo(300_000);
    }

    @Test
    void noConnectionCarriesMoreThanOneCommandAtATime() {
        assertThat(VertxSettings.connectOptions(ClientOptions.builder().build()).getPipeliningLimit()).isEqualTo(1);
    }

    @Test
    void tlsModesMapToVertxSslModes() {
        for (TlsMode mode : TlsMode.values()) {
            ClientOptions.Builder b = ClientOptions.builder().tlsMode(mode);
            if (mode == TlsMode.VERIFY_CA || mode == TlsMode.VERIFY_IDENTITY) {
                b.trustStore("/etc/ca.p12", "changeit");
            }
            MySQLConnectOptions c = VertxSettings.connectOptions(b.build());
            assertThat(c.getSslMode()).isEqualTo(SslMode.valueOf(mode.name()));
        }
    }

    @Test
    void requiredWithoutTrustStoreEncryptsWithoutChecking() {
        MySQLConnectOptions c = VertxSettings.connectOptions(ClientOptions.builder().tlsMode(TlsMode.REQUIRED).build());
        assertThat(c.isTrustAll()).isTrue();
    }

    @Test
    void storesReachVertxWithTheirType() {
        MySQLConnectOptions c = VertxSettings.connectOptions(ClientOptions.builder().tlsMode(TlsMode.VERIFY_IDENTITY)
                .trustStore("/etc/ca.jks", "t").keyStore("/etc/client.p12", "k").build());
        assertThat(c.getTrustOptions()).isInstanceOfSatisfying(KeyStoreOptions.class, k -> {
            assertThat(k.getType()).isEqualTo("JKS");
            assertThat(k.getPath()).isEqualTo("/etc/ca.jks");
        });
        assertThat(c.getKeyCertOptions()).isInstanceOfSatisfying(KeyStoreOptions.class,
                k -> assertThat(k.getType()).isEqualTo("PKCS12"));
        assertThat(c.isTrustAll()).isFalse();
        assertThat(c.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    }
}
