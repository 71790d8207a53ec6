package io.wasmspring.engine.runtime;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.HostFunction;

/** A function provided by Java code. */
public final class HostFunctionInstance extends FunctionInstance {

    public final String moduleName;
    public final String name;
    public final HostFunction handler;

    public HostFunctionInstance(String moduleName, String name, FunctionType type, HostFunction handler) {
        super(type);
        this.moduleName = moduleName;
        this.name = name;
        this.handler = handler;
    }

    @Override
    public String displayName() {
        return moduleName + "." + name;
    }
}
