package io.wasmspring.boot;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.Memory;
import java.time.Duration;

/**
 * The limits of one module's instances; 0 (or {@code null} for the timeout) means none. Every
 * instance is created with them ({@link #toExecutionLimits()}), so the engine enforces them on
 * every call: {@code memory.grow} past {@code maxMemoryPages} returns -1 (a module whose memory
 * starts bigger fails to start with {@link WasmLimitExceededException}); a call past its timeout
 * or fuel stops with {@link io.wasmspring.engine.CallTimeoutException} or
 * {@link io.wasmspring.engine.FuelExhaustedException}; nesting past {@code maxCallDepth} traps
 * with "call stack exhausted". An instance whose call stopped is discarded.
 *
 * @param maxMemoryPages the most 64 KiB pages an instance's memory may have
 * @param callTimeout    the longest one call may run
 * @param fuel           the instruction budget of one call
 * @param maxCallDepth   the deepest nesting of wasm calls
 */
public record WasmLimits(int maxMemoryPages, Duration callTimeout, long fuel, int maxCallDepth) {

    /** No limits at all. */
    public static final WasmLimits NONE = new WasmLimits(0, null, 0, 0);

    /** The engine's form of these limits; unset ones keep the engine's defaults. */
    public ExecutionLimits toExecutionLimits() {
        ExecutionLimits.Builder builder = ExecutionLimits.builder();
        if (maxMemoryPages > 0) {
            builder.maxMemoryPages(Math.min(maxMemoryPages, Memory.MAX_PAGES));
        }
        if (callTimeout != null && !callTimeout.isNegative()) {
            builder.callTimeout(callTimeout);
        }
        if (fuel > 0) {
            builder.fuel(fuel);
        }
        if (maxCallDepth > 0) {
            builder.maxCallDepth(maxCallDepth);
        }
        return builder.build();
    }
}
