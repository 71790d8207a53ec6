package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.Trap;

/**
 * Numeric instructions whose semantics take more than one Java operator (spec 4.3.2): integer
 * division with its traps, and float operations on raw bits (f32 in the low 32 bits of a slot).
 * Sign, absolute value and copysign are bit operations, so NaN payloads pass through unchanged;
 * the other operations turn a NaN operand into a quiet (arithmetic) NaN, as the spec requires,
 * explicitly where Java's library would hand back a signalling NaN untouched.
 */
final class NumericOps {

    private NumericOps() {
    }

    private static final int F32_SIGN = 0x8000_0000;
    private static final long F64_SIGN = 0x8000_0000_0000_0000L;
    private static final int F32_QUIET = 0x0040_0000;
    static final long F64_QUIET = 0x0008_0000_0000_0000L;

    // ---- integer division ----

    static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new Trap(Trap.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new Trap(Trap.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    // ---- f32, on raw bits ----

    static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    static int bits(float value) {
        return Float.floatToRawIntBits(value);
    }

    static int f32Add(long a, long b) {
        return bits(f32(a) + f32(b));
    }

    static int f32Sub(long a, long b) {
        return bits(f32(a) - f32(b));
    }

    static int f32Mul(long a, long b) {
        return bits(f32(a) * f32(b));
    }

    static int f32Div(long a, long b) {
        return bits(f32(a) / f32(b));
    }

    static int f32Ceil(long a) {
        if (f32(a) != f32(a)) {
            return (int) a | F32_QUIET;
        }
        return bits((float) Math.ceil(f32(a)));
    }

    static int f32Floor(long a) {
        if (f32(a) != f32(a)) {
            return (int) a | F32_QUIET;
        }
        return bits((float) Math.floor(f32(a)));
    }

    static int f32Trunc(long a) {
        float f = f32(a);
        if (f != f) {
            return (int) a | F32_QUIET;
        }
        return bits((float) (f < 0 ? Math.ceil(f) : Math.floor(f)));
    }

    /** Round to nearest, ties to even. */
    static int f32Nearest(long a) {
        if (f32(a) != f32(a)) {
            return (int) a | F32_QUIET;
        }
        return bits((float) Math.rint(f32(a)));
    }

    /** Square root through double: exact then rounded once, since double has more than twice float's precision. */
    static int f32Sqrt(long a) {
        if (f32(a) != f32(a)) {
            return (int) a | F32_QUIET;
        }
        return bits((float) Math.sqrt(f32(a)));
    }

    /** min: NaN if either is (quieted, so an arithmetic NaN), and -0 below +0. */
    static int f32Min(long a, long b) {
        float x = f32(a);
        float y = f32(b);
        if (x != x) {
            return (int) a | F32_QUIET;
        }
        if (y != y) {
            return (int) b | F32_QUIET;
        }
        return bits(Math.min(x, y));
    }

    static int f32Max(long a, long b) {
        float x = f32(a);
        float y = f32(b);
        if (x != x) {
            return (int) a | F32_QUIET;
        }
        if (y != y) {
            return (int) b | F32_QUIET;
        }
        return bits(Math.max(x, y));
    }

    static int f32Copysign(long a, long b) {
        return ((int) a & ~F32_SIGN) | ((int) b & F32_SIGN);
    }

    // ---- f64, on raw bits ----

    static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    static long f64Ceil(long a) {
        if (f64(a) != f64(a)) {
            return a | F64_QUIET;
        }
        return bits(Math.ceil(f64(a)));
    }

    static long f64Floor(long a) {
        if (f64(a) != f64(a)) {
            return a | F64_QUIET;
        }
        return bits(Math.floor(f64(a)));
    }

    static long f64Trunc(long a) {
        double d = f64(a);
        if (d != d) {
            return a | F64_QUIET;
        }
        return bits(d < 0 ? Math.ceil(d) : Math.floor(d));
    }

    static long f64Nearest(long a) {
        if (f64(a) != f64(a)) {
            return a | F64_QUIET;
        }
        return bits(Math.rint(f64(a)));
    }

    static long f64Sqrt(long a) {
        if (f64(a) != f64(a)) {
            return a | F64_QUIET;
        }
        return bits(Math.sqrt(f64(a)));
    }

    static long f64Min(long a, long b) {
        double x = f64(a);
        double y = f64(b);
        if (x != x) {
            return a | F64_QUIET;
        }
        if (y != y) {
            return b | F64_QUIET;
        }
        return bits(Math.min(x, y));
    }

    static long f64Max(long a, long b) {
        double x = f64(a);
        double y = f64(b);
        if (x != x) {
            return a | F64_QUIET;
        }
        if (y != y) {
            return b | F64_QUIET;
        }
        return bits(Math.max(x, y));
    }

    static long f64Copysign(long a, long b) {
        return (a & ~F64_SIGN) | (b & F64_SIGN);
    }
}
