package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.structure.Opcodes;

/** How many operands each numeric instruction (binary opcodes 0x45 to 0xC4) takes; each pushes one. */
final class NumericShapes {

    private NumericShapes() {
    }

    static int operandCount(int op) {
        if (op == Opcodes.I32_EQZ || op == Opcodes.I64_EQZ) {
            return 1;
        }
        if (op >= Opcodes.I32_CLZ && op <= Opcodes.I32_POPCNT || op >= Opcodes.I64_CLZ && op <= Opcodes.I64_POPCNT) {
            return 1;
        }
        if (op >= Opcodes.F32_ABS && op <= Opcodes.F32_SQRT || op >= Opcodes.F64_ABS && op <= Opcodes.F64_SQRT) {
            return 1;
        }
        if (op >= Opcodes.I32_WRAP_I64) {
            return 1; // conversions, reinterpretations and sign extensions
        }
        return 2;
    }
}
