package io.wasmspring.boot;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One instance of a {@link WasmModule}, lent to the calling thread for the length of a
 * {@link WasmModule#withInstance} block: several calls run on the same memory and globals.
 * Do not keep it past the block. If guest code fails during a call made through it (a trap, a
 * timeout, an exception out of a host function, whatever its type), the instance is discarded
 * when the block ends, even when the block catches the exception and carries on.
 */
public final class WasmInstance {

    private final WasmModule module;
    private final Instance instance;
    /** Set for good once guest code called through this object failed. */
    private boolean failedInGuest;

    WasmInstance(WasmModule module, Instance instance) {
        this.module = module;
        this.instance = instance;
    }

    /** The module this is an instance of. */
    public WasmModule module() {
        return module;
    }

    /** The engine's instance, for everything this class does not cover. */
    public Instance instance() {
        return instance;
    }

    /** The instance's memory, or {@code null} when it has none. */
    public Memory memory() {
        return instance.memory();
    }

    /** Calls {@code export}; returns its one result, {@code null} for none, an {@code Object[]} for several. */
    public Object call(String export, Object... args) {
        return call(export, Object.class, args);
    }

    /**
     * Calls {@code export} with Java numbers, strings and byte arrays (see {@link WasmModule#call(String, Class, Object...)})
     * and returns its result as {@code resultType}.
     */
    public <T> T call(String export, Class<T> resultType, Object... args) {
        // The name reaches metric tags: a caller-supplied name that is no export must not create a new series.
        String observedName = module.exportsFunction(export) ? export : WasmCallObserver.UNKNOWN_FUNCTION;
        return module.observer().observeCall(module.name(), observedName, () -> invoke(export, resultType, args));
    }

    @SuppressWarnings("unchecked")
    private <T> T invoke(String export, Class<T> resultType, Object[] args) {
        ExportedFunction function = instance.function(export);
        GuestAllocator allocator = module.allocator();
        List<int[]> allocations = new ArrayList<>(0);
        try {
            Object[] values = ValueMapper.arguments(function, args, bytes -> {
                int offset = copyIn(bytes);
                allocations.add(new int[] {offset, bytes.length});
                return offset;
            });
            Object[] results = guest(() -> function.call(values));
            return (T) ValueMapper.result(function, results, resultType, instance, resultBuffers(allocator));
        } finally {
            // After a failure in guest code the instance is discarded: freeing into it would be wasted (or trap again).
            if (!failedInGuest) {
                for (int[] allocation : allocations) {
                    free(allocator, allocation[0], allocation[1]);
                }
            }
        }
    }

    private ValueMapper.ResultBuffers resultBuffers(GuestAllocator allocator) {
        if (!module.freesResults()) {
            return ValueMapper.ResultBuffers.KEEP;
        }
        return (offset, size) -> free(allocator, offset, size);
    }

    /** Gives {@code size} bytes at {@code offset} back through the guest's allocator. */
    private void free(GuestAllocator allocator, int offset, int size) {
        guest(() -> {
            allocator.free(instance, offset, size);
            return null;
        });
    }

    /**
     * Runs guest code (an export, the allocator). When it fails, whatever the exception, the
     * instance may be left half-way through it: remember that, so the module discards the
     * instance at the end of the block even when the caller catches the exception.
     */
    private <R> R guest(Supplier<R> code) {
        try {
            return code.get();
        } catch (RuntimeException | Error e) {
            failedInGuest = true;
            throw e;
        }
    }

    /** Whether guest code failed on this instance during the block (its state cannot be trusted). */
    boolean failedInGuest() {
        return failedInGuest;
    }

    public int callInt(String export, Object... args) {
        return call(export, Integer.class, args);
    }

    public long callLong(String export, Object... args) {
        return call(export, Long.class, args);
    }

    public double callDouble(String export, Object... args) {
        return call(export, Double.class, args);
    }

    public String callString(String export, Object... args) {
        return call(export, String.class, args);
    }

    /**
     * Copies {@code data} into memory obtained from the module's allocator; returns its offset.
     *
     * @throws WasmLimitExceededException when it cannot fit in the memory, however far it grew
     */
    public int copyIn(byte[] data) {
        module.allocator().checkFits(instance, data.length);
        return guest(() -> module.allocator().copyIn(instance, data));
    }

    /** Reads {@code length} bytes at {@code offset} of the memory as UTF-8. */
    public String readString(int offset, int length) {
        return new String(instance.memory().readBytes(Integer.toUnsignedLong(offset), length), StandardCharsets.UTF_8);
    }
}
