package io.matrixone.core.config;

/**
 * Transport encryption. The stores are JKS or PKCS12 (told apart by the file name: {@code .p12}/{@code .pfx} are
 * PKCS12).
 *
 * @param mode               whether and how strictly TLS is used
 * @param trustStorePath     a store with the CA that signed the server's certificate, or {@code null}
 * @param trustStorePassword its password, or {@code null}; masked by {@link #toString()}
 * @param keyStorePath       a store with the client certificate, for servers that require one, or {@code null}
 * @param keyStorePassword   its password, or {@code null}; masked by {@link #toString()}
 */
public record TlsOptions(TlsMode mode, String trustStorePath, String trustStorePassword, String keyStorePath,
                         String keyStorePassword) {

    @Override
    public String toString() {
        return mode + (trustStorePath == null ? "" : ", trustStore=" + trustStorePath)
                + (keyStorePath == null ? "" : ", keyStore=" + keyStorePath);
    }
}
