package io.wasmspring.engine;

/**
 * The input is not a WebAssembly module at all: a binary that breaks the binary format (with the
 * byte offset where decoding failed), or text that breaks the text format (with line and column).
 */
public class MalformedModuleException extends WasmException {

    private final long offset;

    /** A binary-format error at {@code offset} bytes from the start of the module. */
    public MalformedModuleException(String message, long offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** A text-format error; the message carries its own line:column location. */
    public MalformedModuleException(String message) {
        super(message);
        this.offset = -1;
    }

    /** Byte offset of a binary-format error, or -1 for a text-format error. */
    public long offset() {
        return offset;
    }
}
