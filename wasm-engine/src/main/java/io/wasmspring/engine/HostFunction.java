package io.wasmspring.engine;

/**
 * The low-level form of a host function: raw values in, raw values out. Values are raw bits as
 * the interpreter holds them: i32 in the low 32 bits of a {@code long}, i64 as is, f32/f64 as
 * their IEEE bits, a reference as a handle of the caller's store (0 is null).
 */
@FunctionalInterface
public interface HostFunction {

    /**
     * @param caller the instance whose code made the call (gives access to its memory)
     * @param args   one slot per parameter
     * @return one slot per result (an empty array, or {@code null}, when there are none)
     */
    long[] call(Instance caller, long[] args);
}
