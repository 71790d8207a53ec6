package io.wasmspring.engine;

/** Root of every exception the engine throws on purpose. */
public class WasmException extends RuntimeException {

    public WasmException(String message) {
        super(message);
    }

    public WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
