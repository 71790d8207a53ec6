package io.wasmspring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.wasmspring.boot.micrometer.ObservationWasmCallObserver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** An observation ({@code wasm.call}) per export call, when Micrometer's observation API is present. */
@AutoConfiguration(after = WasmAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public class WasmObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationWasmCallObserver wasmObservationCallObserver(ObservationRegistry registry) {
        return new ObservationWasmCallObserver(registry);
    }
}
