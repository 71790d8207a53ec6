package io.wasmspring.benchmarks.runtimes;

/**
 * One WebAssembly runtime under measurement, seen through the few operations the benchmarks time:
 * load a module, instantiate it, call an export with raw values. Every instance gets the same
 * imports: WASI preview1 (no arguments beyond a program name, no environment, output discarded,
 * a seeded random source) and {@code env.host_increment(i32) -> i32}. A reactor's
 * {@code _initialize} is called once after instantiation.
 */
public interface WasmRuntime {

    /** The name used as the JMH parameter and table column. */
    String name();

    /** Decodes, validates and prepares {@code wasm} for instantiation (and compiles it, for a compiler). */
    LoadedModule load(byte[] wasm);

    /** A module ready to be instantiated any number of times. */
    interface LoadedModule {
        LoadedInstance instantiate();

        /**
         * Runs the module as a WASI command: a fresh instance linked with WASI only, given
         * {@code args} (program name first) and {@code stdout}, then {@code _start}.
         *
         * @return the exit code (0 when {@code _start} returns)
         */
        int runCommand(java.util.List<String> args, java.io.OutputStream stdout);
    }

    /** One instance; used by one thread at a time. */
    interface LoadedInstance {
        /** The exported function {@code name}; fails when there is none. */
        ExportCall export(String name);
    }

    /** An exported function called with raw slots (i32 in the low 32 bits). */
    @FunctionalInterface
    interface ExportCall {
        long[] call(long... args);
    }

    /** Import names shared by every runtime's instances. */
    String HOST_MODULE = "env";
    String HOST_INCREMENT = "host_increment";
    String REACTOR_INITIALIZE = "_initialize";
}
