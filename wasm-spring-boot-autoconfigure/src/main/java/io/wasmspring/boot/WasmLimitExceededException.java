package io.wasmspring.boot;

import io.wasmspring.engine.WasmException;

/**
 * A module cannot run within its configured limits: its memory starts bigger than
 * {@code limits.max-memory-pages}, or a {@code String}/{@code byte[]} argument is bigger than
 * its memory may ever grow, or the guest's allocator cannot find room for one because the memory
 * is at its limit. (Calls that go past a limit while running stop with the engine's
 * {@link io.wasmspring.engine.ExecutionLimitException}s instead.)
 */
public class WasmLimitExceededException extends WasmException {

    public WasmLimitExceededException(String message) {
        super(message);
    }

    public WasmLimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
