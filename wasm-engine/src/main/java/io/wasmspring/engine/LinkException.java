package io.wasmspring.engine;

/** An import is missing or has the wrong type; the message names it and the type expected. */
public class LinkException extends WasmException {

    public LinkException(String message) {
        super(message);
    }
}
