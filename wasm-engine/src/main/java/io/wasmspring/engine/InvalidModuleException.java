package io.wasmspring.engine;

/**
 * The module is well formed but breaks a validation rule, for example a type mismatch on the
 * operand stack. The message names the function and the instruction's byte offset.
 */
public class InvalidModuleException extends WasmException {

    public InvalidModuleException(String message) {
        super(message);
    }
}
