package io.wasmspring.benchmarks.runtimes;

import java.util.List;

/** The runtimes by name: ours and Chicory's two execution modes. */
public final class WasmRuntimes {

    public static final String OURS = "wasmspring";
    public static final String CHICORY_INTERPRETER = "chicory-interpreter";
    public static final String CHICORY_COMPILER = "chicory-compiler";

    /** Every in-JVM runtime, ours first (the order of the table's columns). */
    public static final List<String> NAMES = List.of(OURS, CHICORY_INTERPRETER, CHICORY_COMPILER);

    private WasmRuntimes() {
    }

    public static WasmRuntime byName(String name) {
        return switch (name) {
            case OURS -> new OurRuntime();
            case CHICORY_INTERPRETER -> new ChicoryRuntime(false);
            case CHICORY_COMPILER -> new ChicoryRuntime(true);
            default -> throw new IllegalArgumentException("unknown runtime " + name + "; known: " + NAMES);
        };
    }
}
