package io.wasmspring.engine.wast;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Performs an {@code invoke} or {@code get} on an instance. Calls go through the raw interface
 * so that NaN payloads survive untouched; only functions that take or return references use the
 * object interface, because a reference's raw handle belongs to the instance's store.
 */
final class ActionExecutor {

    private ActionExecutor() {
    }

    static List<RuntimeValue> perform(Action action, Instance instance) {
        if (action instanceof Action.Get get) {
            return List.of(read(instance.global(get.global())));
        }
        Action.Invoke invoke = (Action.Invoke) action;
        ExportedFunction function = instance.function(invoke.function());
        FunctionType type = function.type();
        if (type.params().size() != invoke.args().size()) {
            throw new IllegalArgumentException("\"" + invoke.function() + "\" has type " + type + " but the script passes "
                    + invoke.args().size() + " argument(s)");
        }
        boolean usesReferences = type.params().stream().anyMatch(ValueType::isReference)
                || type.results().stream().anyMatch(ValueType::isReference);
        return usesReferences ? callWithObjects(function, type, invoke.args()) : callRaw(function, type, invoke.args());
    }

    private static RuntimeValue read(Global global) {
        ValueType type = global.type().valueType();
        if (type.isReference()) {
            return RuntimeValue.reference(type, global.ref());
        } else if (type == ValueType.V128) {
            return RuntimeValue.v128(global.bits(), global.highBits());
        }
        return RuntimeValue.number(type, global.bits());
    }

    private static List<RuntimeValue> callRaw(ExportedFunction function, FunctionType type, List<Value> args) {
        long[] raw = new long[type.paramSlots()];
        int slot = 0;
        for (int i = 0; i < args.size(); i++) {
            Value arg = args.get(i);
            checkArgument(type.params().get(i), arg, i);
            if (arg instanceof Value.V128 v) {
                raw[slot++] = v.low();
                raw[slot++] = v.high();
            } else {
                Value.Number n = (Value.Number) arg;
                raw[slot++] = n.type() == ValueType.I32 || n.type() == ValueType.F32 ? n.bits() & 0xffffffffL : n.bits();
            }
        }
        long[] out = function.callRaw(raw);
        List<RuntimeValue> results = new ArrayList<>();
        slot = 0;
        for (ValueType t : type.results()) {
            if (t == ValueType.V128) {
                results.add(RuntimeValue.v128(out[slot], out[slot + 1]));
                slot += 2;
            } else {
                results.add(RuntimeValue.number(t, out[slot++]));
            }
        }
        return results;
    }

    private static List<RuntimeValue> callWithObjects(ExportedFunction function, FunctionType type, List<Value> args) {
        Object[] objects = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            checkArgument(type.params().get(i), args.get(i), i);
            objects[i] = toObject(args.get(i));
        }
        Object[] out = function.call(objects);
        List<RuntimeValue> results = new ArrayList<>();
        for (int i = 0; i < type.results().size(); i++) {
            results.add(fromObject(type.results().get(i), out[i]));
        }
        return results;
    }

    private static Object toObject(Value value) {
        if (value instanceof Value.Number n) {
            return switch (n.type()) {
                case I32 -> (int) n.bits();
                case I64 -> n.bits();
                case F32 -> Float.intBitsToFloat((int) n.bits());
                case F64 -> Double.longBitsToDouble(n.bits());
                default -> throw new IllegalArgumentException("not a number type: " + n.type());
            };
        } else if (value instanceof Value.RefNull) {
            return null;
        } else if (value instanceof Value.RefExtern e) {
            return new ExternRef(e.id());
        }
        Value.V128 v = (Value.V128) value;
        return new long[] {v.low(), v.high()};
    }

    private static RuntimeValue fromObject(ValueType type, Object value) {
        return switch (type) {
            case I32 -> RuntimeValue.number(type, ((Number) value).intValue() & 0xffffffffL);
            case I64 -> RuntimeValue.number(type, ((Number) value).longValue());
            case F32 -> RuntimeValue.number(type, Float.floatToRawIntBits((Float) value) & 0xffffffffL);
            case F64 -> RuntimeValue.number(type, Double.doubleToRawLongBits((Double) value));
            case FUNCREF, EXTERNREF -> RuntimeValue.reference(type, value);
            case V128 -> RuntimeValue.v128(((long[]) value)[0], ((long[]) value)[1]);
        };
    }

    /** A script that passes the wrong type of argument is a broken test, not an engine failure: say so. */
    private static void checkArgument(ValueType param, Value arg, int index) {
        ValueType argType;
        if (arg instanceof Value.Number n) {
            argType = n.type();
        } else if (arg instanceof Value.V128) {
            argType = ValueType.V128;
        } else if (arg instanceof Value.RefNull r) {
            argType = r.type();
        } else {
            argType = ValueType.EXTERNREF;
        }
        if (argType != param) {
            throw new IllegalArgumentException("argument " + index + " is " + ValueText.of(arg) + " but the parameter is " + param);
        }
    }
}
