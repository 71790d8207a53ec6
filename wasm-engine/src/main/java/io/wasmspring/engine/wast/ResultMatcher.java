package io.wasmspring.engine.wast;

import io.wasmspring.engine.ValueType;
import java.util.List;

/**
 * Decides whether a value an action produced is the one a script expects: numbers bit for bit,
 * NaN patterns by their bits, references by identity of what they point at, v128 lane by lane.
 */
final class ResultMatcher {

    private static final int F32_CANONICAL_NAN = 0x7fc00000;
    private static final int F32_QUIET_BIT = 0x00400000;
    private static final int F32_EXPONENT = 0x7f800000;
    private static final long F64_CANONICAL_NAN = 0x7ff8000000000000L;
    private static final long F64_QUIET_BIT = 0x0008000000000000L;
    private static final long F64_EXPONENT = 0x7ff0000000000000L;

    private ResultMatcher() {
    }

    /** Whether {@code actual} has exactly as many values as {@code expected} and each matches. */
    static boolean matches(List<Expected> expected, List<RuntimeValue> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Expected expected, RuntimeValue actual) {
        if (expected instanceof Expected.Exact x) {
            return matchesValue(x.value(), actual);
        } else if (expected instanceof Expected.Nan n) {
            return n.type() == actual.type() && isNan(n, actual.bits());
        } else if (expected instanceof Expected.AnyRefFunc) {
            return actual.type() == ValueType.FUNCREF && actual.ref() != null;
        } else if (expected instanceof Expected.AnyRefExtern) {
            return actual.type() == ValueType.EXTERNREF && actual.ref() != null;
        } else if (expected instanceof Expected.V128Lanes l) {
            return actual.type() == ValueType.V128 && matchesLanes(l, actual.bits(), actual.high());
        } else {
            return ((Expected.Either) expected).alternatives().stream().anyMatch(alt -> matches(alt, actual));
        }
    }

    private static boolean matchesValue(Value value, RuntimeValue actual) {
        if (value instanceof Value.Number n) {
            return n.type() == actual.type() && sameBits(n.type(), n.bits(), actual.bits());
        } else if (value instanceof Value.V128 v) {
            return actual.type() == ValueType.V128 && v.low() == actual.bits() && v.high() == actual.high();
        } else if (value instanceof Value.RefNull r) {
            return actual.type().isReference() && actual.ref() == null;
        } else {
            return actual.type() == ValueType.EXTERNREF && new ExternRef(((Value.RefExtern) value).id()).equals(actual.ref());
        }
    }

    private static boolean sameBits(ValueType type, long expected, long actual) {
        return switch (type) {
            case I32, F32 -> (int) expected == (int) actual;
            default -> expected == actual;
        };
    }

    private static boolean isNan(Expected.Nan n, long bits) {
        if (n.type() == ValueType.F32) {
            int b = (int) bits & 0x7fffffff;
            return n.canonical() ? b == F32_CANONICAL_NAN : (b & F32_EXPONENT) == F32_EXPONENT && (b & F32_QUIET_BIT) != 0;
        }
        long b = bits & 0x7fffffffffffffffL;
        return n.canonical() ? b == F64_CANONICAL_NAN : (b & F64_EXPONENT) == F64_EXPONENT && (b & F64_QUIET_BIT) != 0;
    }

    /** Compares a v128 lane by lane in the shape the script wrote it. */
    private static boolean matchesLanes(Expected.V128Lanes expected, long low, long high) {
        int lanes = expected.lanes().size();
        int width = 128 / lanes;
        ValueType laneType = expected.shape().startsWith("f32") ? ValueType.F32
                : expected.shape().startsWith("f64") ? ValueType.F64
                : expected.shape().startsWith("i64") ? ValueType.I64 : ValueType.I32;
        for (int i = 0; i < lanes; i++) {
            long lane = lane(low, high, i, width);
            Expected e = expected.lanes().get(i);
            if (e instanceof Expected.Nan n) {
                if (!isNan(n, lane)) {
                    return false;
                }
            } else if (e instanceof Expected.Exact x && x.value() instanceof Value.Number num) {
                long mask = width == 64 ? -1L : (1L << width) - 1;
                if ((num.bits() & mask) != (lane & mask)) {
                    return false;
                }
            } else if (!matches(e, RuntimeValue.number(laneType, lane))) {
                return false;
            }
        }
        return true;
    }

    /** Lane {@code i} of {@code width} bits, lanes numbered from the low end. */
    static long lane(long low, long high, int i, int width) {
        int bitOffset = i * width;
        long word = bitOffset < 64 ? low : high;
        long shifted = word >>> (bitOffset % 64);
        return width == 64 ? shifted : shifted & ((1L << width) - 1);
    }
}
