package io.wasmspring.engine.structure;

import io.wasmspring.engine.ValueType;

/**
 * The code of one defined function: its declared locals (parameters not included, runs of the
 * same type already expanded) and its instructions, the byte range {@code [codeStart, codeEnd)}
 * of {@code bytes}, ending with the function's final {@code end}.
 */
public record FunctionBody(ValueType[] locals, byte[] bytes, int codeStart, int codeEnd) {

    /** A reader positioned at the first instruction. */
    public CodeReader reader() {
        return new CodeReader(bytes, codeStart, codeEnd);
    }
}
