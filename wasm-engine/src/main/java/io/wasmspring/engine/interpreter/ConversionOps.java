package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.Trap;

/**
 * Conversions between integers and floats (spec 4.3.3): truncation that traps on NaN
 * ({@code invalid conversion to integer}) and out-of-range values ({@code integer overflow}),
 * its saturating forms, unsigned conversions to float rounded correctly, demote and promote.
 * Floats come and go as raw bits.
 */
final class ConversionOps {

    private ConversionOps() {
    }

    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709551616E19;

    private static double f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static void checkNotNaN(double d) {
        if (d != d) {
            throw new Trap(Trap.INVALID_CONVERSION);
        }
    }

    // ---- trapping truncation (every f32 is exactly a double, so one double path serves both) ----

    static int i32TruncS(double d) {
        checkNotNaN(d);
        if (!(d > -2147483649.0 && d < 2147483648.0)) {
            throw new Trap(Trap.INTEGER_OVERFLOW);
        }
        return (int) d;
    }

    static int i32TruncU(double d) {
        checkNotNaN(d);
        if (!(d > -1.0 && d < 4294967296.0)) {
            throw new Trap(Trap.INTEGER_OVERFLOW);
        }
        return (int) (long) d;
    }

    static long i64TruncS(double d) {
        checkNotNaN(d);
        if (!(d >= -TWO_63 && d < TWO_63)) {
            throw new Trap(Trap.INTEGER_OVERFLOW);
        }
        return (long) d;
    }

    static long i64TruncU(double d) {
        checkNotNaN(d);
        if (!(d > -1.0 && d < TWO_64)) {
            throw new Trap(Trap.INTEGER_OVERFLOW);
        }
        return unsignedLong(d);
    }

    /** {@code d} in [0, 2^64), truncated to an unsigned 64-bit integer. */
    private static long unsignedLong(double d) {
        if (d < TWO_63) {
            return (long) d;
        }
        return (long) (d - TWO_63) + Long.MIN_VALUE;
    }

    static int i32TruncF32S(long bits) {
        return i32TruncS(f32(bits));
    }

    static int i32TruncF32U(long bits) {
        return i32TruncU(f32(bits));
    }

    static int i32TruncF64S(long bits) {
        return i32TruncS(f64(bits));
    }

    static int i32TruncF64U(long bits) {
        return i32TruncU(f64(bits));
    }

    static long i64TruncF32S(long bits) {
        return i64TruncS(f32(bits));
    }

    static long i64TruncF32U(long bits) {
        return i64TruncU(f32(bits));
    }

    static long i64TruncF64S(long bits) {
        return i64TruncS(f64(bits));
    }

    static long i64TruncF64U(long bits) {
        return i64TruncU(f64(bits));
    }

    // ---- saturating truncation: NaN is 0, out of range clamps ----

    static int i32TruncSatS(double d) {
        return (int) d; // Java's narrowing already saturates and maps NaN to 0
    }

    static int i32TruncSatU(double d) {
        if (!(d > 0)) {
            return 0;
        }
        return d >= 4294967296.0 ? -1 : (int) (long) d;
    }

    static long i64TruncSatS(double d) {
        return (long) d;
    }

    static long i64TruncSatU(double d) {
        if (!(d > 0)) {
            return 0;
        }
        return d >= TWO_64 ? -1L : unsignedLong(d);
    }

    static long truncSat(int op, long bits) {
        return switch (op) {
            case Op.I32_TRUNC_SAT_F32_S -> i32TruncSatS(f32(bits));
            case Op.I32_TRUNC_SAT_F32_U -> i32TruncSatU(f32(bits));
            case Op.I32_TRUNC_SAT_F64_S -> i32TruncSatS(f64(bits));
            case Op.I32_TRUNC_SAT_F64_U -> i32TruncSatU(f64(bits));
            case Op.I64_TRUNC_SAT_F32_S -> i64TruncSatS(f32(bits));
            case Op.I64_TRUNC_SAT_F32_U -> i64TruncSatU(f32(bits));
            case Op.I64_TRUNC_SAT_F64_S -> i64TruncSatS(f64(bits));
            case Op.I64_TRUNC_SAT_F64_U -> i64TruncSatU(f64(bits));
            default -> throw new IllegalArgumentException("not a saturating truncation: " + op);
        };
    }

    // ---- integer to float ----

    static int f32ConvertI32U(long v) {
        return Float.floatToRawIntBits((float) (v & 0xFFFF_FFFFL));
    }

    /** Unsigned 64-bit to f32: halve with the lost bit kept sticky, so there is only one rounding. */
    static int f32ConvertI64U(long v) {
        float f = v >= 0 ? (float) v : (float) ((v >>> 1) | (v & 1)) * 2f;
        return Float.floatToRawIntBits(f);
    }

    static long f64ConvertI32U(long v) {
        return Double.doubleToRawLongBits((double) (v & 0xFFFF_FFFFL));
    }

    static long f64ConvertI64U(long v) {
        double d = v >= 0 ? (double) v : (double) ((v >>> 1) | (v & 1)) * 2.0;
        return Double.doubleToRawLongBits(d);
    }

    static int f32DemoteF64(long bits) {
        return Float.floatToRawIntBits((float) f64(bits));
    }

    static long f64PromoteF32(long bits) {
        return Double.doubleToRawLongBits(f32(bits));
    }
}
