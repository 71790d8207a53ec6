package io.wasmspring.engine;

import java.util.List;

/**
 * Execution stopped because the code did something the spec makes a trap: division by zero,
 * an out-of-bounds access, {@code unreachable}, an exhausted call stack and so on.
 * The message is the spec's wording; {@link #wasmStackTrace()} lists the wasm frames.
 */
public class Trap extends WasmException {

    private List<String> wasmStackTrace = List.of();

    public Trap(String message) {
        super(message);
    }

    public Trap(String message, Throwable cause) {
        super(message, cause);
    }

    /** The wasm functions that were executing, innermost first, named from the name section where it has them. */
    public List<String> wasmStackTrace() {
        return wasmStackTrace;
    }

    /** Set by the interpreter as the trap unwinds. */
    public void setWasmStackTrace(List<String> frames) {
        this.wasmStackTrace = List.copyOf(frames);
    }

    // The spec's trap messages, so that callers and the spec suite can match them.
    public static final String UNREACHABLE = "unreachable";
    public static final String INTEGER_DIVIDE_BY_ZERO = "integer divide by zero";
    public static final String INTEGER_OVERFLOW = "integer overflow";
    public static final String INVALID_CONVERSION = "invalid conversion to integer";
    public static final String OUT_OF_BOUNDS_MEMORY = "out of bounds memory access";
    public static final String OUT_OF_BOUNDS_TABLE = "out of bounds table access";
    public static final String UNDEFINED_ELEMENT = "undefined element";
    public static final String UNINITIALIZED_ELEMENT = "uninitialized element";
    public static final String INDIRECT_CALL_TYPE_MISMATCH = "indirect call type mismatch";
    public static final String CALL_STACK_EXHAUSTED = "call stack exhausted";
}
