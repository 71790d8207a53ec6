package io.wasmspring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.micrometer.HostFunctionCallCounter;
import io.wasmspring.boot.micrometer.WasmModuleMeters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Host function call counts and pool/memory gauges, when a Micrometer {@link MeterRegistry} is present. */
@AutoConfiguration(after = WasmAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class WasmMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HostFunctionCallCounter wasmHostFunctionCallCounter(MeterRegistry registry) {
        return new HostFunctionCallCounter(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    WasmModuleMeters wasmModuleMeters(MeterRegistry registry, ObjectProvider<WasmModule> modules) {
        return new WasmModuleMeters(registry, modules);
    }
}
