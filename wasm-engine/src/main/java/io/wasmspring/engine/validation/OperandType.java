package io.wasmspring.engine.validation;

import io.wasmspring.engine.ValueType;

/**
 * Operand types as small ints, so the function validator's stacks are plain {@code int[]}s.
 * {@link #UNKNOWN} is the spec's "Unknown" (bottom) type of values popped from the polymorphic
 * stack in unreachable code; it matches every type.
 */
final class OperandType {

    static final int UNKNOWN = 0;
    static final int I32 = 1;
    static final int I64 = 2;
    static final int F32 = 3;
    static final int F64 = 4;
    static final int V128 = 5;
    static final int FUNCREF = 6;
    static final int EXTERNREF = 7;

    private static final String[] NAMES = {"unknown", "i32", "i64", "f32", "f64", "v128", "funcref", "externref"};

    /** Shared one-element type lists, so single operands need no allocation. */
    private static final int[][] SINGLE = {{UNKNOWN}, {I32}, {I64}, {F32}, {F64}, {V128}, {FUNCREF}, {EXTERNREF}};

    static final int[] NONE = {};

    private OperandType() {
    }

    static int of(ValueType type) {
        return switch (type) {
            case I32 -> I32;
            case I64 -> I64;
            case F32 -> F32;
            case F64 -> F64;
            case V128 -> V128;
            case FUNCREF -> FUNCREF;
            case EXTERNREF -> EXTERNREF;
        };
    }

    static int[] of(java.util.List<ValueType> types) {
        if (types.isEmpty()) {
            return NONE;
        }
        if (types.size() == 1) {
            return single(of(types.get(0)));
        }
        int[] result = new int[types.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = of(types.get(i));
        }
        return result;
    }

    /** The shared list {@code [type]}. */
    static int[] single(int type) {
        return SINGLE[type];
    }

    static boolean isNumeric(int type) {
        return type >= I32 && type <= F64;
    }

    static boolean isReference(int type) {
        return type == FUNCREF || type == EXTERNREF;
    }

    static String name(int type) {
        return NAMES[type];
    }

    /** Text notation of a type list: {@code [i32 f64]}. */
    static String list(int[] types, int from, int to) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(name(types[i]));
        }
        return sb.append(']').toString();
    }

    static String list(int[] types) {
        return list(types, 0, types.length);
    }
}
