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

    private static final int F32_SIGN = 0x8000_0000;
    private static final long F64_SIGN = 0x8000_0000_0000_0000L;

    // Lane operations, by kind (a switch rather than one function object per operation, so the
    // lane loops make no megamorphic calls). Comparisons give all ones for true.
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int MIN = 4;
    static final int MAX = 5;
    static final int PMIN = 6;
    static final int PMAX = 7;
    static final int EQ = 8;
    static final int NE = 9;
    static final int LT = 10;
    static final int GT = 11;
    static final int LE = 12;
    static final int GE = 13;
    static final int ABS = 14;
    static final int NEG = 15;
    static final int SQRT = 16;
    static final int CEIL = 17;
    static final int FLOOR = 18;
    static final int TRUNC = 19;
    static final int NEAREST = 20;

    /** The f32 lane operation {@code kind} on the raw bits in the low 32 bits of {@code a} and {@code b}. */
    static int f32Lane(int kind, long a, long b) {
        return switch (kind) {
            case ADD -> NumericOps.f32Add(a, b);
            case SUB -> NumericOps.f32Sub(a, b);
            case MUL -> NumericOps.f32Mul(a, b);
            case DIV -> NumericOps.f32Div(a, b);
            case MIN -> NumericOps.f32Min(a, b);
            case MAX -> NumericOps.f32Max(a, b);
            case PMIN -> f32(b) < f32(a) ? (int) b : (int) a;
            case PMAX -> f32(a) < f32(b) ? (int) b : (int) a;
            case EQ -> f32(a) == f32(b) ? -1 : 0;
            case NE -> f32(a) != f32(b) ? -1 : 0;
            case LT -> f32(a) < f32(b) ? -1 : 0;
            case GT -> f32(a) > f32(b) ? -1 : 0;
            case LE -> f32(a) <= f32(b) ? -1 : 0;
            case GE -> f32(a) >= f32(b) ? -1 : 0;
            case ABS -> (int) a & ~F32_SIGN;
            case NEG -> (int) a ^ F32_SIGN;
            case SQRT -> NumericOps.f32Sqrt(a);
            case CEIL -> NumericOps.f32Ceil(a);
            case FLOOR -> NumericOps.f32Floor(a);
            case TRUNC -> NumericOps.f32Trunc(a);
            case NEAREST -> NumericOps.f32Nearest(a);
            default -> throw new IllegalArgumentException("not a lane operation: " + kind);
        };
    }

    /** The f64 lane operation {@code kind} on raw bits. */
    static long f64Lane(int kind, long a, long b) {
        return switch (kind) {
            case ADD -> NumericOps.bits(f64(a) + f64(b));
            case SUB -> NumericOps.bits(f64(a) - f64(b));
            case MUL -> NumericOps.bits(f64(a) * f64(b));
            case DIV -> NumericOps.bits(f64(a) / f64(b));
            case MIN -> NumericOps.f64Min(a, b);
            case MAX -> NumericOps.f64Max(a, b);
            case PMIN -> f64(b) < f64(a) ? b : a;
            case PMAX -> f64(a) < f64(b) ? b : a;
            case EQ -> f64(a) == f64(b) ? -1L : 0L;
            case NE -> f64(a) != f64(b) ? -1L : 0L;
            case LT -> f64(a) < f64(b) ? -1L : 0L;
            case GT -> f64(a) > f64(b) ? -1L : 0L;
            case LE -> f64(a) <= f64(b) ? -1L : 0L;
            case GE -> f64(a) >= f64(b) ? -1L : 0L;
            case ABS -> a & ~F64_SIGN;
            case NEG -> a ^ F64_SIGN;
            case SQRT -> NumericOps.f64Sqrt(a);
            case CEIL -> NumericOps.f64Ceil(a);
            case FLOOR -> NumericOps.f64Floor(a);
            case TRUNC -> NumericOps.f64Trunc(a);
            case NEAREST -> NumericOps.f64Nearest(a);
            default -> throw new IllegalArgumentException("not a lane operation: " + kind);
        };
    }

    // ---- lane-wise application ----------------------------------------------------------------------

    /** f32x4: {@code kind} on each pair of lanes of the two vectors on top of the stack. */
    static int f32x4(long[] s, int sp, int kind) {
        s[sp - 4] = f32Half(s[sp - 4], s[sp - 2], kind);
        s[sp - 3] = f32Half(s[sp - 3], s[sp - 1], kind);
        return sp - 2;
    }

    /** f32x4: the unary {@code kind} on each lane of the vector on top of the stack. */
    static int f32x4Unary(long[] s, int sp, int kind) {
        s[sp - 2] = f32Half(s[sp - 2], 0, kind);
        s[sp - 1] = f32Half(s[sp - 1], 0, kind);
        return sp;
    }

    private static long f32Half(long a, long b, int kind) {
        long low = f32Lane(kind, a, b) & 0xFFFF_FFFFL;
        long high = f32Lane(kind, a >>> 32, b >>> 32) & 0xFFFF_FFFFL;
        return high << 32 | low;
    }

    /** f64x2: {@code kind} on each pair of lanes of the two vectors on top of the stack. */
    static int f64x2(long[] s, int sp, int kind) {
        s[sp - 4] = f64Lane(kind, s[sp - 4], s[sp - 2]);
        s[sp - 3] = f64Lane(kind, s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    /** f64x2: the unary {@code kind} on each lane of the vector on top of the stack. */
    static int f64x2Unary(long[] s, int sp, int kind) {
        s[sp - 2] = f64Lane(kind, s[sp - 2], 0);
        s[sp - 1] = f64Lane(kind, s[sp - 1], 0);
        return sp;
    }

    // ---- dispatch -----------------------------------------------------------------------------------

    /**
     * Executes the floating-point SIMD instruction {@code simdOpcode} (sub-opcode after 0xFD) and
     * returns the new stack pointer, or returns -1 without touching the stack when it is not one.
     */
    static int execute(int simdOpcode, long[] s, int sp) {
        return switch (simdOpcode) {
            case 0x41 -> f32x4(s, sp, EQ);
            case 0x42 -> f32x4(s, sp, NE);
            case 0x43 -> f32x4(s, sp, LT);
            case 0x44 -> f32x4(s, sp, GT);
            case 0x45 -> f32x4(s, sp, LE);
            case 0x46 -> f32x4(s, sp, GE);
            case 0x47 -> f64x2(s, sp, EQ);
            case 0x48 -> f64x2(s, sp, NE);
            case 0x49 -> f64x2(s, sp, LT);
            case 0x4A -> f64x2(s, sp, GT);
            case 0x4B -> f64x2(s, sp, LE);
            case 0x4C -> f64x2(s, sp, GE);
            case 0x67 -> f32x4Unary(s, sp, CEIL);
            case 0x68 -> f32x4Unary(s, sp, FLOOR);
            case 0x69 -> f32x4Unary(s, sp, TRUNC);
            case 0x6A -> f32x4Unary(s, sp, NEAREST);
            case 0x74 -> f64x2Unary(s, sp, CEIL);
            case 0x75 -> f64x2Unary(s, sp, FLOOR);
            case 0x7A -> f64x2Unary(s, sp, TRUNC);
            case 0x94 -> f64x2Unary(s, sp, NEAREST);
            case 0xE0 -> f32x4Unary(s, sp, ABS);
            case 0xE1 -> f32x4Unary(s, sp, NEG);
            case 0xE3 -> f32x4Unary(s, sp, SQRT);
            case 0xE4 -> f32x4(s, sp, ADD);
            case 0xE5 -> f32x4(s, sp, SUB);
            case 0xE6 -> f32x4(s, sp, MUL);
            case 0xE7 -> f32x4(s, sp, DIV);
            case 0xE8 -> f32x4(s, sp, MIN);
            case 0xE9 -> f32x4(s, sp, MAX);
            case 0xEA -> f32x4(s, sp, PMIN);
            case 0xEB -> f32x4(s, sp, PMAX);
            case 0xEC -> f64x2Unary(s, sp, ABS);
            case 0xED -> f64x2Unary(s, sp, NEG);
            case 0xEF -> f64x2Unary(s, sp, SQRT);
            case 0xF0 -> f64x2(s, sp, ADD);
            case 0xF1 -> f64x2(s, sp, SUB);
            case 0xF2 -> f64x2(s, sp, MUL);
            case 0xF3 -> f64x2(s, sp, DIV);
            case 0xF4 -> f64x2(s, sp, MIN);
            case 0xF5 -> f64x2(s, sp, MAX);
            case 0xF6 -> f64x2(s, sp, PMIN);
            case 0xF7 -> f64x2(s, sp, PMAX);
            default -> -1;
        };
    }
}
