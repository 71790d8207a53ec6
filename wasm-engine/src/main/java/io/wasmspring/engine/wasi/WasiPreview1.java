package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Imports;
import java.util.Map;

/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) for one program: every function of the snapshot,
 * bound to one {@link WasiConfig} and one descriptor table. Create one per instance: like the
 * instance it serves, it is used by one thread at a time. {@link #close()} it (or let
 * {@link WasiCommand#run} do so) to release the files the program left open.
 *
 * <pre>{@code
 * WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().args("prog").inheritStdio().build());
 * Instance instance = module.instantiate(wasi.addTo(Imports.builder()).build());
 * int exitCode = WasiCommand.start(instance);
 * }</pre>
 */
public final class WasiPreview1 implements AutoCloseable {

    /** The import module name of the snapshot. */
    public static final String MODULE = "wasi_snapshot_preview1";

    private final WasiContext context;
    private final Map<String, WasiFunction> functions;

    public WasiPreview1(WasiConfig config) {
        this.context = new WasiContext(config);
        FunctionRegistry registry = new FunctionRegistry();
        new ArgsEnvFunctions(config).register(registry);
        ClockRandomFunctions clocks = new ClockRandomFunctions(config);
        clocks.register(registry);
        new FdFunctions(context).register(registry);
        new FdIoFunctions(context).register(registry);
        new PathFunctions(context).register(registry);
        new PollFunctions(context, clocks).register(registry);
        new ProcFunctions().register(registry);
        new SocketFunctions(context).register(registry);
        this.functions = registry.functions();
    }

    /** Registers every function under {@link #MODULE}; returns {@code imports} for chaining. */
    public Imports.Builder addTo(Imports.Builder imports) {
        for (WasiFunction f : functions.values()) {
            imports.function(MODULE, f.name(), f.type(), f.asHostFunction());
        }
        return imports;
    }

    /** The functions by name, for embedders that link them themselves and for tests. */
    public Map<String, WasiFunction> functions() {
        return functions;
    }

    /** The function called {@code name}; {@link IllegalArgumentException} when preview1 has none of that name. */
    public WasiFunction function(String name) {
        WasiFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("wasi_snapshot_preview1 has no function " + name);
        }
        return f;
    }

    /**
     * Closes every descriptor the program left open: its files are closed, the configured streams
     * only flushed (they belong to the embedder). Each is closed even when another fails; later
     * calls from the guest get {@code badf}. Calling it again does nothing.
     */
    @Override
    public void close() {
        context.fds.closeAll();
    }
}
