package io.wasmspring.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import java.util.List;

/** Arguments for an exported function, of its parameter types, from the fuzzer's input. */
final class FuzzedArguments {

    private FuzzedArguments() {
    }

    /**
     * One Java value per parameter, as {@link ExportedFunction#call(Object...)} takes them. Floats
     * come from raw bits so that NaN payloads and signed zeros turn up; a funcref is {@code null}
     * or one of the instance's own exported functions.
     */
    static Object[] of(FunctionType type, FuzzedDataProvider data, List<ExportedFunction> functions) {
        List<ValueType> params = type.params();
        Object[] args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = switch (params.get(i)) {
                case I32 -> data.consumeInt();
                case I64 -> data.consumeLong();
                case F32 -> Float.intBitsToFloat(data.consumeInt());
                case F64 -> Double.longBitsToDouble(data.consumeLong());
                case V128 -> new long[] {data.consumeLong(), data.consumeLong()};
                case FUNCREF -> functions.isEmpty() || data.consumeBoolean()
                        ? null : functions.get(data.consumeInt(0, functions.size() - 1));
                case EXTERNREF -> data.consumeBoolean() ? null : "externref " + data.consumeInt(0, 9);
            };
        }
        return args;
    }
}
