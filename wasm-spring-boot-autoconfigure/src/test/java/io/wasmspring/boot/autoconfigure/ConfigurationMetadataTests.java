package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration processor documents every property, so IDEs complete and explain them. */
class ConfigurationMetadataTests {

    private static String metadata() throws Exception {
        try (InputStream in = ConfigurationMetadataTests.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void globalLimitsAreDocumented() throws Exception {
        assertThat(metadata()).contains("\"name\": \"wasm.limits.max-memory-pages\"")
                .contains("The most 64 KiB pages an instance's memory may have")
                .contains("\"name\": \"wasm.limits.call-timeout\"")
                .contains("\"name\": \"wasm.limits.fuel\"")
                .contains("\"name\": \"wasm.limits.max-call-depth\"");
    }

    @Test
    void modulesMapIsDocumented() throws Exception {
        assertThat(metadata()).contains("\"name\": \"wasm.modules\"")
                .contains("each becomes a WasmModule bean of that name");
    }

    @Test
    void additionalMetadataIsMerged() throws Exception {
        assertThat(metadata()).contains("wasm.modules.values.location").contains("management.health.wasm.enabled");
    }
}
