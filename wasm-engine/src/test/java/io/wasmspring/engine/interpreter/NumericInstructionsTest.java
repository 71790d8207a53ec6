package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.F32;
import static io.wasmspring.engine.interpreter.TestModule.F64;
import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.I64;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** Numeric and conversion instructions, on the edge cases the spec pins down. */
class NumericInstructionsTest {

    /** Runs {@code (op (local.get 0) (local.get 1))}. */
    private static long binary(int opcode, ValueType in, ValueType out, long a, long b) {
        TestModule m = new TestModule();
        int f = m.func(type(params(in, in), out), Asm.code().get(0).get(1).op(opcode).end());
        return m.instantiate().call1(f, a, b);
    }

    private static long unary(int opcode, ValueType in, ValueType out, long a) {
        TestModule m = new TestModule();
        int f = m.func(type(params(in), out), Asm.code().get(0).op(opcode).end());
        return m.instantiate().call1(f, a);
    }

    private static long i32(int v) {
        return v & 0xFFFF_FFFFL;
    }

    private static long f32(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    private static long f64(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void i32ArithmeticWrapsAndResultsAreZeroExtended() {
        assertThat(binary(Opcodes.I32_ADD, I32, I32, i32(Integer.MAX_VALUE), 1)).isEqualTo(i32(Integer.MIN_VALUE));
        assertThat(binary(Opcodes.I32_SUB, I32, I32, 0, 1)).isEqualTo(0xFFFF_FFFFL);
        assertThat(binary(Opcodes.I32_MUL, I32, I32, i32(0x10000), i32(0x10000))).isZero();
    }

    @Test
    void integerDivisionTraps() {
        assertThatThrownBy(() -> binary(Opcodes.I32_DIV_S, I32, I32, 1, 0)).isInstanceOf(Trap.class)
                .hasMessage(Trap.INTEGER_DIVIDE_BY_ZERO);
        assertThatThrownBy(() -> binary(Opcodes.I32_DIV_S, I32, I32, i32(Integer.MIN_VALUE), i32(-1)))
                .hasMessage(Trap.INTEGER_OVERFLOW);
        assertThatThrownBy(() -> binary(Opcodes.I64_DIV_S, I64, I64, Long.MIN_VALUE, -1)).hasMessage(Trap.INTEGER_OVERFLOW);
        assertThatThrownBy(() -> binary(Opcodes.I64_REM_U, I64, I64, 5, 0)).hasMessage(Trap.INTEGER_DIVIDE_BY_ZERO);
        assertThat(binary(Opcodes.I32_REM_S, I32, I32, i32(Integer.MIN_VALUE), i32(-1))).isZero();
        assertThat(binary(Opcodes.I64_REM_S, I64, I64, Long.MIN_VALUE, -1)).isZero();
        assertThat(binary(Opcodes.I32_DIV_U, I32, I32, i32(-1), 2)).isEqualTo(0x7FFF_FFFFL);
        assertThat(binary(Opcodes.I32_REM_S, I32, I32, i32(-7), 2)).isEqualTo(i32(-1));
        assertThat(binary(Opcodes.I64_DIV_U, I64, I64, -1, 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shiftsAndRotatesTakeTheCountModuloTheWidth() {
        assertThat(binary(Opcodes.I32_SHL, I32, I32, 1, 33)).isEqualTo(2);
        assertThat(binary(Opcodes.I32_SHR_S, I32, I32, i32(Integer.MIN_VALUE), 31)).isEqualTo(0xFFFF_FFFFL);
        assertThat(binary(Opcodes.I32_SHR_U, I32, I32, i32(Integer.MIN_VALUE), 63)).isEqualTo(1);
        assertThat(binary(Opcodes.I32_ROTL, I32, I32, i32(0x8000_0001), 1)).isEqualTo(3);
        assertThat(binary(Opcodes.I32_ROTR, I32, I32, 1, 1)).isEqualTo(0x8000_0000L);
        assertThat(binary(Opcodes.I64_SHL, I64, I64, 1, 65)).isEqualTo(2);
        assertThat(binary(Opcodes.I64_ROTR, I64, I64, 1, 1)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void bitCounting() {
        assertThat(unary(Opcodes.I32_CLZ, I32, I32, 0)).isEqualTo(32);
        assertThat(unary(Opcodes.I32_CTZ, I32, I32, 0x80)).isEqualTo(7);
        assertThat(unary(Opcodes.I32_POPCNT, I32, I32, i32(-1))).isEqualTo(32);
        assertThat(unary(Opcodes.I64_CLZ, I64, I64, 1)).isEqualTo(63);
        assertThat(unary(Opcodes.I64_POPCNT, I64, I64, -1)).isEqualTo(64);
        assertThat(unary(Opcodes.I32_EQZ, I32, I32, 0)).isEqualTo(1);
        assertThat(unary(Opcodes.I64_EQZ, I64, I32, 5)).isZero();
    }

    @Test
    void unsignedComparisons() {
        assertThat(binary(Opcodes.I32_LT_U, I32, I32, 1, i32(-1))).isEqualTo(1);
        assertThat(binary(Opcodes.I32_LT_S, I32, I32, 1, i32(-1))).isZero();
        assertThat(binary(Opcodes.I64_GE_U, I64, I32, -1, 0)).isEqualTo(1);
        assertThat(binary(Opcodes.I64_GT_S, I64, I32, -1, 0)).isZero();
    }

    @Test
    void signExtension() {
        assertThat(unary(Opcodes.I32_EXTEND8_S, I32, I32, 0x80)).isEqualTo(0xFFFF_FF80L);
        assertThat(unary(Opcodes.I32_EXTEND16_S, I32, I32, 0x7FFF)).isEqualTo(0x7FFF);
        assertThat(unary(Opcodes.I64_EXTEND32_S, I64, I64, 0x8000_0000L)).isEqualTo(0xFFFF_FFFF_8000_0000L);
        assertThat(unary(Opcodes.I64_EXTEND_I32_U, I32, I64, i32(-1))).isEqualTo(0xFFFF_FFFFL);
        assertThat(unary(Opcodes.I64_EXTEND_I32_S, I32, I64, i32(-1))).isEqualTo(-1);
        assertThat(unary(Opcodes.I32_WRAP_I64, I64, I32, 0x1_2345_6789L)).isEqualTo(0x2345_6789L);
    }

    @Test
    void floatSignOperationsKeepNaNPayloads() {
        long snan = 0x7FA0_0001L;
        assertThat(unary(Opcodes.F32_NEG, F32, F32, snan)).isEqualTo(0xFFA0_0001L);
        assertThat(unary(Opcodes.F32_ABS, F32, F32, 0xFFA0_0001L)).isEqualTo(snan);
        assertThat(binary(Opcodes.F32_COPYSIGN, F32, F32, snan, f32(-1f))).isEqualTo(0xFFA0_0001L);
        assertThat(unary(Opcodes.F64_NEG, F64, F64, 0x7FF0_0000_0000_0001L)).isEqualTo(0xFFF0_0000_0000_0001L);
        // reinterpret is a no-op on bits: a signalling NaN survives
        assertThat(unary(Opcodes.I32_REINTERPRET_F32, F32, I32, snan)).isEqualTo(snan);
    }

    @Test
    void minMaxHandleNaNAndSignedZeros() {
        assertThat(binary(Opcodes.F32_MIN, F32, F32, f32(0f), f32(-0f))).isEqualTo(f32(-0f));
        assertThat(binary(Opcodes.F32_MAX, F32, F32, f32(-0f), f32(0f))).isEqualTo(f32(0f));
        long quieted = binary(Opcodes.F32_MIN, F32, F32, 0x7FA0_0000L, f32(1f));
        assertThat(quieted & 0x7FC0_0000L).isEqualTo(0x7FC0_0000L);
        assertThat(binary(Opcodes.F64_MAX, F64, F64, f64(Double.NaN), f64(1)) & 0x7FF8_0000_0000_0000L)
                .isEqualTo(0x7FF8_0000_0000_0000L);
        assertThat(binary(Opcodes.F64_MIN, F64, F64, f64(-0.0), f64(0.0))).isEqualTo(f64(-0.0));
    }

    @Test
    void roundingFollowsTheSpec() {
        assertThat(unary(Opcodes.F32_NEAREST, F32, F32, f32(2.5f))).isEqualTo(f32(2f));
        assertThat(unary(Opcodes.F32_NEAREST, F32, F32, f32(-0.5f))).isEqualTo(f32(-0f));
        assertThat(unary(Opcodes.F64_NEAREST, F64, F64, f64(3.5))).isEqualTo(f64(4));
        assertThat(unary(Opcodes.F32_TRUNC, F32, F32, f32(-0.7f))).isEqualTo(f32(-0f));
        assertThat(unary(Opcodes.F64_CEIL, F64, F64, f64(-0.5))).isEqualTo(f64(-0.0));
        assertThat(unary(Opcodes.F64_FLOOR, F64, F64, f64(-0.5))).isEqualTo(f64(-1));
        assertThat(unary(Opcodes.F32_SQRT, F32, F32, f32(2f))).isEqualTo(f32((float) Math.sqrt(2)));
        assertThat(binary(Opcodes.F32_ADD, F32, F32, f32(0.1f), f32(0.2f))).isEqualTo(f32(0.1f + 0.2f));
        assertThat(binary(Opcodes.F64_DIV, F64, F64, f64(1), f64(3))).isEqualTo(f64(1.0 / 3));
        assertThat(binary(Opcodes.F64_LT, F64, I32, f64(Double.NaN), f64(1))).isZero();
        assertThat(binary(Opcodes.F32_NE, F32, I32, f32(Float.NaN), f32(Float.NaN))).isEqualTo(1);
    }

    @Test
    void roundingASignallingNaNGivesAQuietNaN() {
        long f64Snan = 0x7FF4_0000_0000_0000L;
        for (int op : new int[] {Opcodes.F64_CEIL, Opcodes.F64_FLOOR, Opcodes.F64_TRUNC, Opcodes.F64_NEAREST, Opcodes.F64_SQRT}) {
            assertThat(unary(op, F64, F64, f64Snan)).as(Opcodes.name(op)).isEqualTo(0x7FFC_0000_0000_0000L);
        }
        for (int op : new int[] {Opcodes.F32_CEIL, Opcodes.F32_FLOOR, Opcodes.F32_TRUNC, Opcodes.F32_NEAREST, Opcodes.F32_SQRT}) {
            assertThat(unary(op, F32, F32, 0xFFA0_0000L)).as(Opcodes.name(op)).isEqualTo(0xFFE0_0000L);
        }
    }

    @Test
    void truncationTrapsOnNaNAndOverflow() {
        assertThatThrownBy(() -> unary(Opcodes.I32_TRUNC_F32_S, F32, I32, f32(Float.NaN))).isInstanceOf(Trap.class)
                .hasMessage(Trap.INVALID_CONVERSION);
        assertThatThrownBy(() -> unary(Opcodes.I32_TRUNC_F32_S, F32, I32, f32(2147483648f)))
                .hasMessage(Trap.INTEGER_OVERFLOW);
        assertThatThrownBy(() -> unary(Opcodes.I32_TRUNC_F64_U, F64, I32, f64(-1.0))).hasMessage(Trap.INTEGER_OVERFLOW);
        assertThatThrownBy(() -> unary(Opcodes.I64_TRUNC_F64_S, F64, I64, f64(9.223372036854775808E18)))
                .hasMessage(Trap.INTEGER_OVERFLOW);
        assertThat(unary(Opcodes.I32_TRUNC_F32_S, F32, I32, f32(-2147483648f))).isEqualTo(i32(Integer.MIN_VALUE));
        assertThat(unary(Opcodes.I32_TRUNC_F64_S, F64, I32, f64(-2147483648.9))).isEqualTo(i32(Integer.MIN_VALUE));
        assertThat(unary(Opcodes.I32_TRUNC_F64_U, F64, I32, f64(-0.9))).isZero();
        assertThat(unary(Opcodes.I32_TRUNC_F64_U, F64, I32, f64(4294967295.5))).isEqualTo(0xFFFF_FFFFL);
        assertThat(unary(Opcodes.I64_TRUNC_F64_U, F64, I64, f64(1.8446744073709550E19))).isEqualTo(-2048L);
        assertThatThrownBy(() -> unary(Opcodes.I64_TRUNC_F32_U, F32, I64, f32(1.8446744073709552E19f)))
                .hasMessage(Trap.INTEGER_OVERFLOW);
    }

    @Test
    void saturatingTruncation() {
        assertThat(unary(Opcodes.I32_TRUNC_SAT_F32_S, F32, I32, f32(Float.NaN))).isZero();
        assertThat(unary(Opcodes.I32_TRUNC_SAT_F32_S, F32, I32, f32(-1e10f))).isEqualTo(i32(Integer.MIN_VALUE));
        assertThat(unary(Opcodes.I32_TRUNC_SAT_F64_U, F64, I32, f64(1e10))).isEqualTo(0xFFFF_FFFFL);
        assertThat(unary(Opcodes.I32_TRUNC_SAT_F64_U, F64, I32, f64(-5))).isZero();
        assertThat(unary(Opcodes.I64_TRUNC_SAT_F64_U, F64, I64, f64(1e30))).isEqualTo(-1L);
        assertThat(unary(Opcodes.I64_TRUNC_SAT_F64_U, F64, I64, f64(1.8446744073709550E19))).isEqualTo(-2048L);
        assertThat(unary(Opcodes.I64_TRUNC_SAT_F32_S, F32, I64, f32(Float.POSITIVE_INFINITY))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void unsignedConversionsToFloatRoundCorrectly() {
        assertThat(unary(Opcodes.F64_CONVERT_I64_U, I64, F64, -1)).isEqualTo(f64(1.8446744073709552E19));
        assertThat(unary(Opcodes.F32_CONVERT_I32_U, I32, F32, i32(-1))).isEqualTo(f32(4.2949673E9f));
        // 2^63 + 2^39 + 1 lies just above the midpoint of two floats: must round up, not to even
        assertThat(unary(Opcodes.F32_CONVERT_I64_U, I64, F32, 0x8000_0080_0000_0001L))
                .isEqualTo(f32(Math.nextUp((float) 9.223372036854775808E18)));
        assertThat(unary(Opcodes.F64_CONVERT_I32_U, I32, F64, i32(-1))).isEqualTo(f64(4294967295.0));
        assertThat(unary(Opcodes.F32_CONVERT_I32_S, I32, F32, i32(-3))).isEqualTo(f32(-3f));
    }

    @Test
    void demoteAndPromote() {
        assertThat(unary(Opcodes.F32_DEMOTE_F64, F64, F32, f64(1.5))).isEqualTo(f32(1.5f));
        assertThat(unary(Opcodes.F64_PROMOTE_F32, F32, F64, f32(-0f))).isEqualTo(f64(-0.0));
        assertThat(unary(Opcodes.F32_DEMOTE_F64, F64, F32, f64(1e300))).isEqualTo(f32(Float.POSITIVE_INFINITY));
    }

    @Test
    void constantsKeepTheirBits() {
        TestModule m = new TestModule();
        int f = m.func(type(params(), F32), Asm.code().f32Bits(0x7FA0_0001).end());
        int g = m.func(type(params(), F64), Asm.code().f64Bits(0x7FF0_0000_0000_0001L).end());
        int h = m.func(type(params(), I64), Asm.code().i64(0x1234_5678_9ABC_DEF0L).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f)).isEqualTo(0x7FA0_0001L);
        assertThat(inst.call1(g)).isEqualTo(0x7FF0_0000_0000_0001L);
        assertThat(inst.call1(h)).isEqualTo(0x1234_5678_9ABC_DEF0L);
    }
}
