package io.matrixone.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DriverSettingsTest {

    private static ClientOptions.Builder base() {
        return ClientOptions.builder().host("db.local").port(6001).user("acc#alice#reader").password("s3cret")
                .database("app");
    }

    @Test
    void setsEverySettingMatrixOneNeeds() {
        Map<String, String> p = DriverSettings.properties(base().build());
        assertThat(p).containsEntry("useServerPrepStmts", "false")
                .containsEntry("cachePrepStmts", "true")
                .containsEntry("useLocalSessionState", "true")
                .containsEntry("alwaysSendSetIsolation", "false")
                .containsEntry("elideSetAutoCommits", "true")
                .containsEntry("useCursorFetch", "false")
                .containsEntry("characterEncoding", "UTF-8")
                .containsEntry("zeroDateTimeBehavior", "CONVERT_TO_NULL")
                .containsEntry("rewriteBatchedStatements", "true")
                .containsEntry("autoReconnect", "false")
                .containsKeys("prepStmtCacheSize", "prepStmtCacheSqlLimit");
    }

    @Test
    void sendsTheFullLoginNameAsUser() {
        Map<String, String> p = DriverSettings.properties(base().build());
        assertThat(p).containsEntry("user", "acc#alice#reader").containsEntry("password", "s3cret");
    }

    @Test
    void passesTimeoutsInMilliseconds() {
        Map<String, String> p = DriverSettings.properties(base().connectTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofMillis(1500)).build());
        assertThat(p).containsEntry("connectTimeout", "3000").containsEntry("socketTimeout", "1500");
    }

    @Test
    void subMillisecondTimeoutDoesNotBecomeNoTimeout() {
        Map<String, String> p = DriverSettings.properties(base().socketTimeout(Duration.ofNanos(10)).build());
        assertThat(p).containsEntry("socketTimeout", "1");
    }

    @Test
    void mapsEveryTlsMode() {
        for (TlsMode mode : TlsMode.values()) {
            assertThat(DriverSettings.properties(base().tlsMode(mode).build())).containsEntry("sslMode", mode.name());
        }
    }

    @Test
    void passesTrustAndKeyStoresAsUrlsWithTheirType() {
        Map<String, String> p = DriverSettings.properties(base().tlsMode(TlsMode.VERIFY_CA)
                .trustStore("/etc/mo/ca.p12", "tpw").keyStore("file:/etc/mo/client.jks", "kpw").build());
        assertThat(p).containsEntry("trustCertificateKeyStoreUrl", "file:///etc/mo/ca.p12")
                .containsEntry("trustCertificateKeyStoreType", "PKCS12")
                .containsEntry("trustCertificateKeyStorePassword", "tpw")
                .containsEntry("clientCertificateKeyStoreUrl", "file:/etc/mo/client.jks")
                .containsEntry("clientCertificateKeyStoreType", "JKS")
                .containsEntry("clientCertificateKeyStorePassword", "kpw");
    }

    @Test
    void userDriverPropertiesWinButOnlyInsecureOnesReachTheSafetySettings() {
        Map<String, String> p = DriverSettings.properties(base().driverProperty("prepStmtCacheSize", "10").build());
        assertThat(p).containsEntry("prepStmtCacheSize", "10").containsEntry("enableEscapeProcessing", "false")
                .containsEntry("allowUrlInLocalInfile", "false").doesNotContainKey("allowLoadLocalInfile");
        Map<String, String> insecure = DriverSettings.properties(base().insecureDriverProperty("allowMultiQueries", "true")
                .build());
        assertThat(insecure).containsEntry("allowMultiQueries", "true");
    }

    @Test
    void describeMasksEveryPassword() {
        String text = DriverSettings.describe(DriverSettings.properties(base().trustStore("/ca.jks", "tpw").build()));
        assertThat(text).doesNotContain("s3cret").doesNotContain("tpw").contains("password=****")
                .contains("trustCertificateKeyStorePassword=****");
    }

    @Test
    void urlCarriesNoCredentials() {
        assertThat(DriverSettings.jdbcUrl(base().build())).isEqualTo("jdbc:mysql://db.local:6001/app");
        assertThat(DriverSettings.jdbcUrl(base().host("::1").database(null).build())).isEqualTo("jdbc:mysql://[::1]:6001/");
    }

    @Test
    void theDatabaseCannotEndTheUrlsPath() {
        assertThat(DriverSettings.jdbcUrl(base().database("x?autoDeserialize=true&a=%#f/g").build()))
                .isEqualTo("jdbc:mysql://db.local:6001/x%3FautoDeserialize%3Dtrue%26a%3D%25%23f%2Fg");
    }
}
