package io.wasmspring.engine.text;

import java.math.BigInteger;

/**
 * Numeric literals of the text format (spec section "Numbers"): integers in decimal or hex with
 * {@code _} separators, range-checked per type, and floats (decimal, hexadecimal, {@code inf},
 * {@code nan}, {@code nan:0x...}) rounded to nearest-even directly to the target width.
 */
public final class NumberLiterals {

    private NumberLiterals() {
    }

    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);

    /** Digits of {@code radix}, at least one, with single underscores only between digits. */
    static boolean wellFormedDigits(String s, int radix) {
        if (s.isEmpty() || s.charAt(0) == '_' || s.charAt(s.length() - 1) == '_') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (s.charAt(i - 1) == '_') {
                    return false;
                }
            } else if (Character.digit(c, radix) < 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** An unsigned literal (no sign): decimal or {@code 0x} hex; null if not well formed. */
    static BigInteger unsigned(String s) {
        if (s.startsWith("0x")) {
            String digits = s.substring(2);
            return wellFormedDigits(digits, 16) ? new BigInteger(digits.replace("_", ""), 16) : null;
        }
        return wellFormedDigits(s, 10) ? new BigInteger(s.replace("_", ""), 10) : null;
    }

    /** A u32 such as an index, a limit, an offset or an alignment. */
    public static long parseU32(Token t) {
        BigInteger v = t.kind() == Token.Kind.ATOM ? unsigned(t.text()) : null;
        if (v == null) {
            throw t.error("unknown operator: expected a number, found " + t.text());
        }
        if (v.compareTo(TWO_32) >= 0) {
            throw t.error("i32 constant out of range: " + t.text());
        }
        return v.longValue();
    }

    /** True when {@code text} is an unsigned integer literal. */
    static boolean isUnsigned(String text) {
        return unsigned(text) != null;
    }

    /**
     * An {@code i32} or {@code i64} literal: signed or unsigned, from -2^(N-1) to 2^N-1; the result
     * holds the two's-complement bits (i32 in the low 32 bits, zero-extended).
     */
    public static long parseInteger(Token t, int bits) {
        String s = t.kind() == Token.Kind.ATOM ? t.text() : "";
        boolean negative = s.startsWith("-");
        String magnitude = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        BigInteger v = unsigned(magnitude);
        if (v == null) {
            throw malformed(t, "i" + bits);
        }
        BigInteger limit = negative ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (v.compareTo(limit) > 0) {
            throw t.error("constant out of range: i" + bits + " " + t.text());
        }
        long value = negative ? v.negate().longValue() : v.longValue();
        return bits < 64 ? value & ((1L << bits) - 1) : value;
    }

    /** The IEEE bits of an {@code f32} literal. */
    public static int parseF32(Token t) {
        return (int) parseFloat(t, 23, 8);
    }

    /** The IEEE bits of an {@code f64} literal. */
    public static long parseF64(Token t) {
        return parseFloat(t, 52, 11);
    }

    /** Float literal with {@code mantBits} fraction bits and {@code expBits} exponent bits. */
    static long parseFloat(Token t, int mantBits, int expBits) {
        String s = t.kind() == Token.Kind.ATOM ? t.text() : "";
        boolean negative = s.startsWith("-");
        String mag = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        long signBit = negative ? 1L << (mantBits + expBits) : 0;
        long expAllOnes = ((1L << expBits) - 1) << mantBits;
        if (mag.equals("inf")) {
            return signBit | expAllOnes;
        }
        if (mag.equals("nan")) {
            return signBit | expAllOnes | 1L << (mantBits - 1);
        }
        if (mag.startsWith("nan:0x")) {
            String digits = mag.substring(6);
            if (!wellFormedDigits(digits, 16)) {
                throw t.error("unknown operator: malformed NaN payload " + t.text());
            }
            BigInteger payload = new BigInteger(digits.replace("_", ""), 16);
            if (payload.signum() == 0 || payload.bitLength() > mantBits) {
                throw t.error("constant out of range: NaN payload " + t.text());
            }
            return signBit | expAllOnes | payload.longValue();
        }
        Long magnitude = mag.startsWith("0x") ? hexFloat(mag.substring(2), mantBits, expBits, t)
                : decimalFloat(mag, mantBits, expBits, t);
        if (magnitude == null) {
            throw malformed(t, "float");
        }
        return signBit | magnitude;
    }

    /** A keyword where a number belongs is an unexpected token; anything else a malformed number. */
    private static io.wasmspring.engine.MalformedModuleException malformed(Token t, String what) {
        boolean numberLike = t.text().startsWith("nan:0x") || t.text().matches("(nan|inf).*")
                && !t.text().equals("nan:canonical") && !t.text().equals("nan:arithmetic");
        if (t.isKeyword() && !numberLike || t.kind() != Token.Kind.ATOM) {
            return t.error("unexpected token " + t.text() + ", expected " + what + " literal");
        }
        return t.error("unknown operator: malformed " + what + " literal " + t.text());
    }

    /** {@code hexnum ('.' hexfrac?)? ([pP] sign? num)?} without the {@code 0x}; null if malformed. */
    private static Long hexFloat(String s, int mantBits, int expBits, Token t) {
        int p = indexOfAny(s, "pP");
        String mantissa = p < 0 ? s : s.substring(0, p);
        BigInteger exponent = p < 0 ? BigInteger.ZERO : signedDecimal(s.substring(p + 1));
        String[] parts = splitFraction(mantissa, 16);
        if (parts == null || exponent == null) {
            return null;
        }
        BigInteger m = new BigInteger(parts[0] + parts[1], 16);
        long e2 = clamp(exponent) - 4L * parts[1].length();
        if (m.signum() == 0) {
            return 0L;
        }
        long magnitude2 = m.bitLength() + e2;
        if (magnitude2 > 5000) {
            throw t.error("constant out of range: " + t.text());
        }
        if (magnitude2 < -5000) {
            return 0L;
        }
        return round(m, BigInteger.ONE, (int) e2, mantBits, expBits, t);
    }

    /** {@code num ('.' frac?)? ([eE] sign? num)?}; null if malformed. */
    private static Long decimalFloat(String s, int mantBits, int expBits, Token t) {
        int e = indexOfAny(s, "eE");
        String mantissa = e < 0 ? s : s.substring(0, e);
        BigInteger exponent = e < 0 ? BigInteger.ZERO : signedDecimal(s.substring(e + 1));
        String[] parts = splitFraction(mantissa, 10);
        if (parts == null || exponent == null) {
            return null;
        }
        BigInteger m = new BigInteger(parts[0] + parts[1], 10);
        if (m.signum() == 0) {
            return 0L;
        }
        long e10 = clamp(exponent) - parts[1].length();
        long digits = m.toString().length();
        if (digits + e10 > 400) {
            throw t.error("constant out of range: " + t.text());
        }
        if (digits + e10 < -400) {
            return 0L;
        }
        BigInteger num = m;
        BigInteger den = BigInteger.ONE;
        if (e10 >= 0) {
            num = num.multiply(BigInteger.TEN.pow((int) e10));
        } else {
            den = BigInteger.TEN.pow((int) -e10);
        }
        return round(num, den, 0, mantBits, expBits, t);
    }

    /** Splits "int.frac" (either part's digits checked; int part required); returns the digits without '_'. */
    private static String[] splitFraction(String s, int radix) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (!wellFormedDigits(whole, radix) || !frac.isEmpty() && !wellFormedDigits(frac, radix)) {
            return null;
        }
        return new String[] {whole.replace("_", ""), frac.replace("_", "")};
    }

    private static BigInteger signedDecimal(String s) {
        boolean negative = s.startsWith("-");
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (!wellFormedDigits(digits, 10)) {
            return null;
        }
        BigInteger v = new BigInteger(digits.replace("_", ""));
        return negative ? v.negate() : v;
    }

    private static long clamp(BigInteger v) {
        BigInteger limit = BigInteger.valueOf(1_000_000_000L);
        return v.max(limit.negate()).min(limit).longValue();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Rounds {@code num / den * 2^e2} (positive) to nearest, ties to even, in a binary format with
     * {@code mantBits} stored fraction bits; returns the bits without sign. Infinity is out of range.
     */
    static long round(BigInteger num, BigInteger den, int e2, int mantBits, int expBits, Token t) {
        if (e2 >= 0) {
            num = num.shiftLeft(e2);
        } else {
            den = den.shiftLeft(-e2);
        }
        int precision = mantBits + 1;
        int bias = (1 << (expBits - 1)) - 1;
        int emin = 1 - bias;
        // e = floor(log2(num / den))
        int e = num.bitLength() - den.bitLength();
        if (compareScaled(num, den, e) < 0) {
            e--;
        }
        int q = Math.max(e, emin) - (precision - 1);
        BigInteger n = q < 0 ? num.shiftLeft(-q) : num;
        BigInteger d = q > 0 ? den.shiftLeft(q) : den;
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger s = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(d);
        if (half > 0 || half == 0 && s.testBit(0)) {
            s = s.add(BigInteger.ONE);
        }
        if (s.bitLength() > precision) {
            s = s.shiftRight(1);
            q++;
        }
        long significand = s.longValue();
        if (s.bitLength() < precision) {
            return significand; // subnormal or zero: biased exponent 0
        }
        long biased = (long) q + (precision - 1) + bias;
        if (biased >= (1L << expBits) - 1) {
            throw t.error("constant out of range: " + t.text());
        }
        return biased << mantBits | (significand & ((1L << mantBits) - 1));
    }

    /** Sign of {@code num/den - 2^e}. */
    private static int compareScaled(BigInteger num, BigInteger den, int e) {
        BigInteger left = e < 0 ? num.shiftLeft(-e) : num;
        BigInteger right = e > 0 ? den.shiftLeft(e) : den;
        return left.compareTo(right);
    }
}
