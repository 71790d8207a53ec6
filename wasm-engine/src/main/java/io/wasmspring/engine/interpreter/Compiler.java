package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.structure.ModuleStructure;

/**
 * Lowers every function body of a validated module into the interpreter's code, once per module
 * (instances share the result).
 */
public final class Compiler {

    private Compiler() {
    }

    /** One compiled function per function the module defines, in order (imports excluded). */
    public static CompiledFunction[] compile(ModuleStructure validModule) {
        ModuleIndex index = new ModuleIndex(validModule);
        int imported = validModule.importedFunctionCount();
        CompiledFunction[] out = new CompiledFunction[validModule.codes.size()];
        for (int i = 0; i < out.length; i++) {
            FunctionType type = index.functionTypes[imported + i];
            out[i] = new FunctionLowering(index, type, validModule.codes.get(i)).lower();
        }
        return out;
    }
}
