package io.wasmspring.engine;

/** The type of a global: its value type and whether it may be set. */
public record GlobalType(ValueType valueType, boolean mutable) implements ExternType {

    @Override
    public ExternalKind kind() {
        return ExternalKind.GLOBAL;
    }

    @Override
    public String toString() {
        return "(global " + (mutable ? "(mut " + valueType + ")" : valueType.toString()) + ")";
    }
}
