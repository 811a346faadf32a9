package io.matrixone.spring.boot;

import io.matrixone.core.config.ClientOptions;

/**
 * Changes the options the starter built from the {@code matrixone.*} properties, before the clients are created:
 * a bean of this type can set what properties cannot (an insecure driver property, a retry policy with jitter off).
 * Applied to the sync and the async client alike, in {@code @Order}.
 */
@FunctionalInterface
public interface MatrixOneOptionsCustomizer {
    void customize(ClientOptions.Builder options);
}
