package io.wasmspring.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A function signature: parameter types and result types. */
public record FunctionType(List<ValueType> params, List<ValueType> results) implements ExternType {

    public FunctionType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FunctionType of(List<ValueType> params, List<ValueType> results) {
        return new FunctionType(params, results);
    }

    /** Shorthand: {@code FunctionType.of(new ValueType[]{I32, I32}, I32)}. */
    public static FunctionType of(ValueType[] params, ValueType... results) {
        return new FunctionType(List.of(params), List.of(results));
    }

    @Override
    public ExternalKind kind() {
        return ExternalKind.FUNCTION;
    }

    /** Total stack slots taken by the parameters. */
    public int paramSlots() {
        int n = 0;
        for (ValueType t : params) {
            n += t.slots();
        }
        return n;
    }

    /** Total stack slots taken by the results. */
    public int resultSlots() {
        int n = 0;
        for (ValueType t : results) {
            n += t.slots();
        }
        return n;
    }

    /** Text-format notation, e.g. {@code (param i32 i32) (result i32)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(func");
        if (!params.isEmpty()) {
            sb.append(" (param ").append(params.stream().map(ValueType::toString).collect(Collectors.joining(" "))).append(')');
        }
        if (!results.isEmpty()) {
            sb.append(" (result ").append(results.stream().map(ValueType::toString).collect(Collectors.joining(" "))).append(')');
        }
        return sb.append(')').toString();
    }
}
