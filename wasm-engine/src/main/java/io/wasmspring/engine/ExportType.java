package io.wasmspring.engine;

/** One export a module offers: its name and type. */
public record ExportType(String name, ExternType type) {

    @Override
    public String toString() {
        return "\"" + name + "\" " + type;
    }
}
