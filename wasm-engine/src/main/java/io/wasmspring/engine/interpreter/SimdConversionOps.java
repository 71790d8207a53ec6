package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.NumericOps.f32;
import static io.wasmspring.engine.interpreter.NumericOps.f64;

/**
 * SIMD conversions between integer and float lanes (spec 4.3.4, lane-wise): convert,
 * saturating truncation (NaN to 0, out-of-range to the nearest bound), demote to the low two
 * f32 lanes with zeros above, promote of the low two f32 lanes, and convert of the low two i32
 * lanes. Stack convention as in {@link SimdOps}; each is a unary v128 operation, in place.
 */
final class SimdConversionOps {

    private SimdConversionOps() {
    }

    private static long pack(int low, int high) {
        return (long) high << 32 | (low & 0xFFFF_FFFFL);
    }

    /** i32x4.trunc_sat_f32x4_s. */
    static int i32x4TruncSatF32x4S(long[] s, int sp) {
        for (int slot = sp - 2; slot < sp; slot++) {
            long v = s[slot];
            s[slot] = pack(ConversionOps.i32TruncSatS(f32(v)), ConversionOps.i32TruncSatS(f32(v >>> 32)));
        }
        return sp;
    }

    /** i32x4.trunc_sat_f32x4_u. */
    static int i32x4TruncSatF32x4U(long[] s, int sp) {
        for (int slot = sp - 2; slot < sp; slot++) {
            long v = s[slot];
            s[slot] = pack(ConversionOps.i32TruncSatU(f32(v)), ConversionOps.i32TruncSatU(f32(v >>> 32)));
        }
        return sp;
    }

    /** f32x4.convert_i32x4_s: rounded to nearest, ties to even. */
    static int f32x4ConvertI32x4S(long[] s, int sp) {
        for (int slot = sp - 2; slot < sp; slot++) {
            long v = s[slot];
            s[slot] = pack(Float.floatToRawIntBits((float) (int) v), Float.floatToRawIntBits((float) (int) (v >>> 32)));
        }
        return sp;
    }

    /** f32x4.convert_i32x4_u. */
    static int f32x4ConvertI32x4U(long[] s, int sp) {
        for (int slot = sp - 2; slot < sp; slot++) {
            long v = s[slot];
            s[slot] = pack(ConversionOps.f32ConvertI32U(v), ConversionOps.f32ConvertI32U(v >>> 32));
        }
        return sp;
    }

    /** i32x4.trunc_sat_f64x2_s_zero: the two f64 lanes to the low two i32 lanes, the high two zero. */
    static int i32x4TruncSatF64x2SZero(long[] s, int sp) {
        s[sp - 2] = pack(ConversionOps.i32TruncSatS(f64(s[sp - 2])), ConversionOps.i32TruncSatS(f64(s[sp - 1])));
        s[sp - 1] = 0;
        return sp;
    }

    /** i32x4.trunc_sat_f64x2_u_zero. */
    static int i32x4TruncSatF64x2UZero(long[] s, int sp) {
        s[sp - 2] = pack(ConversionOps.i32TruncSatU(f64(s[sp - 2])), ConversionOps.i32TruncSatU(f64(s[sp - 1])));
        s[sp - 1] = 0;
        return sp;
    }

    /** f64x2.convert_low_i32x4_s: the low two i32 lanes, exactly. */
    static int f64x2ConvertLowI32x4S(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = Double.doubleToRawLongBits((int) v);
        s[sp - 1] = Double.doubleToRawLongBits((int) (v >>> 32));
        return sp;
    }

    /** f64x2.convert_low_i32x4_u. */
    static int f64x2ConvertLowI32x4U(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = ConversionOps.f64ConvertI32U(v);
        s[sp - 1] = ConversionOps.f64ConvertI32U(v >>> 32);
        return sp;
    }

    /**
     * f32x4.demote_f64x2_zero: the two f64 lanes rounded to the low two f32 lanes, the high two
     * zero. A NaN stays NaN with its quiet bit set (an arithmetic NaN; canonical stays canonical).
     */
    static int f32x4DemoteF64x2Zero(long[] s, int sp) {
        s[sp - 2] = pack(demote(s[sp - 2]), demote(s[sp - 1]));
        s[sp - 1] = 0;
        return sp;
    }

    private static int demote(long bits) {
        double d = f64(bits);
        return d != d ? (int) (bits >>> 63 << 31) | 0x7FC0_0000 | (int) (bits >>> 29) & 0x003F_FFFF
                : Float.floatToRawIntBits((float) d);
    }

    /** f64x2.promote_low_f32x4: the low two f32 lanes, exactly; a NaN keeps its payload, quieted. */
    static int f64x2PromoteLowF32x4(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = promote((int) v);
        s[sp - 1] = promote((int) (v >>> 32));
        return sp;
    }

    private static long promote(int bits) {
        float f = Float.intBitsToFloat(bits);
        return f != f ? (long) (bits >>> 31) << 63 | 0x7FF8_0000_0000_0000L | (long) (bits & 0x003F_FFFF) << 29
                : Double.doubleToRawLongBits(f);
    }
}
