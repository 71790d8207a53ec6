package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.ModuleStructure;

/** What lowering looks up per instruction, precomputed once per module as arrays. */
final class ModuleIndex {

    final ModuleStructure module;
    /** Type of each function in the function index space. */
    final FunctionType[] functionTypes;
    /** Whether each global in the global index space holds a reference (kept as an object). */
    final boolean[] referenceGlobals;
    /** Whether each global holds a v128 (two slots on the stack). */
    final boolean[] vectorGlobals;

    ModuleIndex(ModuleStructure module) {
        this.module = module;
        this.functionTypes = new FunctionType[module.functionCount()];
        for (int i = 0; i < functionTypes.length; i++) {
            functionTypes[i] = module.functionType(i);
        }
        this.referenceGlobals = new boolean[module.globalCount()];
        this.vectorGlobals = new boolean[module.globalCount()];
        for (int i = 0; i < referenceGlobals.length; i++) {
            referenceGlobals[i] = module.globalType(i).valueType().isReference();
            vectorGlobals[i] = module.globalType(i).valueType() == ValueType.V128;
        }
    }
}
