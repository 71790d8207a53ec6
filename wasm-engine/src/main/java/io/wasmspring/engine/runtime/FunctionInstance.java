package io.wasmspring.engine.runtime;

import io.wasmspring.engine.FunctionType;

/**
 * A function at run time: defined by a module instance ({@link WasmFunction}) or by the host
 * ({@link HostFunctionInstance}). This is also what a funcref points at.
 */
public abstract sealed class FunctionInstance permits WasmFunction, HostFunctionInstance {

    /** The function's type, canonical: equal types are the same object ({@link FunctionTypes#canonical}). */
    public final FunctionType type;

    protected FunctionInstance(FunctionType type) {
        this.type = FunctionTypes.canonical(type);
    }

    /** A name for stack traces and messages. */
    public abstract String displayName();
}
