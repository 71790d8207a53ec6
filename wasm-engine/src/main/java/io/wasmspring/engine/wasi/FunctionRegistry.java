package io.wasmspring.engine.wasi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the functions each family of {@code wasi_snapshot_preview1} contributes. */
final class FunctionRegistry {

    private final Map<String, WasiFunction> functions = new LinkedHashMap<>();

    /** Adds a function returning an errno; {@code params} as in {@link WasiFunction#signature}. */
    void add(String name, String params, WasiHandler handler) {
        functions.put(name, new WasiFunction(name, WasiFunction.signature(params, true), handler));
    }

    /** Adds a function with no result (only {@code proc_exit}). */
    void addNoResult(String name, String params, WasiHandler handler) {
        functions.put(name, new WasiFunction(name, WasiFunction.signature(params, false), handler));
    }

    Map<String, WasiFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }
}
