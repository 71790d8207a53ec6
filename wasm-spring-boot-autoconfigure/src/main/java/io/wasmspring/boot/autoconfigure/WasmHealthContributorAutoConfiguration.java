package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmModules;
import io.wasmspring.boot.actuate.WasmModuleHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/** Health contributor {@code wasm} with one indicator per module, when Spring Boot's health support is present. */
@AutoConfiguration(after = WasmAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(WasmModules.class)
@ConditionalOnEnabledHealthIndicator("wasm")
public class WasmHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "wasmHealthContributor")
    HealthContributor wasmHealthContributor(WasmModules modules) {
        return CompositeHealthContributor.fromMap(modules.asMap(), WasmModuleHealthIndicator::new);
    }
}
