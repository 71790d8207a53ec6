package io.wasmspring.boot;

import io.wasmspring.engine.WasmException;

/**
 * A module cannot run within its configured limits: for example its memory starts bigger than
 * {@code limits.max-memory-pages}. (Calls that go past a limit while running stop with the
 * engine's {@link io.wasmspring.engine.ExecutionLimitException}s instead.)
 */
public class WasmLimitExceededException extends WasmException {

    public WasmLimitExceededException(String message) {
        super(message);
    }
}
