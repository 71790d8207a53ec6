package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.SimdValues.i16;
import static io.wasmspring.engine.interpreter.SimdValues.i32;
import static io.wasmspring.engine.interpreter.SimdValues.i64;
import static io.wasmspring.engine.interpreter.SimdValues.i8;
import static io.wasmspring.engine.interpreter.SimdValues.scalar;
import static io.wasmspring.engine.interpreter.SimdValues.v128;
import static io.wasmspring.engine.structure.Opcodes.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SIMD integer arithmetic, comparisons, shifts and width changes: {@link SimdIntegerOps}. */
class SimdIntegerOpsTest {

    private static long[] i8all(int v) {
        return i8(v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v);
    }

    private static long[] i16all(int v) {
        return i16(v, v, v, v, v, v, v, v);
    }

    @Nested
    class Arithmetic {

        @Test
        void addAndSubWrapWithinEachLane() {
            assertThat(v128(I8X16_ADD, i8all(0xFF), i8all(2))).isEqualTo(i8all(1)); // no carry into the next lane
            assertThat(v128(I16X8_SUB, i16all(0), i16all(1))).isEqualTo(i16all(0xFFFF));
            assertThat(v128(I32X4_ADD, i32(Integer.MAX_VALUE, 1, -1, 0), i32(1, 2, 1, 0)))
                    .isEqualTo(i32(Integer.MIN_VALUE, 3, 0, 0));
            assertThat(v128(I64X2_SUB, i64(Long.MIN_VALUE, 5), i64(1, 7))).isEqualTo(i64(Long.MAX_VALUE, -2));
        }

        @Test
        void addAndSubAgreeWithLaneByLaneArithmetic() {
            java.util.Random random = new java.util.Random(42);
            int[][] opcodes = {{I8X16_ADD, I8X16_SUB}, {I16X8_ADD, I16X8_SUB}, {I32X4_ADD, I32X4_SUB}, {I64X2_ADD, I64X2_SUB}};
            for (int round = 0; round < 200; round++) {
                long[] a = i64(random.nextLong(), random.nextLong());
                long[] b = i64(random.nextLong(), random.nextLong());
                for (int shape = 0; shape < 4; shape++) {
                    int bits = 8 << shape;
                    long[] sum = v128(opcodes[shape][0], a, b);
                    long[] difference = v128(opcodes[shape][1], a, b);
                    for (int i = 0; i < 128 / bits; i++) {
                        long x = SimdValues.signedLane(a, bits, i);
                        long y = SimdValues.signedLane(b, bits, i);
                        assertThat(SimdValues.signedLane(sum, bits, i)).isEqualTo(SimdIntegerOps.signed((x + y) & SimdOps.mask(bits), bits));
                        assertThat(SimdValues.signedLane(difference, bits, i))
                                .isEqualTo(SimdIntegerOps.signed((x - y) & SimdOps.mask(bits), bits));
                    }
                }
            }
        }

        @Test
        void mulKeepsTheLowBits() {
            assertThat(v128(I16X8_MUL, i16all(0x100), i16all(0x100))).isEqualTo(i16all(0));
            assertThat(v128(I16X8_MUL, i16all(0xFFFF), i16all(3))).isEqualTo(i16all(0xFFFD));
            assertThat(v128(I32X4_MUL, i32(0x10000, -3, 7, 1 << 31), i32(0x10000, 5, -7, 2))).isEqualTo(i32(0, -15, -49, 0));
            assertThat(v128(I64X2_MUL, i64(Long.MAX_VALUE, 1L << 32), i64(2, 1L << 32))).isEqualTo(i64(-2, 0));
        }

        @Test
        void saturatingAddAndSub() {
            assertThat(v128(I8X16_ADD_SAT_S, i8all(0x7F), i8all(1))).isEqualTo(i8all(0x7F));
            assertThat(v128(I8X16_ADD_SAT_S, i8all(0x80), i8all(0xFF))).isEqualTo(i8all(0x80));
            assertThat(v128(I8X16_ADD_SAT_U, i8all(0xFE), i8all(3))).isEqualTo(i8all(0xFF));
            assertThat(v128(I8X16_SUB_SAT_S, i8all(0x80), i8all(1))).isEqualTo(i8all(0x80));
            assertThat(v128(I8X16_SUB_SAT_U, i8all(3), i8all(5))).isEqualTo(i8all(0));
            assertThat(v128(I16X8_ADD_SAT_S, i16all(0x7000), i16all(0x7000))).isEqualTo(i16all(0x7FFF));
            assertThat(v128(I16X8_ADD_SAT_U, i16all(0x8000), i16all(0x8000))).isEqualTo(i16all(0xFFFF));
            assertThat(v128(I16X8_SUB_SAT_S, i16all(0x7FFF), i16all(0xFFFF))).isEqualTo(i16all(0x7FFF)); // 32767 - (-1)
            assertThat(v128(I16X8_SUB_SAT_U, i16all(0xFFFF), i16all(1))).isEqualTo(i16all(0xFFFE));
        }

        @Test
        void negAndAbsOfTheMostNegativeValueWrap() {
            assertThat(v128(I8X16_NEG, i8all(0x80))).isEqualTo(i8all(0x80));
            assertThat(v128(I8X16_ABS, i8all(0x80))).isEqualTo(i8all(0x80));
            assertThat(v128(I8X16_ABS, i8all(0xFB))).isEqualTo(i8all(5));
            assertThat(v128(I16X8_NEG, i16all(1))).isEqualTo(i16all(0xFFFF));
            assertThat(v128(I32X4_ABS, i32(-1, Integer.MIN_VALUE, 7, 0))).isEqualTo(i32(1, Integer.MIN_VALUE, 7, 0));
            assertThat(v128(I64X2_ABS, i64(-9, Long.MIN_VALUE))).isEqualTo(i64(9, Long.MIN_VALUE));
            assertThat(v128(I64X2_NEG, i64(9, 0))).isEqualTo(i64(-9, 0));
        }

        @Test
        void minAndMaxSignedAndUnsigned() {
            assertThat(v128(I8X16_MIN_S, i8all(0xFF), i8all(1))).isEqualTo(i8all(0xFF));
            assertThat(v128(I8X16_MIN_U, i8all(0xFF), i8all(1))).isEqualTo(i8all(1));
            assertThat(v128(I8X16_MAX_S, i8all(0xFF), i8all(1))).isEqualTo(i8all(1));
            assertThat(v128(I8X16_MAX_U, i8all(0xFF), i8all(1))).isEqualTo(i8all(0xFF));
            assertThat(v128(I16X8_MIN_S, i16all(0x8000), i16all(0x7FFF))).isEqualTo(i16all(0x8000));
            assertThat(v128(I16X8_MAX_U, i16all(0x8000), i16all(0x7FFF))).isEqualTo(i16all(0x8000));
            assertThat(v128(I32X4_MIN_U, i32(-1, 0, 5, 3), i32(1, -1, 4, 3))).isEqualTo(i32(1, 0, 4, 3));
            assertThat(v128(I32X4_MAX_S, i32(-1, 0, 5, 3), i32(1, -1, 4, 3))).isEqualTo(i32(1, 0, 5, 3));
        }

        @Test
        void roundingAverageRoundsUpWithoutOverflow() {
            assertThat(v128(I8X16_AVGR_U, i8all(0xFF), i8all(0xFF))).isEqualTo(i8all(0xFF));
            assertThat(v128(I8X16_AVGR_U, i8all(1), i8all(2))).isEqualTo(i8all(2));
            assertThat(v128(I8X16_AVGR_U, i8all(0), i8all(0xFF))).isEqualTo(i8all(0x80));
            assertThat(v128(I16X8_AVGR_U, i16all(0xFFFF), i16all(0))).isEqualTo(i16all(0x8000));
        }

        @Test
        void popcnt() {
            assertThat(v128(I8X16_POPCNT, i8(0, 1, 3, 7, 0xF, 0x1F, 0x3F, 0x7F, 0xFF, 0x80, 0x55, 0xAA, 0x81, 2, 4, 8)))
                    .isEqualTo(i8(0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 4, 4, 2, 1, 1, 1));
        }

        @Test
        void q15MultiplicationRoundsAndSaturates() {
            assertThat(v128(I16X8_Q15MULR_SAT_S, i16all(0x8000), i16all(0x8000))).isEqualTo(i16all(0x7FFF)); // -1 * -1
            assertThat(v128(I16X8_Q15MULR_SAT_S, i16all(0x4000), i16all(0x4000))).isEqualTo(i16all(0x2000)); // 0.5 * 0.5
            assertThat(v128(I16X8_Q15MULR_SAT_S, i16all(1), i16all(0x4000))).isEqualTo(i16all(1)); // 0.5 rounds up
            assertThat(v128(I16X8_Q15MULR_SAT_S, i16all(0xFFFF), i16all(0x4000))).isEqualTo(i16all(0)); // -0.5 rounds up
        }

        @Test
        void dotProductOfAdjacentPairs() {
            assertThat(v128(I32X4_DOT_I16X8_S, i16(1, 2, 3, 4, 0xFFFF, 5, 0x8000, 0x8000), i16(5, 6, 7, 8, 9, 10, 0x8000, 0x8000)))
                    .isEqualTo(i32(17, 53, 41, Integer.MIN_VALUE)); // 2 * 2^30 wraps
        }
    }

    @Nested
    class Comparisons {

        @Test
        void signedAndUnsignedDiffer() {
            long[] a = i8(0xFF, 1, 5, 0, 0x80, 0x7F, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0);
            long[] b = i8(1, 0xFF, 5, 0, 0x7F, 0x80, 2, 4, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(v128(I8X16_LT_S, a, b)).isEqualTo(i8(0xFF, 0, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0xFF));
            assertThat(v128(I8X16_LT_U, a, b)).isEqualTo(i8(0, 0xFF, 0, 0, 0, 0xFF, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0xFF));
            assertThat(v128(I8X16_EQ, a, b)).isEqualTo(i8(0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0));
            assertThat(v128(I8X16_GE_U, a, b)).isEqualTo(i8(0xFF, 0, 0xFF, 0xFF, 0xFF, 0, 0xFF, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0));
        }

        @Test
        void everyShape() {
            assertThat(v128(I16X8_GT_S, i16all(0x8000), i16all(0))).isEqualTo(i16all(0));
            assertThat(v128(I16X8_GT_U, i16all(0x8000), i16all(0))).isEqualTo(i16all(0xFFFF));
            assertThat(v128(I16X8_NE, i16all(3), i16all(3))).isEqualTo(i16all(0));
            assertThat(v128(I32X4_LE_S, i32(-1, 2, 3, 4), i32(0, 2, 2, 5))).isEqualTo(i32(-1, -1, 0, -1));
            assertThat(v128(I32X4_LE_U, i32(-1, 2, 3, 4), i32(0, 2, 2, 5))).isEqualTo(i32(0, -1, 0, -1));
            assertThat(v128(I32X4_GE_S, i32(-1, 2, 3, 4), i32(0, 2, 2, 5))).isEqualTo(i32(0, -1, -1, 0));
            assertThat(v128(I64X2_LT_S, i64(-1, 2), i64(0, 2))).isEqualTo(i64(-1, 0));
            assertThat(v128(I64X2_GT_S, i64(Long.MAX_VALUE, 2), i64(Long.MIN_VALUE, 2))).isEqualTo(i64(-1, 0));
            assertThat(v128(I64X2_LE_S, i64(Long.MIN_VALUE, 3), i64(Long.MAX_VALUE, 2))).isEqualTo(i64(-1, 0));
            assertThat(v128(I64X2_GE_S, i64(2, 3), i64(2, 4))).isEqualTo(i64(-1, 0));
            assertThat(v128(I64X2_EQ, i64(2, 3), i64(2, 4))).isEqualTo(i64(-1, 0));
            assertThat(v128(I64X2_NE, i64(2, 3), i64(2, 4))).isEqualTo(i64(0, -1));
        }
    }

    @Nested
    class Shifts {

        @Test
        void countIsTakenModuloTheLaneWidth() {
            assertThat(v128(I8X16_SHL, i8all(0x81), scalar(9))).isEqualTo(i8all(0x02));
            assertThat(v128(I16X8_SHL, i16all(1), scalar(16))).isEqualTo(i16all(1));
            assertThat(v128(I32X4_SHR_U, i32(-1, 8, 0, 1), scalar(-1))).isEqualTo(i32(1, 0, 0, 0)); // -1 mod 32 = 31
            assertThat(v128(I64X2_SHL, i64(1, 3), scalar(65))).isEqualTo(i64(2, 6));
        }

        @Test
        void arithmeticShiftKeepsTheSign() {
            assertThat(v128(I8X16_SHR_S, i8all(0x80), scalar(7))).isEqualTo(i8all(0xFF));
            assertThat(v128(I8X16_SHR_U, i8all(0x80), scalar(7))).isEqualTo(i8all(0x01));
            assertThat(v128(I16X8_SHR_S, i16all(0x8000), scalar(1))).isEqualTo(i16all(0xC000));
            assertThat(v128(I16X8_SHR_U, i16all(0x8000), scalar(1))).isEqualTo(i16all(0x4000));
            assertThat(v128(I32X4_SHR_S, i32(-16, 16, Integer.MIN_VALUE, 1), scalar(2))).isEqualTo(i32(-4, 4, -(1 << 29), 0));
            assertThat(v128(I64X2_SHR_S, i64(-16, 16), scalar(66))).isEqualTo(i64(-4, 4));
            assertThat(v128(I64X2_SHR_U, i64(-1, 16), scalar(60))).isEqualTo(i64(15, 0));
        }
    }

    @Nested
    class WidthChanges {

        @Test
        void narrowSaturatesSignedInputs() {
            long[] a = i16(0, 1, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x8000);
            long[] b = i16(0x7FFF, 0xFF80, 0xFF7F, 2, 3, 4, 5, 6);
            assertThat(v128(I8X16_NARROW_I16X8_S, a, b))
                    .isEqualTo(i8(0, 1, 0x7F, 0x7F, 0x7F, 0x7F, 0xFF, 0x80, 0x7F, 0x80, 0x80, 2, 3, 4, 5, 6));
            assertThat(v128(I8X16_NARROW_I16X8_U, a, b))
                    .isEqualTo(i8(0, 1, 0x7F, 0x80, 0xFF, 0xFF, 0, 0, 0xFF, 0, 0, 2, 3, 4, 5, 6));
            long[] c = i32(70000, -70000, 0x8000, -1);
            long[] d = i32(0xFFFF, 0x10000, 1, Integer.MIN_VALUE);
            assertThat(v128(I16X8_NARROW_I32X4_S, c, d)).isEqualTo(i16(0x7FFF, 0x8000, 0x7FFF, 0xFFFF, 0x7FFF, 0x7FFF, 1, 0x8000));
            assertThat(v128(I16X8_NARROW_I32X4_U, c, d)).isEqualTo(i16(0xFFFF, 0, 0x8000, 0, 0xFFFF, 0xFFFF, 1, 0));
        }

        @Test
        void extendTakesTheLowOrHighHalf() {
            long[] bytes = i8(1, 0xFF, 0x80, 0x7F, 0, 2, 3, 4, 0xFE, 5, 6, 7, 8, 9, 10, 0x81);
            assertThat(v128(I16X8_EXTEND_LOW_I8X16_S, bytes)).isEqualTo(i16(1, 0xFFFF, 0xFF80, 0x7F, 0, 2, 3, 4));
            assertThat(v128(I16X8_EXTEND_LOW_I8X16_U, bytes)).isEqualTo(i16(1, 0xFF, 0x80, 0x7F, 0, 2, 3, 4));
            assertThat(v128(I16X8_EXTEND_HIGH_I8X16_S, bytes)).isEqualTo(i16(0xFFFE, 5, 6, 7, 8, 9, 10, 0xFF81));
            assertThat(v128(I16X8_EXTEND_HIGH_I8X16_U, bytes)).isEqualTo(i16(0xFE, 5, 6, 7, 8, 9, 10, 0x81));
            long[] shorts = i16(0xFFFF, 2, 3, 0x8000, 5, 0xFFFE, 7, 8);
            assertThat(v128(I32X4_EXTEND_LOW_I16X8_S, shorts)).isEqualTo(i32(-1, 2, 3, -32768));
            assertThat(v128(I32X4_EXTEND_HIGH_I16X8_U, shorts)).isEqualTo(i32(5, 0xFFFE, 7, 8));
            long[] ints = i32(-1, 2, Integer.MIN_VALUE, -3);
            assertThat(v128(I64X2_EXTEND_LOW_I32X4_S, ints)).isEqualTo(i64(-1, 2));
            assertThat(v128(I64X2_EXTEND_LOW_I32X4_U, ints)).isEqualTo(i64(0xFFFF_FFFFL, 2));
            assertThat(v128(I64X2_EXTEND_HIGH_I32X4_S, ints)).isEqualTo(i64(Integer.MIN_VALUE, -3));
            assertThat(v128(I64X2_EXTEND_HIGH_I32X4_U, ints)).isEqualTo(i64(0x8000_0000L, 0xFFFF_FFFDL));
        }

        @Test
        void extaddPairwise() {
            long[] bytes = i8(0xFF, 0xFF, 0x80, 0x80, 1, 2, 0x7F, 0x7F, 0, 0, 3, 0xFD, 9, 1, 0xFF, 1);
            assertThat(v128(I16X8_EXTADD_PAIRWISE_I8X16_S, bytes)).isEqualTo(i16(0xFFFE, 0xFF00, 3, 0xFE, 0, 0, 10, 0));
            assertThat(v128(I16X8_EXTADD_PAIRWISE_I8X16_U, bytes)).isEqualTo(i16(0x1FE, 0x100, 3, 0xFE, 0, 0x100, 10, 0x100));
            long[] shorts = i16(0x8000, 0x8000, 0xFFFF, 0xFFFF, 1, 2, 0x7FFF, 0x7FFF);
            assertThat(v128(I32X4_EXTADD_PAIRWISE_I16X8_S, shorts)).isEqualTo(i32(-65536, -2, 3, 0xFFFE));
            assertThat(v128(I32X4_EXTADD_PAIRWISE_I16X8_U, shorts)).isEqualTo(i32(0x10000, 0x1FFFE, 3, 0xFFFE));
        }

        @Test
        void extmulMultipliesAtTwiceTheWidth() {
            long[] a = i8(0xFF, 0x80, 2, 3, 4, 5, 6, 7, 0x80, 0xFF, 1, 1, 1, 1, 1, 0x10);
            long[] b = i8(0xFF, 0x80, 3, 3, 3, 3, 3, 3, 0x7F, 0xFF, 2, 2, 2, 2, 2, 0x10);
            assertThat(v128(I16X8_EXTMUL_LOW_I8X16_S, a, b)).isEqualTo(i16(1, 0x4000, 6, 9, 12, 15, 18, 21));
            assertThat(v128(I16X8_EXTMUL_LOW_I8X16_U, a, b)).isEqualTo(i16(0xFE01, 0x4000, 6, 9, 12, 15, 18, 21));
            assertThat(v128(I16X8_EXTMUL_HIGH_I8X16_S, a, b)).isEqualTo(i16(0xC080, 1, 2, 2, 2, 2, 2, 0x100));
            assertThat(v128(I16X8_EXTMUL_HIGH_I8X16_U, a, b)).isEqualTo(i16(0x3F80, 0xFE01, 2, 2, 2, 2, 2, 0x100));
            long[] c = i16(0xFFFF, 0x8000, 3, 4, 0x8000, 0xFFFF, 2, 2);
            long[] d = i16(0xFFFF, 0x8000, 5, 6, 0x8000, 2, 2, 2);
            assertThat(v128(I32X4_EXTMUL_LOW_I16X8_S, c, d)).isEqualTo(i32(1, 0x4000_0000, 15, 24));
            assertThat(v128(I32X4_EXTMUL_LOW_I16X8_U, c, d)).isEqualTo(i32(0xFFFE_0001, 0x4000_0000, 15, 24));
            assertThat(v128(I32X4_EXTMUL_HIGH_I16X8_S, c, d)).isEqualTo(i32(0x4000_0000, -2, 4, 4));
            assertThat(v128(I32X4_EXTMUL_HIGH_I16X8_U, c, d)).isEqualTo(i32(0x4000_0000, 0x1FFFE, 4, 4));
            long[] e = i32(-1, Integer.MIN_VALUE, 3, -1);
            long[] f = i32(-1, Integer.MIN_VALUE, 5, 2);
            assertThat(v128(I64X2_EXTMUL_LOW_I32X4_S, e, f)).isEqualTo(i64(1, 1L << 62));
            assertThat(v128(I64X2_EXTMUL_LOW_I32X4_U, e, f)).isEqualTo(i64(0xFFFF_FFFE_0000_0001L, 1L << 62));
            assertThat(v128(I64X2_EXTMUL_HIGH_I32X4_S, e, f)).isEqualTo(i64(15, -2));
            assertThat(v128(I64X2_EXTMUL_HIGH_I32X4_U, e, f)).isEqualTo(i64(15, 0x1_FFFF_FFFEL));
        }
    }
}
