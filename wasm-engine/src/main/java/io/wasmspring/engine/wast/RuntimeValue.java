package io.wasmspring.engine.wast;

import io.wasmspring.engine.ValueType;

/**
 * One value that an action produced, as the runner compares it with what the script expects.
 *
 * @param type the value's type
 * @param bits raw bits of a number (i32 in the low 32 bits, floats as IEEE bits); low half of a v128
 * @param high high half of a v128, otherwise 0
 * @param ref  the referenced object of a funcref or externref ({@code null} for the null reference)
 */
public record RuntimeValue(ValueType type, long bits, long high, Object ref) {

    static RuntimeValue number(ValueType type, long bits) {
        return new RuntimeValue(type, bits, 0, null);
    }

    static RuntimeValue v128(long low, long high) {
        return new RuntimeValue(ValueType.V128, low, high, null);
    }

    static RuntimeValue reference(ValueType type, Object ref) {
        return new RuntimeValue(type, 0, 0, ref);
    }

    @Override
    public String toString() {
        return ValueText.of(this);
    }
}
