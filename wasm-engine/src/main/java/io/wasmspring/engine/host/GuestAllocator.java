package io.wasmspring.engine.host;

import io.wasmspring.engine.Instance;

/**
 * Allocates and frees memory inside a module's linear memory, so the host can pass data into
 * its exports. Usually backed by the module's own exported allocator: {@code malloc}/{@code free}
 * (C, TinyGo), {@code alloc}/{@code dealloc} with a size argument (a common Rust pattern), or
 * exports with other names.
 */
public interface GuestAllocator {

    /**
     * Allocates {@code size} bytes in the guest.
     *
     * @return the pointer (an unsigned 32-bit offset in the memory)
     * @throws io.wasmspring.engine.WasmException when the guest cannot allocate (returned 0)
     */
    int allocate(int size);

    /** Frees what {@link #allocate} returned; {@code size} is the size it was asked for. */
    void free(int pointer, int size);

    /**
     * The allocator {@code instance} exports: {@code malloc}/{@code free} when it exports
     * both, else {@code alloc}/{@code dealloc}.
     *
     * @throws io.wasmspring.engine.WasmException naming what was looked for when it exports neither pair
     */
    static GuestAllocator of(Instance instance) {
        return ExportedAllocator.detect(instance);
    }

    /**
     * The allocator exported as {@code allocate} ({@code (param i32) (result i32)}) and
     * {@code free} ({@code (param i32)}, or {@code (param i32 i32)} with the size); a {@code null}
     * {@code free} for a guest that never frees (its allocations then leak).
     */
    static GuestAllocator of(Instance instance, String allocate, String free) {
        return ExportedAllocator.of(instance, allocate, free);
    }
}
