package io.wasmspring.boot;

import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.WasmException;

/**
 * Guest memory for the strings and byte arrays a caller passes into an export, obtained
 * through the engine's {@link io.wasmspring.engine.host.GuestAllocator}: the exports the module
 * is configured with, or, when none are configured, {@code malloc}/{@code free} or
 * {@code alloc}/{@code dealloc}, whichever pair the module exports.
 */
final class GuestAllocator {

    private final String moduleName;
    private final String allocate;
    private final String deallocate;

    /** {@code allocate} {@code null} to detect the allocator; {@code deallocate} {@code null} (or not exported) never to free. */
    GuestAllocator(String moduleName, String allocate, String deallocate) {
        this.moduleName = moduleName;
        this.allocate = allocate;
        this.deallocate = deallocate;
    }

    /** Copies {@code data} into fresh guest memory; returns its offset. */
    int copyIn(Instance instance, byte[] data) {
        if (instance.memory() == null) {
            throw new WasmException("module '" + moduleName + "' has no memory to pass a string or byte[] through");
        }
        int offset = allocator(instance).allocate(data.length);
        instance.memory().writeBytes(Integer.toUnsignedLong(offset), data);
        return offset;
    }

    /** Gives memory obtained by {@link #copyIn} back. */
    void free(Instance instance, int offset, int length) {
        allocator(instance).free(offset, length);
    }

    private io.wasmspring.engine.host.GuestAllocator allocator(Instance instance) {
        try {
            if (allocate == null || allocate.isEmpty()) {
                return io.wasmspring.engine.host.GuestAllocator.of(instance);
            }
            return io.wasmspring.engine.host.GuestAllocator.of(instance, allocate, exports(instance, deallocate) ? deallocate : null);
        } catch (WasmException e) {
            throw new WasmException("module '" + moduleName + "' cannot receive a string or byte[]: " + e.getMessage()
                    + " (configure its allocator with wasm.modules." + moduleName + ".allocator.allocate and .deallocate)", e);
        }
    }

    private static boolean exports(Instance instance, String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (ExportType export : instance.exports()) {
            if (export.name().equals(name) && export.type() instanceof FunctionType) {
                return true;
            }
        }
        return false;
    }
}
