package io.wasmspring.boot;

import io.wasmspring.engine.FunctionType;

/**
 * A handle on one exported function of a {@link WasmModule}: each call borrows an instance as
 * {@link WasmModule#call} does. Thread-safe; obtain once, call often.
 */
public final class WasmFunction {

    private final WasmModule module;
    private final String name;
    private final FunctionType type;

    WasmFunction(WasmModule module, String name, FunctionType type) {
        this.module = module;
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    /** The export's wasm type. */
    public FunctionType type() {
        return type;
    }

    public Object call(Object... args) {
        return module.call(name, args);
    }

    public <T> T call(Class<T> resultType, Object... args) {
        return module.call(name, resultType, args);
    }

    public int callInt(Object... args) {
        return module.call(name, Integer.class, args);
    }

    public long callLong(Object... args) {
        return module.call(name, Long.class, args);
    }

    public String callString(Object... args) {
        return module.call(name, String.class, args);
    }

    @Override
    public String toString() {
        return module.name() + "." + name + " " + type;
    }
}
