package io.wasmspring.engine;

import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.Store;

/** Converts between Java values and the interpreter's raw slots for {@link ExportedFunction#call}. */
final class ValueConversion {

    private ValueConversion() {
    }

    /** Writes {@code value} as parameter {@code index} of type {@code type} at {@code raw[slot]}; returns the next slot. */
    static int toRaw(Object value, ValueType type, long[] raw, int slot, Store store, ExportedFunction function, int index) {
        switch (type) {
            case I32 -> {
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    raw[slot] = Integer.toUnsignedLong(((Number) value).intValue());
                } else if (value instanceof Character c) {
                    raw[slot] = c;
                } else if (value instanceof Boolean b) {
                    raw[slot] = b ? 1 : 0;
                } else {
                    throw mismatch(value, type, function, index);
                }
            }
            case I64 -> {
                if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    raw[slot] = ((Number) value).longValue();
                } else if (value instanceof Character c) {
                    raw[slot] = c;
                } else {
                    throw mismatch(value, type, function, index);
                }
            }
            case F32 -> {
                if (value instanceof Float || value instanceof Short || value instanceof Byte) {
                    raw[slot] = Integer.toUnsignedLong(Float.floatToRawIntBits(((Number) value).floatValue()));
                } else {
                    throw mismatch(value, type, function, index);
                }
            }
            case F64 -> {
                if (value instanceof Double || value instanceof Float || value instanceof Integer
                        || value instanceof Short || value instanceof Byte) {
                    raw[slot] = Double.doubleToRawLongBits(((Number) value).doubleValue());
                } else {
                    throw mismatch(value, type, function, index);
                }
            }
            case V128 -> {
                if (value instanceof long[] halves && halves.length == 2) {
                    raw[slot] = halves[0];
                    raw[slot + 1] = halves[1];
                } else {
                    throw mismatch(value, type, function, index);
                }
            }
            case FUNCREF -> {
                if (value == null || value instanceof FunctionInstance) {
                    raw[slot] = store.handle(value);
                } else if (value instanceof ExportedFunction exported) {
                    raw[slot] = store.handle(exported.functionInstance());
                } else {
                    throw mismatch(value, type, function, index);
                }
            }
            case EXTERNREF -> raw[slot] = store.handle(value);
        }
        return slot + type.slots();
    }

    /** The Java value of a result of type {@code type} at {@code raw[slot]}. */
    static Object fromRaw(long[] raw, int slot, ValueType type, Store store) {
        long bits = raw[slot];
        return switch (type) {
            case I32 -> (int) bits;
            case I64 -> bits;
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
            case V128 -> new long[] {bits, raw[slot + 1]};
            case FUNCREF, EXTERNREF -> store.ref(bits);
        };
    }

    private static WasmException mismatch(Object value, ValueType type, ExportedFunction function, int index) {
        String given = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        return new WasmException("function \"" + function.name() + "\" " + function.type() + ": argument " + index
                + " must be a wasm " + type + " (" + javaTypes(type) + "), but was " + given);
    }

    private static String javaTypes(ValueType type) {
        return switch (type) {
            case I32 -> "Integer, Short, Byte, Character or Boolean";
            case I64 -> "Long or a smaller integer";
            case F32 -> "Float";
            case F64 -> "Double, Float or Integer";
            case V128 -> "long[2] with the low and high 64 bits";
            case FUNCREF -> "a function reference or null";
            case EXTERNREF -> "any object or null";
        };
    }
}
