package io.wasmspring.boot;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import java.nio.charset.StandardCharsets;

/**
 * One instance of a {@link WasmModule}, lent to the calling thread for the length of a
 * {@link WasmModule#withInstance} block: several calls run on the same memory and globals.
 * Do not keep it past the block.
 */
public final class WasmInstance {

    private final WasmModule module;
    private final Instance instance;

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
        ValueMapper.Arguments arguments = ValueMapper.arguments(function, args, instance, module.allocator());
        Object[] results = function.call(arguments.values());
        Object result = ValueMapper.result(function, results, resultType, instance);
        for (int[] allocation : arguments.allocations()) {
            module.allocator().free(instance, allocation[0], allocation[1]);
        }
        return (T) result;
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

    /** Copies {@code data} into memory obtained from the module's allocator; returns its offset. */
    public int copyIn(byte[] data) {
        return module.allocator().copyIn(instance, data);
    }

    /** Reads {@code length} bytes at {@code offset} of the memory as UTF-8. */
    public String readString(int offset, int length) {
        return new String(instance.memory().readBytes(Integer.toUnsignedLong(offset), length), StandardCharsets.UTF_8);
    }
}
