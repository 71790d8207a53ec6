package io.wasmspring.engine.wasi;

import io.wasmspring.engine.WasmException;

/** Thrown by {@code proc_exit}: the program ended with {@link #exitCode()} (0 included). */
public class WasiExitException extends WasmException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("WASI program exited with code " + exitCode);
        this.exitCode = exitCode;
    }

    /** The status the program passed to {@code proc_exit}. */
    public int exitCode() {
        return exitCode;
    }
}
