package io.wasmspring.engine.runtime;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.interpreter.CompiledFunction;

/** A function defined by a module, bound to the instance it belongs to. */
public final class WasmFunction extends FunctionInstance {

    /** The instance whose memories, tables and globals the code uses. */
    public final InstanceState instance;
    /** Index in the module's function index space. */
    public final int index;
    /** The lowered code, shared by every instance of the module. */
    public final CompiledFunction code;

    public WasmFunction(FunctionType type, InstanceState instance, int index, CompiledFunction code) {
        super(type);
        this.instance = instance;
        this.index = index;
        this.code = code;
    }

    @Override
    public String displayName() {
        String name = instance.structure.functionName(index);
        return name != null ? name : "func[" + index + "]";
    }
}
