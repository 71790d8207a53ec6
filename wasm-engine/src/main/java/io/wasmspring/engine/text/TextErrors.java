package io.wasmspring.engine.text;

import io.wasmspring.engine.MalformedModuleException;

/** Builds text-format errors whose message carries the {@code line:column} of the problem. */
final class TextErrors {

    private TextErrors() {
    }

    static MalformedModuleException at(int line, int column, String message) {
        return new MalformedModuleException(message + " (at " + line + ":" + column + ")");
    }
}
