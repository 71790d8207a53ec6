package io.wasmspring.engine.runtime;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.structure.ModuleStructure;

/**
 * Everything the interpreter reads while running an instance's code, as plain arrays indexed by
 * the module's index spaces (imports first). Filled once by instantiation; the arrays' contents
 * change only through the instructions that change them (grow, set, drop).
 */
public final class InstanceState {

    public final ModuleStructure structure;
    public final Store store;
    /** The module's types, canonical ({@link FunctionTypes}), for {@code call_indirect}. */
    public FunctionType[] types;
    public FunctionInstance[] functions;
    public Table[] tables;
    public Memory[] memories;
    public Global[] globals;
    /** Element segments' references; an entry becomes an empty array when dropped. */
    public Object[][] elements;
    /** Data segments' bytes; an entry becomes an empty array when dropped. */
    public byte[][] datas;
    /** The public facade of this instance, handed to host functions as their caller. */
    public Instance api;
    /** What calls into this instance may use; set before any of its code runs. */
    public ExecutionLimits limits = ExecutionLimits.DEFAULT;

    public InstanceState(ModuleStructure structure, Store store) {
        this.structure = structure;
        this.store = store;
    }
}
