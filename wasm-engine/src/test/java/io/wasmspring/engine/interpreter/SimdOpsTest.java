package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.SimdValues.BASE;
import static io.wasmspring.engine.interpreter.SimdValues.i16;
import static io.wasmspring.engine.interpreter.SimdValues.i32;
import static io.wasmspring.engine.interpreter.SimdValues.i64;
import static io.wasmspring.engine.interpreter.SimdValues.i8;
import static io.wasmspring.engine.interpreter.SimdValues.scalar;
import static io.wasmspring.engine.interpreter.SimdValues.scalarResult;
import static io.wasmspring.engine.interpreter.SimdValues.v128;
import static io.wasmspring.engine.structure.Opcodes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.interpreter.SimdValues.Stack;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** The v128 layout and the SIMD instructions that move lanes and bits: {@link SimdOps}. */
class SimdOpsTest {

    @Test
    void lanesAreLittleEndianLowSlotFirst() {
        long[] v = i8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(v[0]).isEqualTo(0x0706_0504_0302_0100L);
        assertThat(v[1]).isEqualTo(0x0F0E_0D0C_0B0A_0908L);
        assertThat(SimdOps.lane(v[0], v[1], 16, 4)).isEqualTo(0x0908);
        assertThat(SimdOps.lane(v[0], v[1], 32, 3)).isEqualTo(0x0F0E_0D0CL);
        assertThat(SimdOps.lane(v[0], v[1], 64, 1)).isEqualTo(v[1]);
    }

    @Test
    void constPushesTwoSlots() {
        Stack st = new Stack();
        st.sp = SimdOps.v128Const(st.s, st.sp, 1, 2);
        assertThat(st.top(2, BASE + 2)).containsExactly(1, 2);
    }

    @Test
    void splatCopiesTheScalarToEveryLane() {
        assertThat(v128(I8X16_SPLAT, scalar(0x1FF))).containsExactly(-1L, -1L); // only the low 8 bits count
        assertThat(v128(I16X8_SPLAT, scalar(0xFFFF_0102L))).isEqualTo(i16(0x102, 0x102, 0x102, 0x102, 0x102, 0x102, 0x102, 0x102));
        assertThat(v128(I32X4_SPLAT, scalar(0xDEAD_BEEF_0000_0007L))).isEqualTo(i32(7, 7, 7, 7));
        assertThat(v128(I64X2_SPLAT, scalar(-2))).containsExactly(-2L, -2L);
        long oneBits = Float.floatToRawIntBits(1f);
        assertThat(v128(F32X4_SPLAT, scalar(oneBits))).isEqualTo(SimdValues.f32(1f, 1f, 1f, 1f));
        assertThat(v128(F64X2_SPLAT, scalar(Double.doubleToRawLongBits(-0.0)))).isEqualTo(SimdValues.f64(-0.0, -0.0));
    }

    @Test
    void extractLaneExtendsBySign() {
        long[] v = i8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80);
        Stack st = new Stack(v);
        st.sp = SimdOps.i8x16ExtractLaneS(st.s, st.sp, 15);
        assertThat((int) st.top(1, BASE + 1)[0]).isEqualTo(-128);
        st = new Stack(v);
        st.sp = SimdOps.i8x16ExtractLaneU(st.s, st.sp, 15);
        assertThat(st.top(1, BASE + 1)[0]).isEqualTo(128);

        long[] h = i16(0, 0, 0, 0, 0, 0, 0xFFFE, 0);
        st = new Stack(h);
        st.sp = SimdOps.i16x8ExtractLaneS(st.s, st.sp, 6);
        assertThat((int) st.top(1, BASE + 1)[0]).isEqualTo(-2);
        st = new Stack(h);
        st.sp = SimdOps.i16x8ExtractLaneU(st.s, st.sp, 6);
        assertThat(st.top(1, BASE + 1)[0]).isEqualTo(0xFFFE);

        st = new Stack(i32(1, 2, 3, -4));
        st.sp = SimdOps.i32x4ExtractLane(st.s, st.sp, 3);
        assertThat((int) st.top(1, BASE + 1)[0]).isEqualTo(-4);
        st = new Stack(i64(5, -6));
        st.sp = SimdOps.i64x2ExtractLane(st.s, st.sp, 1);
        assertThat(st.top(1, BASE + 1)[0]).isEqualTo(-6);
    }

    @Test
    void replaceLaneChangesOneLaneOnly() {
        Stack st = new Stack(i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), scalar(0x1AB));
        st.sp = SimdOps.i8x16ReplaceLane(st.s, st.sp, 9);
        assertThat(st.top(2, BASE + 2)).isEqualTo(i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 0xAB, 11, 12, 13, 14, 15, 16));
        st = new Stack(i16(1, 2, 3, 4, 5, 6, 7, 8), scalar(-1));
        st.sp = SimdOps.i16x8ReplaceLane(st.s, st.sp, 0);
        assertThat(st.top(2, BASE + 2)).isEqualTo(i16(0xFFFF, 2, 3, 4, 5, 6, 7, 8));
        st = new Stack(i32(1, 2, 3, 4), scalar(0xFFFF_FFFF_0000_0009L));
        st.sp = SimdOps.i32x4ReplaceLane(st.s, st.sp, 2);
        assertThat(st.top(2, BASE + 2)).isEqualTo(i32(1, 2, 9, 4));
        st = new Stack(i64(1, 2), scalar(Long.MIN_VALUE));
        st.sp = SimdOps.i64x2ReplaceLane(st.s, st.sp, 1);
        assertThat(st.top(2, BASE + 2)).containsExactly(1L, Long.MIN_VALUE);
    }

    @Test
    void shufflePicksFromBothOperands() {
        long[] a = i8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        long[] b = i8(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
        long[] lanes = i8(31, 0, 30, 1, 16, 15, 8, 8, 23, 24, 7, 0, 0, 0, 2, 17);
        Stack st = new Stack(a, b);
        st.sp = SimdOps.i8x16Shuffle(st.s, st.sp, lanes[0], lanes[1]);
        assertThat(st.top(2, BASE + 2)).isEqualTo(lanes); // byte i of the inputs is i
    }

    @Test
    void swizzleZeroesOutOfRangeIndices() {
        long[] a = i8(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
        long[] idx = i8(15, 0, 16, 255, 1, 128, 7, 8, 3, 3, 3, 3, 17, 14, 13, 12);
        assertThat(v128(I8X16_SWIZZLE, a, idx)).isEqualTo(i8(25, 10, 0, 0, 11, 0, 17, 18, 13, 13, 13, 13, 0, 24, 23, 22));
    }

    @Test
    void bitwise() {
        long[] a = i64(0xFF00_FF00_FF00_FF00L, 0x0F0F_0F0F_0F0F_0F0FL);
        long[] b = i64(0xFFFF_0000_FFFF_0000L, 0x00FF_00FF_00FF_00FFL);
        assertThat(v128(V128_NOT, a)).containsExactly(0x00FF_00FF_00FF_00FFL, 0xF0F0_F0F0_F0F0_F0F0L);
        assertThat(v128(V128_AND, a, b)).containsExactly(0xFF00_0000_FF00_0000L, 0x000F_000F_000F_000FL);
        assertThat(v128(V128_ANDNOT, a, b)).containsExactly(0x0000_FF00_0000_FF00L, 0x0F00_0F00_0F00_0F00L);
        assertThat(v128(V128_OR, a, b)).containsExactly(0xFFFF_FF00_FFFF_FF00L, 0x0FFF_0FFF_0FFF_0FFFL);
        assertThat(v128(V128_XOR, a, b)).containsExactly(0x00FF_FF00_00FF_FF00L, 0x0FF0_0FF0_0FF0_0FF0L);
    }

    @Test
    void bitselectTakesBitsOfTheFirstWhereTheMaskIsSet() {
        long[] v1 = i64(-1L, 0x1234_5678_9ABC_DEF0L);
        long[] v2 = i64(0L, 0x0FED_CBA9_8765_4321L);
        long[] c = i64(0xF0F0_F0F0_F0F0_F0F0L, 0xFFFF_FFFF_0000_0000L);
        assertThat(v128(V128_BITSELECT, v1, v2, c)).containsExactly(0xF0F0_F0F0_F0F0_F0F0L, 0x1234_5678_8765_4321L);
    }

    @Test
    void anyTrueAllTrueAndBitmask() {
        assertThat(scalarResult(V128_ANY_TRUE, i64(0, 0))).isZero();
        assertThat(scalarResult(V128_ANY_TRUE, i64(0, Long.MIN_VALUE))).isOne();
        long[] oneZeroByte = i8(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1);
        assertThat(scalarResult(I8X16_ALL_TRUE, oneZeroByte)).isZero();
        assertThat(scalarResult(I16X8_ALL_TRUE, oneZeroByte)).isOne(); // every 16-bit lane still has a set bit
        assertThat(scalarResult(I32X4_ALL_TRUE, i32(1, 2, 3, 0))).isZero();
        assertThat(scalarResult(I64X2_ALL_TRUE, i64(1L << 63, 1))).isOne();
        assertThat(scalarResult(I8X16_BITMASK, i8(0x80, 0, 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x90)))
                .isEqualTo(0b1000_0000_0000_0101);
        assertThat(scalarResult(I16X8_BITMASK, i16(0, 0x8000, 0, 0, 0, 0, 0, 0xFFFF))).isEqualTo(0b1000_0010);
        assertThat(scalarResult(I32X4_BITMASK, i32(-1, 0, -5, Integer.MAX_VALUE))).isEqualTo(0b0101);
        assertThat(scalarResult(I64X2_BITMASK, i64(1, -1))).isEqualTo(0b10);
    }

    @Test
    void executeRejectsInstructionsWithImmediates() {
        long[] s = new long[8];
        assertThatThrownBy(() -> SimdOps.execute(Opcodes.I8X16_SHUFFLE - SIMD_BASE, s, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimdOps.execute(Opcodes.V128_LOAD - SIMD_BASE, s, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void executeCoversEveryInstructionWithoutImmediates() {
        for (int sub = 0; sub < 256; sub++) {
            int opcode = SIMD_BASE | sub;
            boolean assigned = !Opcodes.name(opcode).startsWith("simd ");
            boolean immediates = sub <= 0x0D || (sub >= 0x15 && sub <= 0x22) || (sub >= 0x54 && sub <= 0x5D);
            long[] s = new long[16];
            if (assigned && !immediates) {
                int sp = SimdOps.execute(sub, s, 8);
                assertThat(sp).as(Opcodes.name(opcode)).isBetween(4, 9);
            } else {
                int code = sub;
                assertThatThrownBy(() -> SimdOps.execute(code, s, 8)).as(Opcodes.name(opcode))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
