package io.wasmspring.boot.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wasmspring.boot.WasmCallObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts host function calls: counter {@code wasm.host.calls} tagged {@code module} (the caller) and {@code function} ({@code env.name}). */
public class HostFunctionCallCounter implements WasmCallObserver {

    /** The counter's name. */
    public static final String NAME = "wasm.host.calls";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public HostFunctionCallCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void hostFunctionCalled(String module, String importModule, String name) {
        String function = importModule + "." + name;
        counters.computeIfAbsent(module + "\0" + function, key -> Counter.builder(NAME)
                .description("Calls from WebAssembly modules to host functions")
                .tag("module", module).tag("function", function)
                .register(registry)).increment();
    }
}
