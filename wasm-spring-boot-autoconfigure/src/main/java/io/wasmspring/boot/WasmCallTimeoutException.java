package io.wasmspring.boot;

import io.wasmspring.engine.WasmException;

/** A call did not finish within its module's {@code limits.call-timeout}. */
public class WasmCallTimeoutException extends WasmException {

    public WasmCallTimeoutException(String message) {
        super(message);
    }
}
