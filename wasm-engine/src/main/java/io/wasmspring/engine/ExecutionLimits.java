package io.wasmspring.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What an instance's code may use, fixed when the instance is created with
 * {@link Module#instantiate(Imports, ExecutionLimits)} and obeyed by every call into it: each
 * call of an export, its start function, and every call a host function makes back into wasm
 * while the outer call runs (those share the outer call's deadline and fuel).
 *
 * <ul>
 *   <li>{@link #maxMemoryPages()}: the most 64 KiB pages the instance's own memory may have.
 *       {@code memory.grow} past it returns -1, as it does past the memory's declared maximum;
 *       a module whose memory starts bigger fails to instantiate with a {@link LinkException}.
 *       Imported memories keep their own limits.</li>
 *   <li>{@link #callTimeout()}: how long one call may run before it stops with a
 *       {@link CallTimeoutException}.</li>
 *   <li>{@link #fuel()}: how many instructions one call may execute before it stops with a
 *       {@link FuelExhaustedException}. Counted at loop back-edges and calls, a loop iteration
 *       or a call being charged for the instructions it can run at most once, so the count is
 *       an estimate of the right order of magnitude, deterministic for the same code and input.</li>
 *   <li>{@link #maxCallDepth()}: how many wasm calls may be nested before a call traps with
 *       {@link Trap#CALL_STACK_EXHAUSTED}.</li>
 * </ul>
 * Interrupting the calling thread stops a call too, with a {@link CallInterruptedException}.
 * Deadline, fuel and interruption are checked at loop back-edges and calls (deadline and
 * interruption also whenever a host function returns), so a runaway loop always stops; a host
 * function itself is not interrupted while it runs.
 *
 * <pre>{@code
 * ExecutionLimits limits = ExecutionLimits.builder()
 *         .callTimeout(Duration.ofSeconds(2))
 *         .fuel(50_000_000)
 *         .maxMemoryPages(256)   // 16 MiB
 *         .build();
 * Instance instance = module.instantiate(imports, limits);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class ExecutionLimits {

    /** Default of {@link #maxCallDepth()}: deep enough for real programs, shallow enough for the default heap. */
    public static final int DEFAULT_MAX_CALL_DEPTH = 100_000;

    /**
     * The defaults: memory up to what the engine supports ({@link Memory#MAX_PAGES}), no timeout,
     * no fuel budget, {@link #DEFAULT_MAX_CALL_DEPTH} nested calls.
     */
    public static final ExecutionLimits DEFAULT = new Builder().build();

    /** Same as {@link #DEFAULT}: nothing beyond what the engine itself needs. */
    public static final ExecutionLimits NONE = DEFAULT;

    private final int maxMemoryPages;
    private final Duration callTimeout;
    private final long fuel;
    private final int maxCallDepth;

    private ExecutionLimits(Builder b) {
        this.maxMemoryPages = b.maxMemoryPages;
        this.callTimeout = b.callTimeout;
        this.fuel = b.fuel;
        this.maxCallDepth = b.maxCallDepth;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder().maxMemoryPages(maxMemoryPages).callTimeout(callTimeout).fuel(fuel)
                .maxCallDepth(maxCallDepth);
    }

    /** The most pages the instance's own memory may have (at most {@link Memory#MAX_PAGES}). */
    public int maxMemoryPages() {
        return maxMemoryPages;
    }

    /** How long one call may run, or {@code null} for no limit. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** How many instructions one call may execute, or 0 for no limit. */
    public long fuel() {
        return fuel;
    }

    /** How many wasm calls may be nested. */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutionLimits l && maxMemoryPages == l.maxMemoryPages && fuel == l.fuel
                && maxCallDepth == l.maxCallDepth && Objects.equals(callTimeout, l.callTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxMemoryPages, callTimeout, fuel, maxCallDepth);
    }

    @Override
    public String toString() {
        return "ExecutionLimits[maxMemoryPages=" + maxMemoryPages + ", callTimeout=" + (callTimeout == null ? "none" : callTimeout)
                + ", fuel=" + (fuel == 0 ? "none" : fuel) + ", maxCallDepth=" + maxCallDepth + "]";
    }

    /** Builds {@link ExecutionLimits}; every setting starts at its default. */
    public static final class Builder {
        private int maxMemoryPages = Memory.MAX_PAGES;
        private Duration callTimeout;
        private long fuel;
        private int maxCallDepth = DEFAULT_MAX_CALL_DEPTH;

        private Builder() {
        }

        /** The most pages the instance's own memory may have; 0 to {@link Memory#MAX_PAGES}. */
        public Builder maxMemoryPages(int pages) {
            if (pages < 0 || pages > Memory.MAX_PAGES) {
                throw new IllegalArgumentException("maxMemoryPages must be between 0 and " + Memory.MAX_PAGES + ": " + pages);
            }
            this.maxMemoryPages = pages;
            return this;
        }

        /** How long one call may run; {@code null} or zero for no limit. */
        public Builder callTimeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("callTimeout must not be negative: " + timeout);
            }
            this.callTimeout = timeout == null || timeout.isZero() ? null : timeout;
            return this;
        }

        /** How many instructions one call may execute; 0 for no limit. */
        public Builder fuel(long instructions) {
            if (instructions < 0) {
                throw new IllegalArgumentException("fuel must not be negative: " + instructions);
            }
            this.fuel = instructions;
            return this;
        }

        /** How many wasm calls may be nested; at least 1. */
        public Builder maxCallDepth(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("maxCallDepth must be positive: " + frames);
            }
            this.maxCallDepth = frames;
            return this;
        }

        public ExecutionLimits build() {
            return new ExecutionLimits(this);
        }
    }
}
