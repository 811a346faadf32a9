package io.matrixone.core.config;

/**
 * Whether and how the connection is encrypted. MatrixOne offers TLS only when its CN is configured with
 * certificates ({@code enableTls}); both clients map these modes to their driver's own setting.
 */
public enum TlsMode {
    /** Never encrypt. */
    DISABLED,
    /** Encrypt when the server offers TLS, without checking its certificate; plain otherwise. */
    PREFERRED,
    /** Always encrypt; do not check the certificate. Fails if the server has no TLS. */
    REQUIRED,
    /** Always encrypt and check that the certificate is signed by a trusted CA. */
    VERIFY_CA,
    /** Like {@link #VERIFY_CA}, and also check that the certificate names the host. */
    VERIFY_IDENTITY
}
