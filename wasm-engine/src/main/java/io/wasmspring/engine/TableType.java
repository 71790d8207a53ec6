package io.wasmspring.engine;

/** The type of a table: its element reference type and limits in elements. */
public record TableType(ValueType elementType, Limits limits) implements ExternType {

    @Override
    public ExternalKind kind() {
        return ExternalKind.TABLE;
    }

    @Override
    public String toString() {
        return "(table " + limits + " " + elementType + ")";
    }
}
