package io.wasmspring.engine.validation;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.structure.ModuleStructure;

/**
 * Checks that a decoded module is valid, as the spec's "Validation" chapter defines for
 * WebAssembly 2.0 (without SIMD so far). A module that passes can be lowered and instantiated
 * without further type checks.
 */
public final class Validator {

    private Validator() {
    }

    /**
     * Validates {@code module}.
     *
     * @throws InvalidModuleException naming the broken rule in the spec suite's wording, then the
     *                                function, instruction offset and expected versus actual types
     */
    public static void validate(ModuleStructure module) {
        new ModuleValidator(module).validate();
    }
}
