package io.matrixone.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The configuration metadata IDEs read is generated from MatrixOneProperties, with descriptions. */
class MetadataTest {

    @Test
    void everyPropertyGroupIsDescribed() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"matrixone.url\"", "\"matrixone.pool.max-size\"", "\"matrixone.tls.mode\"",
                "\"matrixone.shutdown.timeout\"", "\"matrixone.metrics.enabled\"", "\"matrixone.async.enabled\"",
                "Connections at most");
    }
}
