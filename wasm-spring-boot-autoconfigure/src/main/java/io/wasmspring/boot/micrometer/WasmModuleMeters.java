package io.wasmspring.boot.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wasmspring.boot.WasmModule;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Gauges of every module, tagged {@code module}: {@code wasm.pool.size}, {@code wasm.pool.active},
 * {@code wasm.pool.idle} (instances) and {@code wasm.memory.pages} (after the latest call).
 */
public class WasmModuleMeters implements SmartInitializingSingleton {

    private final MeterRegistry registry;
    private final ObjectProvider<WasmModule> modules;

    public WasmModuleMeters(MeterRegistry registry, ObjectProvider<WasmModule> modules) {
        this.registry = registry;
        this.modules = modules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        modules.orderedStream().forEach(this::bind);
    }

    /** Registers the gauges of {@code module}. */
    public void bind(WasmModule module) {
        gauge("wasm.pool.size", "Instances alive", module, m -> m.poolStats().size());
        gauge("wasm.pool.active", "Instances running a call", module, m -> m.poolStats().active());
        gauge("wasm.pool.idle", "Instances waiting for a call", module, m -> m.poolStats().idle());
        gauge("wasm.memory.pages", "Linear memory size in 64 KiB pages after the latest call", module,
                m -> Math.max(m.memoryPages(), 0));
    }

    private void gauge(String name, String description, WasmModule module, ToDoubleFunction<WasmModule> value) {
        Gauge.builder(name, module, value).description(description).tag("module", module.name()).register(registry);
    }
}
