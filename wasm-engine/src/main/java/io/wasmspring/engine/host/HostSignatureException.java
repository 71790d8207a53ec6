package io.wasmspring.engine.host;

import io.wasmspring.engine.WasmException;

/**
 * A Java method or handle cannot be bound as a host function: one of its parameters or its
 * result has no wasm counterpart. The message names the method and the parameter.
 */
public class HostSignatureException extends WasmException {

    public HostSignatureException(String message) {
        super(message);
    }

    public HostSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
