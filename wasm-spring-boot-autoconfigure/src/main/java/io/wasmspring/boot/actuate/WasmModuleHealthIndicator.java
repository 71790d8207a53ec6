package io.wasmspring.boot.actuate;

import io.wasmspring.boot.PoolStats;
import io.wasmspring.boot.WasmModule;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one module: up while it can create instances, down (with the reason) when the
 * latest attempt to create one failed. Details: policy, pool counts and memory pages.
 */
public class WasmModuleHealthIndicator implements HealthIndicator {

    private final WasmModule module;

    public WasmModuleHealthIndicator(WasmModule module) {
        this.module = module;
    }

    @Override
    public Health health() {
        PoolStats pool = module.poolStats();
        RuntimeException failure = module.instantiationFailure();
        Health.Builder builder = failure == null ? Health.up() : Health.down(failure);
        return builder.withDetail("policy", pool.policy().name())
                .withDetail("instances", pool.size())
                .withDetail("active", pool.active())
                .withDetail("idle", pool.idle())
                .withDetail("memoryPages", module.memoryPages())
                .build();
    }
}
