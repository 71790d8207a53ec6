package io.wasmspring.boot;

import io.wasmspring.engine.Imports;
import java.util.Objects;

/**
 * The imports of one new instance together with the per-instance state behind them (such as a
 * WASI context and its streams), which {@link WasmModule} closes when that instance is done with:
 * discarded, released under {@link InstancePolicy#PER_CALL}, after a command, or at shutdown.
 *
 * @param imports what the instance links against
 * @param resources closed once the instance is no longer used ({@code null}: nothing to close)
 */
public record InstanceImports(Imports imports, AutoCloseable resources) {

    public InstanceImports {
        Objects.requireNonNull(imports, "imports");
    }

    /** Imports that hold no per-instance state. */
    public static InstanceImports of(Imports imports) {
        return new InstanceImports(imports, null);
    }
}
