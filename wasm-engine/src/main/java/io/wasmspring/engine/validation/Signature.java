package io.wasmspring.engine.validation;

/**
 * The stack effect {@code [params] -> [results]} of an instruction whose typing depends on
 * nothing but its opcode (numeric, conversion, load/store operands), as operand type codes.
 */
record Signature(int[] params, int[] results) {

    static Signature of(int[] params, int... results) {
        return new Signature(params, results);
    }
}
