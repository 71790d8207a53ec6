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
 * <p>Lane operations see each lane zero-extended to a {@code long} together with the lane width;
 * signed operations sign-extend with {@link #signed}. Results are truncated to the lane width
 * when packed, which gives the modular (wrapping) arithmetic of the spec.
 */
final class SimdIntegerOps {

    private SimdIntegerOps() {
    }

    /** A lane-wise binary operation on zero-extended lanes of {@code bits} bits. */
    @FunctionalInterface
    interface LaneBinary {
        long apply(long x, long y, int bits);
    }

    /** A lane-wise unary operation on a zero-extended lane of {@code bits} bits. */
    @FunctionalInterface
    interface LaneUnary {
        long apply(long x, int bits);
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

    static final LaneBinary ADD = (x, y, b) -> x + y;
    static final LaneBinary SUB = (x, y, b) -> x - y;
    static final LaneBinary MUL = (x, y, b) -> x * y;
    static final LaneBinary ADD_SAT_S = (x, y, b) -> saturateS(signed(x, b) + signed(y, b), b);
    static final LaneBinary ADD_SAT_U = (x, y, b) -> saturateU(x + y, b);
    static final LaneBinary SUB_SAT_S = (x, y, b) -> saturateS(signed(x, b) - signed(y, b), b);
    static final LaneBinary SUB_SAT_U = (x, y, b) -> saturateU(x - y, b);
    static final LaneBinary MIN_S = (x, y, b) -> signed(x, b) <= signed(y, b) ? x : y;
    static final LaneBinary MIN_U = (x, y, b) -> Long.compareUnsigned(x, y) <= 0 ? x : y;
    static final LaneBinary MAX_S = (x, y, b) -> signed(x, b) >= signed(y, b) ? x : y;
    static final LaneBinary MAX_U = (x, y, b) -> Long.compareUnsigned(x, y) >= 0 ? x : y;
    /** avgr_u: rounding average, {@code (x + y + 1) / 2} without overflow (lanes are at most 16 bits). */
    static final LaneBinary AVGR_U = (x, y, b) -> (x + y + 1) >>> 1;
    /** q15mulr_sat_s: Q15 fixed-point multiplication, rounded, saturated. */
    static final LaneBinary Q15MULR_SAT_S = (x, y, b) -> saturateS((signed(x, b) * signed(y, b) + 0x4000) >> 15, b);
    static final LaneBinary EQ = (x, y, b) -> truth(x == y);
    static final LaneBinary NE = (x, y, b) -> truth(x != y);
    static final LaneBinary LT_S = (x, y, b) -> truth(signed(x, b) < signed(y, b));
    static final LaneBinary LT_U = (x, y, b) -> truth(Long.compareUnsigned(x, y) < 0);
    static final LaneBinary GT_S = (x, y, b) -> truth(signed(x, b) > signed(y, b));
    static final LaneBinary GT_U = (x, y, b) -> truth(Long.compareUnsigned(x, y) > 0);
    static final LaneBinary LE_S = (x, y, b) -> truth(signed(x, b) <= signed(y, b));
    static final LaneBinary LE_U = (x, y, b) -> truth(Long.compareUnsigned(x, y) <= 0);
    static final LaneBinary GE_S = (x, y, b) -> truth(signed(x, b) >= signed(y, b));
    static final LaneBinary GE_U = (x, y, b) -> truth(Long.compareUnsigned(x, y) >= 0);

    /** The comparisons in opcode order: eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u. */
    private static final LaneBinary[] COMPARISONS = {EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_S, LE_U, GE_S, GE_U};

    /** abs: of the most negative value is itself (it wraps). */
    static final LaneUnary ABS = (x, b) -> Math.abs(signed(x, b));
    static final LaneUnary NEG = (x, b) -> -x;
    static final LaneUnary POPCNT = (x, b) -> Long.bitCount(x);

    // ---- lane-wise application ----------------------------------------------------------------------

    /** Applies {@code op} to each pair of lanes of the two vectors on top of the stack. */
    static int binary(long[] s, int sp, int bits, LaneBinary op) {
        s[sp - 4] = binaryHalf(s[sp - 4], s[sp - 2], bits, op);
        s[sp - 3] = binaryHalf(s[sp - 3], s[sp - 1], bits, op);
        return sp - 2;
    }

    private static long binaryHalf(long a, long b, int bits, LaneBinary op) {
        if (bits == 64) {
            return op.apply(a, b, 64);
        }
        long m = mask(bits);
        long r = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            r |= (op.apply(a >>> shift & m, b >>> shift & m, bits) & m) << shift;
        }
        return r;
    }

    /** Applies {@code op} to each lane of the vector on top of the stack. */
    static int unary(long[] s, int sp, int bits, LaneUnary op) {
        s[sp - 2] = unaryHalf(s[sp - 2], bits, op);
        s[sp - 1] = unaryHalf(s[sp - 1], bits, op);
        return sp;
    }

    private static long unaryHalf(long a, int bits, LaneUnary op) {
        if (bits == 64) {
            return op.apply(a, 64);
        }
        long m = mask(bits);
        long r = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            r |= (op.apply(a >>> shift & m, bits) & m) << shift;
        }
        return r;
    }

    /** The comparison number {@code index} (opcode order, eq = 0) of the shape with {@code bits}-bit lanes. */
    static int compare(long[] s, int sp, int bits, int index) {
        return binary(s, sp, bits, COMPARISONS[index]);
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
            int index = simdOpcode - 0x23;
            return compare(s, sp, 8 << (index / 10), index % 10);
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
            case 0x6E -> binary(s, sp, 8, ADD);
            case 0x6F -> binary(s, sp, 8, ADD_SAT_S);
            case 0x70 -> binary(s, sp, 8, ADD_SAT_U);
            case 0x71 -> binary(s, sp, 8, SUB);
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
            case 0x8E -> binary(s, sp, 16, ADD);
            case 0x8F -> binary(s, sp, 16, ADD_SAT_S);
            case 0x90 -> binary(s, sp, 16, ADD_SAT_U);
            case 0x91 -> binary(s, sp, 16, SUB);
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
            case 0xAE -> binary(s, sp, 32, ADD);
            case 0xB1 -> binary(s, sp, 32, SUB);
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
            case 0xCE -> binary(s, sp, 64, ADD);
            case 0xD1 -> binary(s, sp, 64, SUB);
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
