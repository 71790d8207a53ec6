package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.NumericOps.f32;
import static io.wasmspring.engine.interpreter.NumericOps.f64;

/**
 * SIMD floating-point instructions on f32x4 and f64x2 (spec 4.3.3 float operations, applied
 * lane-wise): arithmetic, sqrt, min/max, pmin/pmax, abs/neg, the rounding operations and the
 * comparisons. Stack convention as in {@link SimdOps}.
 *
 * <p>Each lane uses the scalar semantics of {@link NumericOps}, so NaN rules are those of the
 * scalar instructions: arithmetic turns a NaN into an arithmetic (quiet) NaN, a canonical NaN
 * operand stays canonical, min/max propagate NaN and order -0 below +0. abs and neg are sign-bit
 * operations, and pmin/pmax ({@code b < a ? b : a}, {@code a < b ? b : a}) return one operand's
 * bits unchanged, NaN or not.
 */
final class SimdFloatOps {

    private SimdFloatOps() {
    }

    /** A lane-wise f32 operation on raw bits (the low 32 bits of its arguments). */
    @FunctionalInterface
    interface F32Binary {
        int apply(long a, long b);
    }

    @FunctionalInterface
    interface F32Unary {
        int apply(long a);
    }

    /** A lane-wise f64 operation on raw bits. */
    @FunctionalInterface
    interface F64Binary {
        long apply(long a, long b);
    }

    @FunctionalInterface
    interface F64Unary {
        long apply(long a);
    }

    private static final int F32_SIGN = 0x8000_0000;
    private static final long F64_SIGN = 0x8000_0000_0000_0000L;

    static final F32Binary F32_ADD = NumericOps::f32Add;
    static final F32Binary F32_SUB = NumericOps::f32Sub;
    static final F32Binary F32_MUL = NumericOps::f32Mul;
    static final F32Binary F32_DIV = NumericOps::f32Div;
    static final F32Binary F32_MIN = NumericOps::f32Min;
    static final F32Binary F32_MAX = NumericOps::f32Max;
    static final F32Binary F32_PMIN = (a, b) -> f32(b) < f32(a) ? (int) b : (int) a;
    static final F32Binary F32_PMAX = (a, b) -> f32(a) < f32(b) ? (int) b : (int) a;
    static final F32Binary F32_EQ = (a, b) -> f32(a) == f32(b) ? -1 : 0;
    static final F32Binary F32_NE = (a, b) -> f32(a) != f32(b) ? -1 : 0;
    static final F32Binary F32_LT = (a, b) -> f32(a) < f32(b) ? -1 : 0;
    static final F32Binary F32_GT = (a, b) -> f32(a) > f32(b) ? -1 : 0;
    static final F32Binary F32_LE = (a, b) -> f32(a) <= f32(b) ? -1 : 0;
    static final F32Binary F32_GE = (a, b) -> f32(a) >= f32(b) ? -1 : 0;
    static final F32Unary F32_ABS = a -> (int) a & ~F32_SIGN;
    static final F32Unary F32_NEG = a -> (int) a ^ F32_SIGN;

    static final F64Binary F64_ADD = (a, b) -> NumericOps.bits(f64(a) + f64(b));
    static final F64Binary F64_SUB = (a, b) -> NumericOps.bits(f64(a) - f64(b));
    static final F64Binary F64_MUL = (a, b) -> NumericOps.bits(f64(a) * f64(b));
    static final F64Binary F64_DIV = (a, b) -> NumericOps.bits(f64(a) / f64(b));
    static final F64Binary F64_MIN = NumericOps::f64Min;
    static final F64Binary F64_MAX = NumericOps::f64Max;
    static final F64Binary F64_PMIN = (a, b) -> f64(b) < f64(a) ? b : a;
    static final F64Binary F64_PMAX = (a, b) -> f64(a) < f64(b) ? b : a;
    static final F64Binary F64_EQ = (a, b) -> f64(a) == f64(b) ? -1L : 0L;
    static final F64Binary F64_NE = (a, b) -> f64(a) != f64(b) ? -1L : 0L;
    static final F64Binary F64_LT = (a, b) -> f64(a) < f64(b) ? -1L : 0L;
    static final F64Binary F64_GT = (a, b) -> f64(a) > f64(b) ? -1L : 0L;
    static final F64Binary F64_LE = (a, b) -> f64(a) <= f64(b) ? -1L : 0L;
    static final F64Binary F64_GE = (a, b) -> f64(a) >= f64(b) ? -1L : 0L;
    static final F64Unary F64_ABS = a -> a & ~F64_SIGN;
    static final F64Unary F64_NEG = a -> a ^ F64_SIGN;

    // ---- lane-wise application ----------------------------------------------------------------------

    static int f32x4(long[] s, int sp, F32Binary op) {
        s[sp - 4] = f32Half(s[sp - 4], s[sp - 2], op);
        s[sp - 3] = f32Half(s[sp - 3], s[sp - 1], op);
        return sp - 2;
    }

    private static long f32Half(long a, long b, F32Binary op) {
        long low = op.apply(a, b) & 0xFFFF_FFFFL;
        long high = op.apply(a >>> 32, b >>> 32) & 0xFFFF_FFFFL;
        return high << 32 | low;
    }

    static int f32x4(long[] s, int sp, F32Unary op) {
        s[sp - 2] = f32Half(s[sp - 2], op);
        s[sp - 1] = f32Half(s[sp - 1], op);
        return sp;
    }

    private static long f32Half(long a, F32Unary op) {
        return (op.apply(a >>> 32) & 0xFFFF_FFFFL) << 32 | (op.apply(a) & 0xFFFF_FFFFL);
    }

    static int f64x2(long[] s, int sp, F64Binary op) {
        s[sp - 4] = op.apply(s[sp - 4], s[sp - 2]);
        s[sp - 3] = op.apply(s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    static int f64x2(long[] s, int sp, F64Unary op) {
        s[sp - 2] = op.apply(s[sp - 2]);
        s[sp - 1] = op.apply(s[sp - 1]);
        return sp;
    }

    // ---- dispatch -----------------------------------------------------------------------------------

    /**
     * Executes the floating-point SIMD instruction {@code simdOpcode} (sub-opcode after 0xFD) and
     * returns the new stack pointer, or returns -1 without touching the stack when it is not one.
     */
    static int execute(int simdOpcode, long[] s, int sp) {
        return switch (simdOpcode) {
            case 0x41 -> f32x4(s, sp, F32_EQ);
            case 0x42 -> f32x4(s, sp, F32_NE);
            case 0x43 -> f32x4(s, sp, F32_LT);
            case 0x44 -> f32x4(s, sp, F32_GT);
            case 0x45 -> f32x4(s, sp, F32_LE);
            case 0x46 -> f32x4(s, sp, F32_GE);
            case 0x47 -> f64x2(s, sp, F64_EQ);
            case 0x48 -> f64x2(s, sp, F64_NE);
            case 0x49 -> f64x2(s, sp, F64_LT);
            case 0x4A -> f64x2(s, sp, F64_GT);
            case 0x4B -> f64x2(s, sp, F64_LE);
            case 0x4C -> f64x2(s, sp, F64_GE);
            case 0x67 -> f32x4(s, sp, (F32Unary) NumericOps::f32Ceil);
            case 0x68 -> f32x4(s, sp, (F32Unary) NumericOps::f32Floor);
            case 0x69 -> f32x4(s, sp, (F32Unary) NumericOps::f32Trunc);
            case 0x6A -> f32x4(s, sp, (F32Unary) NumericOps::f32Nearest);
            case 0x74 -> f64x2(s, sp, (F64Unary) NumericOps::f64Ceil);
            case 0x75 -> f64x2(s, sp, (F64Unary) NumericOps::f64Floor);
            case 0x7A -> f64x2(s, sp, (F64Unary) NumericOps::f64Trunc);
            case 0x94 -> f64x2(s, sp, (F64Unary) NumericOps::f64Nearest);
            case 0xE0 -> f32x4(s, sp, F32_ABS);
            case 0xE1 -> f32x4(s, sp, F32_NEG);
            case 0xE3 -> f32x4(s, sp, (F32Unary) NumericOps::f32Sqrt);
            case 0xE4 -> f32x4(s, sp, F32_ADD);
            case 0xE5 -> f32x4(s, sp, F32_SUB);
            case 0xE6 -> f32x4(s, sp, F32_MUL);
            case 0xE7 -> f32x4(s, sp, F32_DIV);
            case 0xE8 -> f32x4(s, sp, F32_MIN);
            case 0xE9 -> f32x4(s, sp, F32_MAX);
            case 0xEA -> f32x4(s, sp, F32_PMIN);
            case 0xEB -> f32x4(s, sp, F32_PMAX);
            case 0xEC -> f64x2(s, sp, F64_ABS);
            case 0xED -> f64x2(s, sp, F64_NEG);
            case 0xEF -> f64x2(s, sp, (F64Unary) NumericOps::f64Sqrt);
            case 0xF0 -> f64x2(s, sp, F64_ADD);
            case 0xF1 -> f64x2(s, sp, F64_SUB);
            case 0xF2 -> f64x2(s, sp, F64_MUL);
            case 0xF3 -> f64x2(s, sp, F64_DIV);
            case 0xF4 -> f64x2(s, sp, F64_MIN);
            case 0xF5 -> f64x2(s, sp, F64_MAX);
            case 0xF6 -> f64x2(s, sp, F64_PMIN);
            case 0xF7 -> f64x2(s, sp, F64_PMAX);
            default -> -1;
        };
    }
}
