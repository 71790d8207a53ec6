package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmModules;
import io.wasmspring.boot.actuate.WasmEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code wasm} Actuator endpoint, when Actuator is present and the endpoint is enabled and exposed. */
@AutoConfiguration(after = WasmAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(WasmModules.class)
@ConditionalOnAvailableEndpoint(WasmEndpoint.class)
public class WasmEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WasmEndpoint wasmEndpoint(WasmModules modules) {
        return new WasmEndpoint(modules);
    }
}
