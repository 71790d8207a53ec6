package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.io.IOException;

/**
 * The body of one WASI function: raw arguments in, an {@link Errno} out. It works on the
 * caller's memory only, so it can be tested without an instance.
 */
@FunctionalInterface
interface WasiHandler {
    int call(Memory memory, long[] args) throws IOException;
}
