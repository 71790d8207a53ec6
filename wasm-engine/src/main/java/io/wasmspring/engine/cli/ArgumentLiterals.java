package io.wasmspring.engine.cli;

import io.wasmspring.engine.ValueType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Parses a command-line argument into the raw bits of a wasm value of a given type. Integers
 * in decimal or hex ({@code 0x}), signed or unsigned; floats in decimal or hex, plus
 * {@code nan}, {@code nan:0xPAYLOAD}, {@code inf} and {@code infinity}, each with an optional sign.
 */
final class ArgumentLiterals {

    private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private ArgumentLiterals() {
    }

    /** Raw bits (i32 and f32 in the low 32 bits) of {@code text} read as a {@code type}. */
    static long parse(ValueType type, String text) throws UsageException {
        try {
            return switch (type) {
                case I32 -> integer(text, 32, TWO_TO_32) & 0xffffffffL;
                case I64 -> integer(text, 64, TWO_TO_64);
                case F32 -> f32(text) & 0xffffffffL;
                case F64 -> f64(text);
                default -> throw new UsageException("parameters of type " + type + " cannot be given on the command line");
            };
        } catch (NumberFormatException e) {
            throw new UsageException("not a valid " + type + ": " + text);
        }
    }

    /** An integer of {@code bits} bits: from -2^(bits-1) up to 2^bits - 1 (so unsigned spellings work too). */
    private static long integer(String text, int bits, BigInteger limit) throws UsageException {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
            throw new NumberFormatException(text);
        }
        BigInteger magnitude = t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t, 10);
        BigInteger value = negative ? magnitude.negate() : magnitude;
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        if (value.compareTo(min) < 0 || value.compareTo(limit) >= 0) {
            throw new UsageException("i" + bits + " argument out of range: " + text);
        }
        return value.longValue();
    }

    private static int f32(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        int sign = t.startsWith("-") ? 0x80000000 : 0;
        String magnitude = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (magnitude.equals("nan")) {
            return sign | 0x7fc00000;
        } else if (magnitude.startsWith("nan:0x")) {
            int payload = Integer.parseInt(magnitude.substring(6), 16);
            if (payload == 0 || (payload & ~0x7fffff) != 0) {
                throw new NumberFormatException(text);
            }
            return sign | 0x7f800000 | payload;
        } else if (magnitude.equals("inf") || magnitude.equals("infinity")) {
            return sign | 0x7f800000;
        }
        return Float.floatToRawIntBits(Float.parseFloat(javaFloatSyntax(t)));
    }

    private static long f64(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        long sign = t.startsWith("-") ? Long.MIN_VALUE : 0;
        String magnitude = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (magnitude.equals("nan")) {
            return sign | 0x7ff8000000000000L;
        } else if (magnitude.startsWith("nan:0x")) {
            long payload = Long.parseLong(magnitude.substring(6), 16);
            if (payload == 0 || (payload & ~0xfffffffffffffL) != 0) {
                throw new NumberFormatException(text);
            }
            return sign | 0x7ff0000000000000L | payload;
        } else if (magnitude.equals("inf") || magnitude.equals("infinity")) {
            return sign | 0x7ff0000000000000L;
        }
        return Double.doubleToRawLongBits(Double.parseDouble(javaFloatSyntax(t)));
    }

    /** Java reads hex floats only with a binary exponent, and reads "NaN"-like words and type suffixes we do not want. */
    private static String javaFloatSyntax(String t) {
        boolean hex = t.contains("0x");
        if (t.isEmpty() || t.contains("n") || t.contains("i") || !hex && (t.endsWith("f") || t.endsWith("d"))) {
            throw new NumberFormatException(t);
        }
        return hex && !t.contains("p") ? t + "p0" : t;
    }
}
