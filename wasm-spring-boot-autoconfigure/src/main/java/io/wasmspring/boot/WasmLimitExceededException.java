package io.wasmspring.boot;

import io.wasmspring.engine.WasmException;

/** An instance went past one of its module's limits (for example its memory grew past {@code max-memory-pages}); it is discarded. */
public class WasmLimitExceededException extends WasmException {

    public WasmLimitExceededException(String message) {
        super(message);
    }
}
