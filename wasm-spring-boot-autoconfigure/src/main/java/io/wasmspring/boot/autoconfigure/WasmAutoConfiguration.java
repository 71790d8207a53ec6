package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmCallObserver;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.WasmModules;
import io.wasmspring.engine.Module;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The core: a {@link WasmModule} bean per {@code wasm.modules.<name>}, the {@link WasmModules}
 * registry, {@code @HostFunction} discovery and the start-up check of every module.
 */
@AutoConfiguration
@ConditionalOnClass(Module.class)
@EnableConfigurationProperties(WasmProperties.class)
@Import(WasmModuleBeanRegistrar.class)
public class WasmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HostFunctionRegistry wasmHostFunctionRegistry() {
        return new HostFunctionRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    WasmModuleFactory wasmModuleFactory(WasmProperties properties, HostFunctionRegistry hostFunctions,
            ObjectProvider<WasmCallObserver> observers) {
        return new WasmModuleFactory(properties, hostFunctions, observers);
    }

    @Bean
    @ConditionalOnMissingBean
    WasmModules wasmModules(ObjectProvider<WasmModule> modules) {
        return new WasmModules(modules.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    WasmModulesInitializer wasmModulesInitializer(ObjectProvider<WasmModule> modules) {
        return new WasmModulesInitializer(modules);
    }
}
