package io.wasmspring.boot;

import java.time.Duration;

/**
 * The limits of one module's instances; 0 (or {@code null} for the timeout) means none.
 *
 * <p>{@code maxMemoryPages} is enforced here: an instance whose memory has grown past it is
 * discarded and the call fails with {@link WasmLimitExceededException}. The call timeout, fuel
 * and call depth are handed to the engine and take effect once its limits API exists.
 *
 * @param maxMemoryPages the most 64 KiB pages an instance's memory may have
 * @param callTimeout    the longest one call may run
 * @param fuel           the instruction budget of one call
 * @param maxCallDepth   the deepest nesting of wasm calls
 */
public record WasmLimits(int maxMemoryPages, Duration callTimeout, long fuel, int maxCallDepth) {

    /** No limits at all. */
    public static final WasmLimits NONE = new WasmLimits(0, null, 0, 0);
}
