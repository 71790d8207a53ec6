package io.wasmspring.boot;

import io.wasmspring.engine.WasmException;

/** No instance of a pooled module became free within the pool's {@code max-wait}. */
public class WasmPoolExhaustedException extends WasmException {

    public WasmPoolExhaustedException(String message) {
        super(message);
    }
}
