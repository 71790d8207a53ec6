package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.SimdValues.f32;
import static io.wasmspring.engine.interpreter.SimdValues.f32Bits;
import static io.wasmspring.engine.interpreter.SimdValues.f32LaneBits;
import static io.wasmspring.engine.interpreter.SimdValues.f64;
import static io.wasmspring.engine.interpreter.SimdValues.i32;
import static io.wasmspring.engine.interpreter.SimdValues.i64;
import static io.wasmspring.engine.interpreter.SimdValues.v128;
import static io.wasmspring.engine.structure.Opcodes.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SIMD conversions: saturating truncation, convert, demote and promote: {@link SimdConversionOps}. */
class SimdConversionOpsTest {

    @Test
    void truncSatF32ToSignedI32() {
        assertThat(v128(I32X4_TRUNC_SAT_F32X4_S, f32(Float.NaN, 3e9f, -3e9f, -1.9f))).isEqualTo(i32(0, Integer.MAX_VALUE,
                Integer.MIN_VALUE, -1));
        assertThat(v128(I32X4_TRUNC_SAT_F32X4_S, f32(2147483520f, -2147483648f, 0.99f, Float.NEGATIVE_INFINITY)))
                .isEqualTo(i32(2147483520, Integer.MIN_VALUE, 0, Integer.MIN_VALUE));
    }

    @Test
    void truncSatF32ToUnsignedI32() {
        assertThat(v128(I32X4_TRUNC_SAT_F32X4_U, f32(Float.NaN, 5e9f, -1f, 4294967040f)))
                .isEqualTo(i32(0, -1, 0, (int) 4294967040L));
        assertThat(v128(I32X4_TRUNC_SAT_F32X4_U, f32(-0.9f, 2.9f, Float.POSITIVE_INFINITY, 2147483648f)))
                .isEqualTo(i32(0, 2, -1, Integer.MIN_VALUE));
    }

    @Test
    void truncSatF64ZeroesTheHighLanes() {
        assertThat(v128(I32X4_TRUNC_SAT_F64X2_S_ZERO, f64(-2147483648.9, 2147483647.9))).isEqualTo(i32(Integer.MIN_VALUE,
                Integer.MAX_VALUE, 0, 0));
        assertThat(v128(I32X4_TRUNC_SAT_F64X2_S_ZERO, f64(Double.NaN, -1e300))).isEqualTo(i32(0, Integer.MIN_VALUE, 0, 0));
        assertThat(v128(I32X4_TRUNC_SAT_F64X2_U_ZERO, f64(4294967295.9, -0.5))).isEqualTo(i32(-1, 0, 0, 0));
        assertThat(v128(I32X4_TRUNC_SAT_F64X2_U_ZERO, f64(4294967296.0, 7.7))).isEqualTo(i32(-1, 7, 0, 0));
    }

    @Test
    void convertI32ToF32RoundsToNearestEven() {
        assertThat(v128(F32X4_CONVERT_I32X4_S, i32(-1, Integer.MIN_VALUE, 16777217, 16777219)))
                .isEqualTo(f32(-1, -2147483648f, 16777216f, 16777220f));
        assertThat(v128(F32X4_CONVERT_I32X4_U, i32(-1, Integer.MIN_VALUE, 16777217, 0)))
                .isEqualTo(f32(4294967296f, 2147483648f, 16777216f, 0));
    }

    @Test
    void convertLowI32ToF64IsExact() {
        assertThat(v128(F64X2_CONVERT_LOW_I32X4_S, i32(-1, Integer.MIN_VALUE, 5, 6))).isEqualTo(f64(-1, -2147483648.0));
        assertThat(v128(F64X2_CONVERT_LOW_I32X4_U, i32(-1, Integer.MIN_VALUE, 5, 6))).isEqualTo(f64(4294967295.0, 2147483648.0));
    }

    @Test
    void demoteRoundsAndZeroesTheHighLanes() {
        assertThat(v128(F32X4_DEMOTE_F64X2_ZERO, f64(0.1, 1e300))).isEqualTo(f32(0.1f, Float.POSITIVE_INFINITY, 0, 0));
        assertThat(v128(F32X4_DEMOTE_F64X2_ZERO, f64(-0.0, 1e-50))).isEqualTo(f32(-0f, 0, 0, 0));
        long[] nan = v128(F32X4_DEMOTE_F64X2_ZERO, i64(0x7FF8_0000_0000_0000L, 0xFFF0_0000_0000_0001L));
        assertThat(f32LaneBits(nan, 0)).isEqualTo(0x7FC0_0000); // canonical stays canonical
        assertThat(f32LaneBits(nan, 1) & 0xFFC0_0000).isEqualTo(0xFFC0_0000); // sign kept, quieted
    }

    @Test
    void promoteTakesTheLowTwoLanesExactly() {
        assertThat(v128(F64X2_PROMOTE_LOW_F32X4, f32(0.1f, -0f, 7, 8))).isEqualTo(f64(0.1f, -0.0));
        long[] nan = v128(F64X2_PROMOTE_LOW_F32X4, f32Bits(0x7FC0_0000, 0xFF80_0001, 0, 0));
        assertThat(nan[0]).isEqualTo(0x7FF8_0000_0000_0000L);
        assertThat(nan[1] & 0xFFF8_0000_0000_0000L).isEqualTo(0xFFF8_0000_0000_0000L);
    }
}
