package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.structure.Opcodes;

/**
 * Test helper for the SIMD helpers: builds v128 values (as {@code {low, high}}) from lanes,
 * reads lanes back, and runs an instruction on a value stack laid out as the interpreter's
 * (operands pushed in order, a v128 as two slots, low first), checking the returned stack pointer.
 */
final class SimdValues {

    private SimdValues() {
    }

    /** Slots below the operands, filled with a marker that no helper may touch. */
    static final int BASE = 3;
    static final long MARKER = 0x5A5A_5A5A_5A5A_5A5AL;

    static long[] lanes(int bits, long... values) {
        assertThat(values).hasSize(128 / bits);
        long[] v = new long[2];
        for (int i = 0; i < values.length; i++) {
            SimdOps.setLane(v, 0, bits, i, values[i]);
        }
        return v;
    }

    static long[] i8(int... values) {
        return lanes(8, java.util.Arrays.stream(values).asLongStream().toArray());
    }

    static long[] i16(int... values) {
        return lanes(16, java.util.Arrays.stream(values).asLongStream().toArray());
    }

    static long[] i32(int... values) {
        return lanes(32, java.util.Arrays.stream(values).asLongStream().toArray());
    }

    static long[] i64(long... values) {
        return lanes(64, values);
    }

    static long[] f32(float... values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return lanes(32, bits);
    }

    static long[] f32Bits(int... bits) {
        return i32(bits);
    }

    static long[] f64(double... values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return lanes(64, bits);
    }

    /** Lane {@code i} of {@code bits} bits, sign-extended. */
    static long signedLane(long[] v, int bits, int i) {
        long x = SimdOps.lane(v[0], v[1], bits, i);
        return bits == 64 ? x : x << (64 - bits) >> (64 - bits);
    }

    static float f32Lane(long[] v, int i) {
        return Float.intBitsToFloat((int) SimdOps.lane(v[0], v[1], 32, i));
    }

    static int f32LaneBits(long[] v, int i) {
        return (int) SimdOps.lane(v[0], v[1], 32, i);
    }

    static double f64Lane(long[] v, int i) {
        return Double.longBitsToDouble(v[i]);
    }

    /** A stack holding the marker below {@code operands} (each one or two slots), and its stack pointer. */
    static final class Stack {
        final long[] s = new long[32];
        int sp = BASE;

        Stack(long[]... operands) {
            java.util.Arrays.fill(s, MARKER);
            for (long[] operand : operands) {
                for (long slot : operand) {
                    s[sp++] = slot;
                }
            }
        }

        /** The {@code slots} slots on top, after checking the stack pointer and the untouched slots below. */
        long[] top(int slots, int expectedSp) {
            assertThat(sp).as("stack pointer").isEqualTo(expectedSp);
            for (int i = 0; i < BASE; i++) {
                assertThat(s[i]).as("slot below the operands").isEqualTo(MARKER);
            }
            return java.util.Arrays.copyOfRange(s, sp - slots, sp);
        }
    }

    /** Scalar operand slot. */
    static long[] scalar(long bits) {
        return new long[] {bits};
    }

    /** Runs the immediate-free SIMD {@code opcode} via {@link SimdOps#execute}; returns the v128 result. */
    static long[] v128(int opcode, long[]... operands) {
        Stack st = new Stack(operands);
        st.sp = SimdOps.execute(opcode - Opcodes.SIMD_BASE, st.s, st.sp);
        return st.top(2, BASE + 2);
    }

    /** Runs {@code opcode}, whose result is one scalar slot. */
    static long scalarResult(int opcode, long[]... operands) {
        Stack st = new Stack(operands);
        st.sp = SimdOps.execute(opcode - Opcodes.SIMD_BASE, st.s, st.sp);
        return st.top(1, BASE + 1)[0];
    }
}
