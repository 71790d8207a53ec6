package io.wasmspring.boot;

import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.util.List;

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

    /**
     * Refuses, before any guest code runs, data that could never fit in the instance's memory
     * however far it grew (its declared maximum, or {@code limits.max-memory-pages}).
     *
     * @throws WasmLimitExceededException naming the limit
     */
    void checkFits(Instance instance, int length) {
        Memory memory = requireMemory(instance);
        long capacity = (long) memory.maxPages() * MemoryType.PAGE_SIZE;
        if (length > capacity) {
            throw new WasmLimitExceededException("module '" + moduleName + "' cannot take an argument of " + length
                    + " bytes: its memory may grow to " + memory.maxPages() + " pages (" + capacity + " bytes) at most"
                    + " (its own maximum, or wasm.modules." + moduleName + ".limits.max-memory-pages)");
        }
    }

    /**
     * Copies {@code data} into fresh guest memory; returns its offset. Runs the guest's allocator.
     *
     * @throws WasmLimitExceededException when the allocator fails because the memory cannot grow enough
     */
    int copyIn(Instance instance, byte[] data) {
        Memory memory = requireMemory(instance);
        io.wasmspring.engine.host.GuestAllocator guest = allocator(instance);
        int offset;
        try {
            offset = guest.allocate(data.length);
        } catch (Trap e) {
            throw e;
        } catch (WasmException e) {
            // The engine says the guest's allocator returned 0; say why when the memory is at its limit.
            long neededPages = (data.length + (long) MemoryType.PAGE_SIZE - 1) / MemoryType.PAGE_SIZE;
            if (memory.pages() + neededPages > memory.maxPages()) {
                throw new WasmLimitExceededException("module '" + moduleName
                        + "' could not allocate " + data.length + " bytes for an argument: its memory has "
                        + memory.pages() + " of at most " + memory.maxPages() + " pages (its own maximum, or wasm.modules."
                        + moduleName + ".limits.max-memory-pages)", e);
            }
            throw e;
        }
        memory.writeBytes(Integer.toUnsignedLong(offset), data);
        return offset;
    }

    /** Gives memory obtained by {@link #copyIn} (or handed over as a result) back: {@code size} bytes at {@code offset}. */
    void free(Instance instance, int offset, int size) {
        allocator(instance).free(offset, size);
    }

    /** The export that frees, among {@code exports}, or {@code null} when there is none to free with. */
    String deallocateExport(List<ExportType> exports) {
        if (allocate != null && !allocate.isEmpty()) {
            return exportsFunction(exports, deallocate) ? deallocate : null;
        }
        if (exportsFunction(exports, "malloc") && exportsFunction(exports, "free")) {
            return "free";
        }
        if (exportsFunction(exports, "alloc") && exportsFunction(exports, "dealloc")) {
            return "dealloc";
        }
        return null;
    }

    private Memory requireMemory(Instance instance) {
        Memory memory = instance.memory();
        if (memory == null) {
            throw new WasmException("module '" + moduleName + "' has no memory to pass a string or byte[] through");
        }
        return memory;
    }

    private io.wasmspring.engine.host.GuestAllocator allocator(Instance instance) {
        try {
            if (allocate == null || allocate.isEmpty()) {
                return io.wasmspring.engine.host.GuestAllocator.of(instance);
            }
            return io.wasmspring.engine.host.GuestAllocator.of(instance, allocate,
                    exportsFunction(instance.exports(), deallocate) ? deallocate : null);
        } catch (WasmException e) {
            throw new WasmException("module '" + moduleName + "' cannot receive a string or byte[]: " + e.getMessage()
                    + " (configure its allocator with wasm.modules." + moduleName + ".allocator.allocate and .deallocate)", e);
        }
    }

    private static boolean exportsFunction(List<ExportType> exports, String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (ExportType export : exports) {
            if (export.name().equals(name) && export.type() instanceof FunctionType) {
                return true;
            }
        }
        return false;
    }
}
