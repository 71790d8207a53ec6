package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.SimdOps.lane;
import static io.wasmspring.engine.interpreter.SimdOps.mask;
import static io.wasmspring.engine.interpreter.SimdOps.setLane;

/**
 * SIMD integer instructions (spec 4.3.2 integer operations, applied lane-wise, and the vector
 * instructions that change lane widths): add/sub/mul, saturating add/sub, neg/abs, min/max,
 * avgr_u, popcnt, q15mulr_sat_s, comparisons, shifts, narrow, extend, extadd_pairwise, extmul
 * and dot. Stack convention as in {@link SimdOps}.
 *
 * <p>Lane-wise operations are named by a kind ({@link #ADD_SAT_S} ...); the lane loop extends each
 * lane to a {@code long} (sign- or zero-, as the kind reads it) and applies a small per-lane
 * operation, with no function objects, so the JIT can inline it. Results are truncated to the
 * lane width when packed, which gives the modular (wrapping) arithmetic of the spec.
 */
final class SimdIntegerOps {

    private SimdIntegerOps() {
    }

    // ---- lane semantics -----------------------------------------------------------------------------

    /** The lane value {@code x} of {@code bits} bits, interpreted as signed. */
    static long signed(long x, int bits) {
        return bits == 64 ? x : x << (64 - bits) >> (64 - bits);
    }

    /** sat_s: {@code v} clamped to the signed range of {@code bits} bits. */
    static long saturateS(long v, int bits) {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        return v > max ? max : Math.max(v, min);
    }

    /** sat_u: {@code v} clamped to the unsigned range of {@code bits} bits. */
    static long saturateU(long v, int bits) {
        long max = (1L << bits) - 1;
        return v < 0 ? 0 : Math.min(v, max);
    }

    private static long truth(boolean b) {
        return b ? -1L : 0L;
    }

    // Lane operations, by kind. The comparisons come first, in opcode order, so the comparison
    // opcodes of a shape map to kinds by offset.
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT_S = 2;
    static final int LT_U = 3;
    static final int GT_S = 4;
    static final int GT_U = 5;
    static final int LE_S = 6;
    static final int LE_U = 7;
    static final int GE_S = 8;
    static final int GE_U = 9;
    static final int MUL = 10;
    static final int ADD_SAT_S = 11;
    static final int ADD_SAT_U = 12;
    static final int SUB_SAT_S = 13;
    static final int SUB_SAT_U = 14;
    static final int MIN_S = 15;
    static final int MIN_U = 16;
    static final int MAX_S = 17;
    static final int MAX_U = 18;
    /** avgr_u: rounding average, {@code (x + y + 1) / 2} without overflow (lanes are at most 16 bits). */
    static final int AVGR_U = 19;
    /** q15mulr_sat_s: Q15 fixed-point multiplication, rounded, saturated. */
    static final int Q15MULR_SAT_S = 20;
    /** abs: of the most negative value is itself (it wraps). */
    static final int ABS = 21;
    static final int NEG = 22;
    static final int POPCNT = 23;

    // After extension (sign- or zero-, by kind, decided once per instruction) a lane is a plain
    // long, so the lane loop needs only these operations; saturation clamps to [lo, hi].
    private static final int OP_EQ = 0;
    private static final int OP_NE = 1;
    private static final int OP_LT = 2;
    private static final int OP_GT = 3;
    private static final int OP_LE = 4;
    private static final int OP_GE = 5;
    private static final int OP_MUL = 6;
    private static final int OP_ADD_SAT = 7;
    private static final int OP_SUB_SAT = 8;
    private static final int OP_MIN = 9;
    private static final int OP_MAX = 10;
    private static final int OP_AVGR = 11;
    private static final int OP_Q15MULR_SAT = 12;
    private static final int OP_ABS = 13;
    private static final int OP_NEG = 14;
    private static final int OP_POPCNT = 15;

    /** Per kind: the lane operation, and whether lanes are read as signed. */
    private static final int[] OPERATION = {
        OP_EQ, OP_NE, OP_LT, OP_LT, OP_GT, OP_GT, OP_LE, OP_LE, OP_GE, OP_GE, OP_MUL,
        OP_ADD_SAT, OP_ADD_SAT, OP_SUB_SAT, OP_SUB_SAT, OP_MIN, OP_MIN, OP_MAX, OP_MAX,
        OP_AVGR, OP_Q15MULR_SAT, OP_ABS, OP_NEG, OP_POPCNT,
    };
    private static final boolean[] SIGNED_LANES = {
        false, false, true, false, true, false, true, false, true, false, false,
        true, false, true, false, true, false, true, false,
        false, true, true, false, false,
    };

    /**
     * One lane: {@code x}, {@code y} already extended as the kind reads them; the caller
     * truncates the result to the lane width. Small, so the JIT inlines it into the lane loop.
     */
    private static long laneOp(int operation, long x, long y, long lo, long hi) {
        return switch (operation) {
            case OP_EQ -> truth(x == y);
            case OP_NE -> truth(x != y);
            case OP_LT -> truth(x < y);
            case OP_GT -> truth(x > y);
            case OP_LE -> truth(x <= y);
            case OP_GE -> truth(x >= y);
            case OP_MUL -> x * y;
            case OP_ADD_SAT -> clamp(x + y, lo, hi);
            case OP_SUB_SAT -> clamp(x - y, lo, hi);
            case OP_MIN -> Math.min(x, y);
            case OP_MAX -> Math.max(x, y);
            case OP_AVGR -> (x + y + 1) >>> 1;
            case OP_Q15MULR_SAT -> clamp((x * y + 0x4000) >> 15, lo, hi);
            case OP_ABS -> Math.abs(x);
            case OP_NEG -> -x;
            default -> Long.bitCount(x);
        };
    }

    private static long clamp(long v, long lo, long hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    // ---- lane-wise application ----------------------------------------------------------------------

    /** Applies the lane operation {@code kind} to each pair of lanes of the two vectors on top of the stack. */
    static int binary(long[] s, int sp, int bits, int kind) {
        s[sp - 4] = lanewise(s[sp - 4], s[sp - 2], bits, kind);
        s[sp - 3] = lanewise(s[sp - 3], s[sp - 1], bits, kind);
        return sp - 2;
    }

    /** Applies the unary lane operation {@code kind} (abs, neg, popcnt) to each lane of the vector on top. */
    static int unary(long[] s, int sp, int bits, int kind) {
        s[sp - 2] = lanewise(s[sp - 2], 0, bits, kind);
        s[sp - 1] = lanewise(s[sp - 1], 0, bits, kind);
        return sp;
    }

    /**
     * One 64-bit half: {@code kind} applied to each pair of {@code bits}-bit lanes of {@code a}
     * and {@code b}. (i64x2 has only the operations where signedness does not matter or is signed.)
     */
    private static long lanewise(long a, long b, int bits, int kind) {
        int operation = OPERATION[kind];
        boolean signedLanes = SIGNED_LANES[kind];
        long lo = signedLanes ? -(1L << (bits - 1)) : 0;
        long hi = signedLanes ? (1L << (bits - 1)) - 1 : mask(bits);
        if (bits == 64) {
            return laneOp(operation, a, b, lo, hi);
        }
        long m = mask(bits);
        int extension = 64 - bits;
        long r = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            long x = a >>> shift & m;
            long y = b >>> shift & m;
            if (signedLanes) {
                x = x << extension >> extension;
                y = y << extension >> extension;
            }
            r |= (laneOp(operation, x, y, lo, hi) & m) << shift;
        }
        return r;
    }

    // ---- add and sub: the hot ones, computed on whole 64-bit halves ----------------------------------

    /** The top bit of every {@code bits}-bit lane of a half. */
    private static long topBits(int bits) {
        return switch (bits) {
            case 8 -> 0x8080_8080_8080_8080L;
            case 16 -> 0x8000_8000_8000_8000L;
            case 32 -> 0x8000_0000_8000_0000L;
            default -> Long.MIN_VALUE;
        };
    }

    /** {@code shape.add}: lane-wise wrapping addition; the top bits are added apart so no carry crosses a lane. */
    static int add(long[] s, int sp, int bits) {
        long h = topBits(bits);
        s[sp - 4] = ((s[sp - 4] & ~h) + (s[sp - 2] & ~h)) ^ ((s[sp - 4] ^ s[sp - 2]) & h);
        s[sp - 3] = ((s[sp - 3] & ~h) + (s[sp - 1] & ~h)) ^ ((s[sp - 3] ^ s[sp - 1]) & h);
        return sp - 2;
    }

    /** {@code shape.sub}: lane-wise wrapping subtraction; setting the top bits first keeps borrows inside a lane. */
    static int sub(long[] s, int sp, int bits) {
        long h = topBits(bits);
        s[sp - 4] = ((s[sp - 4] | h) - (s[sp - 2] & ~h)) ^ ((s[sp - 4] ^ ~s[sp - 2]) & h);
        s[sp - 3] = ((s[sp - 3] | h) - (s[sp - 1] & ~h)) ^ ((s[sp - 3] ^ ~s[sp - 1]) & h);
        return sp - 2;
    }

    // ---- shifts -------------------------------------------------------------------------------------

    /** Shift kinds. */
    static final int SHL = 0;
    static final int SHR_S = 1;
    static final int SHR_U = 2;

    /** {@code shape.shl/shr_s/shr_u} (v128 i32): every lane shifted by the count modulo the lane width. */
    static int shift(long[] s, int sp, int bits, int kind) {
        int count = (int) s[sp - 1] & (bits - 1);
        s[sp - 3] = shiftHalf(s[sp - 3], bits, kind, count);
        s[sp - 2] = shiftHalf(s[sp - 2], bits, kind, count);
        return sp - 1;
    }

    private static long shiftHalf(long a, int bits, int kind, int count) {
        long m = mask(bits);
        long r = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            long x = a >>> shift & m;
            long v = switch (kind) {
                case SHL -> x << count;
                case SHR_S -> signed(x, bits) >> count;
                default -> x >>> count;
            };
            r |= (v & m) << shift;
        }
        return r;
    }

    // ---- width-changing operations --------------------------------------------------------------------

    /**
     * {@code narrow_s/u}: the lanes of both operands (first operand's in the low half) each
     * narrowed to half the width, read as signed and saturated to the signed or unsigned range.
     */
    static int narrow(long[] s, int sp, int fromBits, boolean signedResult) {
        int toBits = fromBits / 2;
        int n = 128 / fromBits;
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        for (int i = 0; i < 2 * n; i++) {
            long x = i < n ? lane(a0, a1, fromBits, i) : lane(b0, b1, fromBits, i - n);
            long v = signed(x, fromBits);
            setLane(s, sp - 4, toBits, i, signedResult ? saturateS(v, toBits) : saturateU(v, toBits));
        }
        return sp - 2;
    }

    /** {@code extend_low/high_s/u}: the low or high half of the lanes, each extended to twice the width. */
    static int extend(long[] s, int sp, int fromBits, boolean high, boolean signedInput) {
        long a0 = s[sp - 2];
        long a1 = s[sp - 1];
        int n = 64 / fromBits;
        for (int i = 0; i < n; i++) {
            long x = lane(a0, a1, fromBits, high ? i + n : i);
            setLane(s, sp - 2, 2 * fromBits, i, signedInput ? signed(x, fromBits) : x);
        }
        return sp;
    }

    /** {@code extadd_pairwise_s/u}: each pair of adjacent lanes extended and added into one lane of twice the width. */
    static int extaddPairwise(long[] s, int sp, int fromBits, boolean signedInput) {
        long a0 = s[sp - 2];
        long a1 = s[sp - 1];
        for (int i = 0; i < 64 / fromBits; i++) {
            long x = lane(a0, a1, fromBits, 2 * i);
            long y = lane(a0, a1, fromBits, 2 * i + 1);
            long sum = signedInput ? signed(x, fromBits) + signed(y, fromBits) : x + y;
            setLane(s, sp - 2, 2 * fromBits, i, sum);
        }
        return sp;
    }

    /** {@code extmul_low/high_s/u}: lanes of the low or high halves extended, then multiplied at twice the width. */
    static int extmul(long[] s, int sp, int fromBits, boolean high, boolean signedInput) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        int n = 64 / fromBits;
        for (int i = 0; i < n; i++) {
            int from = high ? i + n : i;
            long x = lane(a0, a1, fromBits, from);
            long y = lane(b0, b1, fromBits, from);
            long product = signedInput ? signed(x, fromBits) * signed(y, fromBits) : x * y;
            setLane(s, sp - 4, 2 * fromBits, i, product);
        }
        return sp - 2;
    }

    /** i32x4.dot_i16x8_s: signed products of adjacent i16 lanes, summed in pairs (wrapping to i32). */
    static int i32x4DotI16x8S(long[] s, int sp) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        for (int i = 0; i < 4; i++) {
            long sum = 0;
            for (int j = 2 * i; j <= 2 * i + 1; j++) {
                sum += signed(lane(a0, a1, 16, j), 16) * signed(lane(b0, b1, 16, j), 16);
            }
            setLane(s, sp - 4, 32, i, sum);
        }
        return sp - 2;
    }

    // ---- dispatch -----------------------------------------------------------------------------------

    /**
     * Executes the integer SIMD instruction {@code simdOpcode} (sub-opcode after 0xFD); see
     * {@link SimdOps#execute}. Throws {@link IllegalArgumentException} for any other opcode.
     */
    static int execute(int simdOpcode, long[] s, int sp) {
        if (simdOpcode >= 0x23 && simdOpcode <= 0x40) {
            // i8x16, i16x8, i32x4: ten comparisons each, eq first.
            int index = simdOpcode - 0x23;
            return binary(s, sp, 8 << (index / 10), EQ + index % 10);
        }
        return switch (simdOpcode) {
            // i8x16
            case 0x60 -> unary(s, sp, 8, ABS);
            case 0x61 -> unary(s, sp, 8, NEG);
            case 0x62 -> unary(s, sp, 8, POPCNT);
            case 0x65 -> narrow(s, sp, 16, true);
            case 0x66 -> narrow(s, sp, 16, false);
            case 0x6B -> shift(s, sp, 8, SHL);
            case 0x6C -> shift(s, sp, 8, SHR_S);
            case 0x6D -> shift(s, sp, 8, SHR_U);
            case 0x6E -> add(s, sp, 8);
            case 0x6F -> binary(s, sp, 8, ADD_SAT_S);
            case 0x70 -> binary(s, sp, 8, ADD_SAT_U);
            case 0x71 -> sub(s, sp, 8);
            case 0x72 -> binary(s, sp, 8, SUB_SAT_S);
            case 0x73 -> binary(s, sp, 8, SUB_SAT_U);
            case 0x76 -> binary(s, sp, 8, MIN_S);
            case 0x77 -> binary(s, sp, 8, MIN_U);
            case 0x78 -> binary(s, sp, 8, MAX_S);
            case 0x79 -> binary(s, sp, 8, MAX_U);
            case 0x7B -> binary(s, sp, 8, AVGR_U);
            case 0x7C -> extaddPairwise(s, sp, 8, true);
            case 0x7D -> extaddPairwise(s, sp, 8, false);
            case 0x7E -> extaddPairwise(s, sp, 16, true);
            case 0x7F -> extaddPairwise(s, sp, 16, false);
            // i16x8
            case 0x80 -> unary(s, sp, 16, ABS);
            case 0x81 -> unary(s, sp, 16, NEG);
            case 0x82 -> binary(s, sp, 16, Q15MULR_SAT_S);
            case 0x85 -> narrow(s, sp, 32, true);
            case 0x86 -> narrow(s, sp, 32, false);
            case 0x87 -> extend(s, sp, 8, false, true);
            case 0x88 -> extend(s, sp, 8, true, true);
            case 0x89 -> extend(s, sp, 8, false, false);
            case 0x8A -> extend(s, sp, 8, true, false);
            case 0x8B -> shift(s, sp, 16, SHL);
            case 0x8C -> shift(s, sp, 16, SHR_S);
            case 0x8D -> shift(s, sp, 16, SHR_U);
            case 0x8E -> add(s, sp, 16);
            case 0x8F -> binary(s, sp, 16, ADD_SAT_S);
            case 0x90 -> binary(s, sp, 16, ADD_SAT_U);
            case 0x91 -> sub(s, sp, 16);
            case 0x92 -> binary(s, sp, 16, SUB_SAT_S);
            case 0x93 -> binary(s, sp, 16, SUB_SAT_U);
            case 0x95 -> binary(s, sp, 16, MUL);
            case 0x96 -> binary(s, sp, 16, MIN_S);
            case 0x97 -> binary(s, sp, 16, MIN_U);
            case 0x98 -> binary(s, sp, 16, MAX_S);
            case 0x99 -> binary(s, sp, 16, MAX_U);
            case 0x9B -> binary(s, sp, 16, AVGR_U);
            case 0x9C -> extmul(s, sp, 8, false, true);
            case 0x9D -> extmul(s, sp, 8, true, true);
            case 0x9E -> extmul(s, sp, 8, false, false);
            case 0x9F -> extmul(s, sp, 8, true, false);
            // i32x4
            case 0xA0 -> unary(s, sp, 32, ABS);
            case 0xA1 -> unary(s, sp, 32, NEG);
            case 0xA7 -> extend(s, sp, 16, false, true);
            case 0xA8 -> extend(s, sp, 16, true, true);
            case 0xA9 -> extend(s, sp, 16, false, false);
            case 0xAA -> extend(s, sp, 16, true, false);
            case 0xAB -> shift(s, sp, 32, SHL);
            case 0xAC -> shift(s, sp, 32, SHR_S);
            case 0xAD -> shift(s, sp, 32, SHR_U);
            case 0xAE -> add(s, sp, 32);
            case 0xB1 -> sub(s, sp, 32);
            case 0xB5 -> binary(s, sp, 32, MUL);
            case 0xB6 -> binary(s, sp, 32, MIN_S);
            case 0xB7 -> binary(s, sp, 32, MIN_U);
            case 0xB8 -> binary(s, sp, 32, MAX_S);
            case 0xB9 -> binary(s, sp, 32, MAX_U);
            case 0xBA -> i32x4DotI16x8S(s, sp);
            case 0xBC -> extmul(s, sp, 16, false, true);
            case 0xBD -> extmul(s, sp, 16, true, true);
            case 0xBE -> extmul(s, sp, 16, false, false);
            case 0xBF -> extmul(s, sp, 16, true, false);
            // i64x2
            case 0xC0 -> unary(s, sp, 64, ABS);
            case 0xC1 -> unary(s, sp, 64, NEG);
            case 0xC7 -> extend(s, sp, 32, false, true);
            case 0xC8 -> extend(s, sp, 32, true, true);
            case 0xC9 -> extend(s, sp, 32, false, false);
            case 0xCA -> extend(s, sp, 32, true, false);
            case 0xCB -> shift(s, sp, 64, SHL);
            case 0xCC -> shift(s, sp, 64, SHR_S);
            case 0xCD -> shift(s, sp, 64, SHR_U);
            case 0xCE -> add(s, sp, 64);
            case 0xD1 -> sub(s, sp, 64);
            case 0xD5 -> binary(s, sp, 64, MUL);
            case 0xD6 -> binary(s, sp, 64, EQ);
            case 0xD7 -> binary(s, sp, 64, NE);
            case 0xD8 -> binary(s, sp, 64, LT_S);
            case 0xD9 -> binary(s, sp, 64, GT_S);
            case 0xDA -> binary(s, sp, 64, LE_S);
            case 0xDB -> binary(s, sp, 64, GE_S);
            case 0xDC -> extmul(s, sp, 32, false, true);
            case 0xDD -> extmul(s, sp, 32, true, true);
            case 0xDE -> extmul(s, sp, 32, false, false);
            case 0xDF -> extmul(s, sp, 32, true, false);
            default -> throw new IllegalArgumentException("not a SIMD instruction without immediates: 0xfd 0x"
                    + Integer.toHexString(simdOpcode));
        };
    }
}
