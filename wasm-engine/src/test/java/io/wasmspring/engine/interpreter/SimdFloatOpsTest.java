package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.SimdValues.f32;
import static io.wasmspring.engine.interpreter.SimdValues.f32Bits;
import static io.wasmspring.engine.interpreter.SimdValues.f32Lane;
import static io.wasmspring.engine.interpreter.SimdValues.f32LaneBits;
import static io.wasmspring.engine.interpreter.SimdValues.f64;
import static io.wasmspring.engine.interpreter.SimdValues.i32;
import static io.wasmspring.engine.interpreter.SimdValues.i64;
import static io.wasmspring.engine.interpreter.SimdValues.v128;
import static io.wasmspring.engine.structure.Opcodes.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SIMD float arithmetic, rounding, min/max and comparisons, NaN rules included: {@link SimdFloatOps}. */
class SimdFloatOpsTest {

    private static final int F32_CANONICAL_NAN = 0x7FC0_0000;
    /** A signalling NaN with payload 1, and the same with its sign set. */
    private static final int F32_SNAN = 0x7F80_0001;
    private static final int F32_NEG_SNAN = 0xFF80_0001;
    private static final long F64_SNAN = 0x7FF0_0000_0000_0001L;
    private static final long F64_CANONICAL_NAN = 0x7FF8_0000_0000_0000L;

    /** An arithmetic NaN: exponent all ones and the quiet bit set. */
    private static boolean isArithmeticNaN(int bits) {
        return (bits & 0x7FC0_0000) == 0x7FC0_0000;
    }

    private static boolean isArithmeticNaN(long bits) {
        return (bits & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    @Test
    void arithmeticLaneByLane() {
        assertThat(v128(F32X4_ADD, f32(1, 2.5f, -0f, 3e38f), f32(2, 0.25f, 0f, 3e38f)))
                .isEqualTo(f32(3, 2.75f, 0f, Float.POSITIVE_INFINITY));
        assertThat(v128(F32X4_SUB, f32(1, 0, 5, 0.1f), f32(2, 0, 5, 0.2f))).isEqualTo(f32(-1, 0, 0, 0.1f - 0.2f));
        assertThat(v128(F32X4_MUL, f32(3, -0f, 1e20f, 2), f32(4, 5, 1e20f, 0.5f)))
                .isEqualTo(f32(12, -0f, Float.POSITIVE_INFINITY, 1));
        assertThat(v128(F32X4_DIV, f32(1, -1, 0, 1), f32(0, 0, 1, 3))).isEqualTo(f32(Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 0, 1f / 3));
        assertThat(v128(F64X2_ADD, f64(0.1, 1e308), f64(0.2, 1e308))).isEqualTo(f64(0.1 + 0.2, Double.POSITIVE_INFINITY));
        assertThat(v128(F64X2_SUB, f64(0.1, -0.0), f64(0.2, 0.0))).isEqualTo(f64(0.1 - 0.2, -0.0));
        assertThat(v128(F64X2_MUL, f64(1.5, -2), f64(2, 0.0))).isEqualTo(f64(3, -0.0));
        assertThat(v128(F64X2_DIV, f64(1, 0), f64(3, -1))).isEqualTo(f64(1.0 / 3, -0.0));
    }

    @Test
    void invalidOperationsGiveNaNAndNaNOperandsGiveArithmeticNaN() {
        long[] r = v128(F32X4_DIV, f32(0, 1, 1, 1), f32Bits(0, F32_SNAN, F32_CANONICAL_NAN, 0x3F80_0000));
        assertThat(Float.isNaN(f32Lane(r, 0))).isTrue();
        assertThat(isArithmeticNaN(f32LaneBits(r, 1))).isTrue();
        assertThat(isArithmeticNaN(f32LaneBits(r, 2))).isTrue();
        assertThat(f32Lane(r, 3)).isEqualTo(1f);
        long[] d = v128(F64X2_ADD, i64(F64_SNAN, Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)),
                f64(1, Double.NEGATIVE_INFINITY));
        assertThat(isArithmeticNaN(d[0])).isTrue();
        assertThat(Double.isNaN(Double.longBitsToDouble(d[1]))).isTrue();
        long[] sqrt = v128(F64X2_SQRT, i64(F64_SNAN, Double.doubleToRawLongBits(-1)));
        assertThat(isArithmeticNaN(sqrt[0])).isTrue();
        assertThat(Double.isNaN(Double.longBitsToDouble(sqrt[1]))).isTrue();
    }

    @Test
    void sqrt() {
        assertThat(v128(F32X4_SQRT, f32(4, 2, 0, -0f))).isEqualTo(f32(2, (float) Math.sqrt(2), 0, -0f));
        assertThat(v128(F64X2_SQRT, f64(9, Double.POSITIVE_INFINITY))).isEqualTo(f64(3, Double.POSITIVE_INFINITY));
    }

    @Test
    void minAndMaxPropagateNaNAndOrderZeros() {
        long[] min = v128(F32X4_MIN, f32Bits(0x8000_0000, 0, F32_SNAN, 0x3F80_0000), f32(0, -0f, 1, Float.NaN));
        assertThat(f32LaneBits(min, 0)).isEqualTo(0x8000_0000);
        assertThat(f32LaneBits(min, 1)).isEqualTo(0x8000_0000);
        assertThat(isArithmeticNaN(f32LaneBits(min, 2))).isTrue();
        assertThat(isArithmeticNaN(f32LaneBits(min, 3))).isTrue();
        long[] max = v128(F32X4_MAX, f32(-0f, 0, 3, 1), f32(0, -0f, 2, Float.NaN));
        assertThat(f32LaneBits(max, 0)).isZero();
        assertThat(f32LaneBits(max, 1)).isZero();
        assertThat(f32Lane(max, 2)).isEqualTo(3f);
        assertThat(f32LaneBits(max, 3)).isEqualTo(F32_CANONICAL_NAN);
        long[] dmin = v128(F64X2_MIN, f64(-0.0, 1), i64(0, F64_SNAN));
        assertThat(dmin[0]).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(isArithmeticNaN(dmin[1])).isTrue();
        long[] dmax = v128(F64X2_MAX, f64(-0.0, -5), f64(0.0, -7));
        assertThat(dmax).isEqualTo(f64(0.0, -5));
    }

    @Test
    void pseudoMinAndMaxReturnAnOperandUnchanged() {
        // pmin = b < a ? b : a; pmax = a < b ? b : a: a NaN operand is returned only from a.
        long[] a = f32Bits(F32_SNAN, 0x3F80_0000, 0x8000_0000, 0);
        long[] b = f32Bits(0x3F80_0000, F32_NEG_SNAN, 0, 0x8000_0000);
        assertThat(v128(F32X4_PMIN, a, b)).isEqualTo(f32Bits(F32_SNAN, 0x3F80_0000, 0x8000_0000, 0));
        assertThat(v128(F32X4_PMAX, a, b)).isEqualTo(f32Bits(F32_SNAN, 0x3F80_0000, 0x8000_0000, 0));
        assertThat(v128(F32X4_PMIN, f32(1, 5, -3, 2), f32(2, 4, -4, 2))).isEqualTo(f32(1, 4, -4, 2));
        assertThat(v128(F32X4_PMAX, f32(1, 5, -3, 2), f32(2, 4, -4, 2))).isEqualTo(f32(2, 5, -3, 2));
        assertThat(v128(F64X2_PMIN, i64(F64_SNAN, Double.doubleToRawLongBits(5)), f64(1, 2))).containsExactly(F64_SNAN, Double.doubleToRawLongBits(2));
        assertThat(v128(F64X2_PMAX, f64(-0.0, 1), f64(0.0, 2))).isEqualTo(f64(-0.0, 2));
    }

    @Test
    void absAndNegOnlyTouchTheSignBit() {
        assertThat(v128(F32X4_ABS, f32Bits(F32_NEG_SNAN, 0x8000_0000, 0xBF80_0000, 0x3F80_0000)))
                .isEqualTo(f32Bits(F32_SNAN, 0, 0x3F80_0000, 0x3F80_0000));
        assertThat(v128(F32X4_NEG, f32Bits(F32_SNAN, 0, 0xBF80_0000, 0x7F80_0000)))
                .isEqualTo(f32Bits(F32_NEG_SNAN, 0x8000_0000, 0x3F80_0000, 0xFF80_0000));
        assertThat(v128(F64X2_ABS, i64(F64_SNAN | Long.MIN_VALUE, Double.doubleToRawLongBits(-2)))).containsExactly(F64_SNAN,
                Double.doubleToRawLongBits(2));
        assertThat(v128(F64X2_NEG, i64(F64_CANONICAL_NAN, 0))).containsExactly(F64_CANONICAL_NAN | Long.MIN_VALUE, Long.MIN_VALUE);
    }

    @Test
    void rounding() {
        assertThat(v128(F32X4_CEIL, f32(-0.5f, 1.1f, -1.9f, 2))).isEqualTo(f32(-0f, 2, -1, 2));
        assertThat(v128(F32X4_FLOOR, f32(-0.5f, 1.9f, 0.5f, -2))).isEqualTo(f32(-1, 1, 0, -2));
        assertThat(v128(F32X4_TRUNC, f32(-0.5f, 1.9f, -1.9f, -7.5f))).isEqualTo(f32(-0f, 1, -1, -7));
        assertThat(v128(F32X4_NEAREST, f32(2.5f, 3.5f, -0.5f, -1.5f))).isEqualTo(f32(2, 4, -0f, -2));
        assertThat(v128(F64X2_CEIL, f64(-0.1, 4.000001))).isEqualTo(f64(-0.0, 5));
        assertThat(v128(F64X2_FLOOR, f64(-0.1, 4.999))).isEqualTo(f64(-1, 4));
        assertThat(v128(F64X2_TRUNC, f64(-4.999, 4.999))).isEqualTo(f64(-4, 4));
        assertThat(v128(F64X2_NEAREST, f64(0.5, -2.5))).isEqualTo(f64(0, -2));
        long[] nan = v128(F32X4_FLOOR, f32Bits(F32_SNAN, F32_CANONICAL_NAN, 0, 0));
        assertThat(isArithmeticNaN(f32LaneBits(nan, 0))).isTrue();
        assertThat(f32LaneBits(nan, 1)).isEqualTo(F32_CANONICAL_NAN);
        assertThat(isArithmeticNaN(v128(F64X2_NEAREST, i64(F64_SNAN, 0))[0])).isTrue();
    }

    @Test
    void comparisonsAreFalseOnNaNExceptNe() {
        long[] a = f32(1, Float.NaN, -0f, 2);
        long[] b = f32(1, Float.NaN, 0f, 1);
        assertThat(v128(F32X4_EQ, a, b)).isEqualTo(i32(-1, 0, -1, 0));
        assertThat(v128(F32X4_NE, a, b)).isEqualTo(i32(0, -1, 0, -1));
        assertThat(v128(F32X4_LT, a, b)).isEqualTo(i32(0, 0, 0, 0));
        assertThat(v128(F32X4_GT, a, b)).isEqualTo(i32(0, 0, 0, -1));
        assertThat(v128(F32X4_LE, a, b)).isEqualTo(i32(-1, 0, -1, 0));
        assertThat(v128(F32X4_GE, a, b)).isEqualTo(i32(-1, 0, -1, -1));
        long[] c = f64(Double.NaN, -1);
        long[] d = f64(0, 1);
        assertThat(v128(F64X2_EQ, c, d)).isEqualTo(i64(0, 0));
        assertThat(v128(F64X2_NE, c, d)).isEqualTo(i64(-1, -1));
        assertThat(v128(F64X2_LT, c, d)).isEqualTo(i64(0, -1));
        assertThat(v128(F64X2_GT, c, d)).isEqualTo(i64(0, 0));
        assertThat(v128(F64X2_LE, c, d)).isEqualTo(i64(0, -1));
        assertThat(v128(F64X2_GE, c, d)).isEqualTo(i64(0, 0));
    }
}
