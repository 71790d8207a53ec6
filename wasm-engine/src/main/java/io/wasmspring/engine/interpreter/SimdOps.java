package io.wasmspring.engine.interpreter;

/**
 * SIMD (spec 4.4.3 "Vector Instructions"): the v128 representation, lane access, and the
 * instructions that move lanes around without arithmetic — constants, splat, extract/replace
 * lane, shuffle, swizzle, the bitwise operations and the all/any/bitmask tests. Arithmetic lives
 * in {@link SimdIntegerOps} and {@link SimdFloatOps}, conversions in {@link SimdConversionOps},
 * memory accesses in {@link SimdMemoryOps}; {@link #execute} dispatches every instruction
 * without immediates.
 *
 * <h2>Calling convention</h2>
 * A v128 value occupies two consecutive slots of the value stack: the low 64 bits (lanes
 * 0.. in little-endian order: byte lane 0 is bits 0-7 of the low slot) first, the high 64 bits
 * in the next slot. Every helper has the form {@code int op(long[] s, int sp, immediates...)}: it
 * pops its operands from {@code s} below the stack pointer {@code sp} (the first free slot, as in
 * the dispatch loop), pushes its result in place, and returns the new stack pointer. So a binary
 * v128 operation reads {@code s[sp-4..sp-3]} (first operand) and {@code s[sp-2..sp-1]} (second)
 * and returns {@code sp - 2}; a scalar operand (i32, i64, f32 or f64 as raw bits) is one slot,
 * of which an i32 or f32 reader looks at the low 32 bits only. Helpers allocate nothing.
 */
final class SimdOps {

    private SimdOps() {
    }

    // ---- lanes ----------------------------------------------------------------------------------

    /** Mask of a lane of {@code bits} bits (8, 16, 32 or 64). */
    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** Lane {@code i} (of {@code bits} bits, zero-extended) of the vector {@code (lo, hi)}. */
    static long lane(long lo, long hi, int bits, int i) {
        int bit = i * bits;
        long half = bit < 64 ? lo : hi;
        return bits == 64 ? half : (half >>> (bit & 63)) & mask(bits);
    }

    /** Sets lane {@code i} (of {@code bits} bits) of the vector in {@code s[at]}, {@code s[at+1]}. */
    static void setLane(long[] s, int at, int bits, int i, long value) {
        int bit = i * bits;
        int slot = at + (bit >>> 6);
        int shift = bit & 63;
        long m = mask(bits) << shift;
        s[slot] = (s[slot] & ~m) | ((value << shift) & m);
    }

    /** A 64-bit half with every {@code bits}-bit lane set to {@code value}. */
    static long splatHalf(long value, int bits) {
        long v = value & mask(bits);
        long half = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            half |= v << shift;
        }
        return half;
    }

    // ---- v128.const, splat, lanes -----------------------------------------------------------------

    /** v128.const: pushes the 128-bit immediate {@code (lo, hi)}. */
    static int v128Const(long[] s, int sp, long lo, long hi) {
        s[sp] = lo;
        s[sp + 1] = hi;
        return sp + 2;
    }

    /** {@code shape.splat}: the scalar on top becomes every lane of a vector of {@code bits}-bit lanes. */
    static int splat(long[] s, int sp, int bits) {
        long half = splatHalf(s[sp - 1], bits);
        s[sp - 1] = half;
        s[sp] = half;
        return sp + 1;
    }

    static int i8x16Splat(long[] s, int sp) {
        return splat(s, sp, 8);
    }

    static int i16x8Splat(long[] s, int sp) {
        return splat(s, sp, 16);
    }

    /** Also f32x4.splat: a lane holds the f32's bits. */
    static int i32x4Splat(long[] s, int sp) {
        return splat(s, sp, 32);
    }

    /** Also f64x2.splat. */
    static int i64x2Splat(long[] s, int sp) {
        return splat(s, sp, 64);
    }

    /** i8x16.extract_lane_s: the lane sign-extended to i32. */
    static int i8x16ExtractLaneS(long[] s, int sp, int lane) {
        s[sp - 2] = (byte) lane(s[sp - 2], s[sp - 1], 8, lane);
        return sp - 1;
    }

    static int i8x16ExtractLaneU(long[] s, int sp, int lane) {
        s[sp - 2] = lane(s[sp - 2], s[sp - 1], 8, lane);
        return sp - 1;
    }

    static int i16x8ExtractLaneS(long[] s, int sp, int lane) {
        s[sp - 2] = (short) lane(s[sp - 2], s[sp - 1], 16, lane);
        return sp - 1;
    }

    static int i16x8ExtractLaneU(long[] s, int sp, int lane) {
        s[sp - 2] = lane(s[sp - 2], s[sp - 1], 16, lane);
        return sp - 1;
    }

    /** i32x4.extract_lane and f32x4.extract_lane (the f32's bits, zero-extended). */
    static int i32x4ExtractLane(long[] s, int sp, int lane) {
        s[sp - 2] = lane(s[sp - 2], s[sp - 1], 32, lane);
        return sp - 1;
    }

    /** i64x2.extract_lane and f64x2.extract_lane. */
    static int i64x2ExtractLane(long[] s, int sp, int lane) {
        s[sp - 2] = lane == 0 ? s[sp - 2] : s[sp - 1];
        return sp - 1;
    }

    /** {@code shape.replace_lane}: the vector below the scalar with lane {@code lane} set to the scalar. */
    static int replaceLane(long[] s, int sp, int bits, int lane) {
        setLane(s, sp - 3, bits, lane, s[sp - 1]);
        return sp - 1;
    }

    static int i8x16ReplaceLane(long[] s, int sp, int lane) {
        return replaceLane(s, sp, 8, lane);
    }

    static int i16x8ReplaceLane(long[] s, int sp, int lane) {
        return replaceLane(s, sp, 16, lane);
    }

    /** Also f32x4.replace_lane. */
    static int i32x4ReplaceLane(long[] s, int sp, int lane) {
        return replaceLane(s, sp, 32, lane);
    }

    /** Also f64x2.replace_lane. */
    static int i64x2ReplaceLane(long[] s, int sp, int lane) {
        return replaceLane(s, sp, 64, lane);
    }

    /**
     * i8x16.shuffle: result byte {@code i} is byte {@code lanes[i]} of the 32 bytes of both
     * operands (first operand's bytes 0-15, second's 16-31). The 16 lane indices, already
     * validated below 32, come packed little-endian in two longs as in the binary.
     */
    static int i8x16Shuffle(long[] s, int sp, long lanesLo, long lanesHi) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        long r0 = 0;
        long r1 = 0;
        for (int i = 0; i < 8; i++) {
            r0 |= shuffleByte(a0, a1, b0, b1, (int) (lanesLo >>> (8 * i)) & 31) << (8 * i);
            r1 |= shuffleByte(a0, a1, b0, b1, (int) (lanesHi >>> (8 * i)) & 31) << (8 * i);
        }
        s[sp - 4] = r0;
        s[sp - 3] = r1;
        return sp - 2;
    }

    private static long shuffleByte(long a0, long a1, long b0, long b1, int index) {
        long half = index < 8 ? a0 : index < 16 ? a1 : index < 24 ? b0 : b1;
        return (half >>> (8 * (index & 7))) & 0xFF;
    }

    /** i8x16.swizzle: result byte {@code i} is byte {@code b[i]} of {@code a}, or 0 when that index is 16 or more. */
    static int i8x16Swizzle(long[] s, int sp) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        s[sp - 4] = swizzleHalf(a0, a1, b0);
        s[sp - 3] = swizzleHalf(a0, a1, b1);
        return sp - 2;
    }

    private static long swizzleHalf(long a0, long a1, long indices) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int index = (int) (indices >>> (8 * i)) & 0xFF;
            if (index < 16) {
                r |= ((index < 8 ? a0 : a1) >>> (8 * (index & 7)) & 0xFF) << (8 * i);
            }
        }
        return r;
    }

    // ---- bitwise ------------------------------------------------------------------------------------

    static int v128Not(long[] s, int sp) {
        s[sp - 2] = ~s[sp - 2];
        s[sp - 1] = ~s[sp - 1];
        return sp;
    }

    static int v128And(long[] s, int sp) {
        s[sp - 4] &= s[sp - 2];
        s[sp - 3] &= s[sp - 1];
        return sp - 2;
    }

    /** v128.andnot: {@code a & ~b}. */
    static int v128AndNot(long[] s, int sp) {
        s[sp - 4] &= ~s[sp - 2];
        s[sp - 3] &= ~s[sp - 1];
        return sp - 2;
    }

    static int v128Or(long[] s, int sp) {
        s[sp - 4] |= s[sp - 2];
        s[sp - 3] |= s[sp - 1];
        return sp - 2;
    }

    static int v128Xor(long[] s, int sp) {
        s[sp - 4] ^= s[sp - 2];
        s[sp - 3] ^= s[sp - 1];
        return sp - 2;
    }

    /** v128.bitselect (v1 v2 c): bits of v1 where c is 1, of v2 where c is 0. */
    static int v128Bitselect(long[] s, int sp) {
        long c0 = s[sp - 2];
        long c1 = s[sp - 1];
        s[sp - 6] = (s[sp - 6] & c0) | (s[sp - 4] & ~c0);
        s[sp - 5] = (s[sp - 5] & c1) | (s[sp - 3] & ~c1);
        return sp - 4;
    }

    // ---- tests ------------------------------------------------------------------------------------

    /** v128.any_true: 1 when any bit is set. */
    static int v128AnyTrue(long[] s, int sp) {
        s[sp - 2] = (s[sp - 2] | s[sp - 1]) != 0 ? 1 : 0;
        return sp - 1;
    }

    /** {@code shape.all_true}: 1 when every lane of {@code bits} bits is non-zero. */
    static int allTrue(long[] s, int sp, int bits) {
        long lo = s[sp - 2];
        long hi = s[sp - 1];
        int result = 1;
        for (int i = 0; i < 128 / bits; i++) {
            if (lane(lo, hi, bits, i) == 0) {
                result = 0;
                break;
            }
        }
        s[sp - 2] = result;
        return sp - 1;
    }

    /** {@code shape.bitmask}: bit {@code i} of the i32 result is the top bit of lane {@code i}. */
    static int bitmask(long[] s, int sp, int bits) {
        long lo = s[sp - 2];
        long hi = s[sp - 1];
        int result = 0;
        for (int i = 0; i < 128 / bits; i++) {
            result |= (int) (lane(lo, hi, bits, i) >>> (bits - 1) & 1) << i;
        }
        s[sp - 2] = result;
        return sp - 1;
    }

    // ---- dispatch -----------------------------------------------------------------------------------

    /**
     * Executes the SIMD instruction {@code simdOpcode} (the sub-opcode after the 0xFD prefix),
     * which must be one without immediates: everything except the memory instructions,
     * {@code v128.const}, {@code i8x16.shuffle} and the extract/replace lane instructions.
     * Returns the new stack pointer. Kept out of the dispatch loop so the loop stays small.
     */
    static int execute(int simdOpcode, long[] s, int sp) {
        return switch (simdOpcode) {
            case 0x0E -> i8x16Swizzle(s, sp);
            case 0x0F -> splat(s, sp, 8);
            case 0x10 -> splat(s, sp, 16);
            case 0x11, 0x13 -> splat(s, sp, 32);
            case 0x12, 0x14 -> splat(s, sp, 64);
            case 0x4D -> v128Not(s, sp);
            case 0x4E -> v128And(s, sp);
            case 0x4F -> v128AndNot(s, sp);
            case 0x50 -> v128Or(s, sp);
            case 0x51 -> v128Xor(s, sp);
            case 0x52 -> v128Bitselect(s, sp);
            case 0x53 -> v128AnyTrue(s, sp);
            case 0x63 -> allTrue(s, sp, 8);
            case 0x83 -> allTrue(s, sp, 16);
            case 0xA3 -> allTrue(s, sp, 32);
            case 0xC3 -> allTrue(s, sp, 64);
            case 0x64 -> bitmask(s, sp, 8);
            case 0x84 -> bitmask(s, sp, 16);
            case 0xA4 -> bitmask(s, sp, 32);
            case 0xC4 -> bitmask(s, sp, 64);
            case 0x5E -> SimdConversionOps.f32x4DemoteF64x2Zero(s, sp);
            case 0x5F -> SimdConversionOps.f64x2PromoteLowF32x4(s, sp);
            case 0xF8 -> SimdConversionOps.i32x4TruncSatF32x4S(s, sp);
            case 0xF9 -> SimdConversionOps.i32x4TruncSatF32x4U(s, sp);
            case 0xFA -> SimdConversionOps.f32x4ConvertI32x4S(s, sp);
            case 0xFB -> SimdConversionOps.f32x4ConvertI32x4U(s, sp);
            case 0xFC -> SimdConversionOps.i32x4TruncSatF64x2SZero(s, sp);
            case 0xFD -> SimdConversionOps.i32x4TruncSatF64x2UZero(s, sp);
            case 0xFE -> SimdConversionOps.f64x2ConvertLowI32x4S(s, sp);
            case 0xFF -> SimdConversionOps.f64x2ConvertLowI32x4U(s, sp);
            default -> {
                int next = SimdFloatOps.execute(simdOpcode, s, sp);
                yield next >= 0 ? next : SimdIntegerOps.execute(simdOpcode, s, sp);
            }
        };
    }
}
