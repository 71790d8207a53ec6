package io.wasmspring.engine.wast;

import io.wasmspring.engine.ValueType;
import java.util.List;
import java.util.stream.Collectors;

/** Short text for values and expectations in failure reasons, e.g. {@code i32:42} or {@code f32:1.5[0x3fc00000]}. */
final class ValueText {

    private ValueText() {
    }

    static String of(RuntimeValue v) {
        return switch (v.type()) {
            case I32, I64, F32, F64 -> number(v.type(), v.bits());
            case V128 -> v128(v.bits(), v.high());
            case FUNCREF -> v.ref() == null ? "ref.null func" : "ref.func";
            case EXTERNREF -> v.ref() == null ? "ref.null extern"
                    : v.ref() instanceof ExternRef ? v.ref().toString() : "ref.extern(" + v.ref() + ")";
        };
    }

    static String of(List<RuntimeValue> values) {
        return values.isEmpty() ? "nothing" : values.stream().map(ValueText::of).collect(Collectors.joining(" "));
    }

    static String of(Value v) {
        if (v instanceof Value.Number n) {
            return number(n.type(), n.bits());
        } else if (v instanceof Value.V128 x) {
            return v128(x.low(), x.high());
        } else if (v instanceof Value.RefNull r) {
            return r.type() == ValueType.FUNCREF ? "ref.null func" : "ref.null extern";
        } else {
            return "ref.extern " + ((Value.RefExtern) v).id();
        }
    }

    static String expected(Expected e) {
        if (e instanceof Expected.Exact x) {
            return of(x.value());
        } else if (e instanceof Expected.Nan n) {
            return n.type() + ":nan:" + (n.canonical() ? "canonical" : "arithmetic");
        } else if (e instanceof Expected.AnyRefFunc) {
            return "ref.func";
        } else if (e instanceof Expected.AnyRefExtern) {
            return "ref.extern";
        } else if (e instanceof Expected.V128Lanes l) {
            return "v128:" + l.shape() + "[" + l.lanes().stream().map(ValueText::lane).collect(Collectors.joining(" ")) + "]";
        } else {
            return "(either " + ((Expected.Either) e).alternatives().stream().map(ValueText::expected)
                    .collect(Collectors.joining(" | ")) + ")";
        }
    }

    static String expected(List<Expected> expected) {
        return expected.isEmpty() ? "nothing" : expected.stream().map(ValueText::expected).collect(Collectors.joining(" "));
    }

    private static String lane(Expected e) {
        if (e instanceof Expected.Exact x && x.value() instanceof Value.Number n) {
            return numberValue(n.type(), n.bits());
        }
        return expected(e);
    }

    static String number(ValueType type, long bits) {
        return type + ":" + numberValue(type, bits);
    }

    private static String numberValue(ValueType type, long bits) {
        return switch (type) {
            case I32 -> Integer.toString((int) bits);
            case I64 -> Long.toString(bits);
            case F32 -> Float.intBitsToFloat((int) bits) + "[0x" + Integer.toHexString((int) bits) + "]";
            case F64 -> Double.longBitsToDouble(bits) + "[0x" + Long.toHexString(bits) + "]";
            default -> "0x" + Long.toHexString(bits);
        };
    }

    private static String v128(long low, long high) {
        return String.format("v128:i32x4[0x%08x 0x%08x 0x%08x 0x%08x]", (int) low, (int) (low >>> 32), (int) high, (int) (high >>> 32));
    }
}
