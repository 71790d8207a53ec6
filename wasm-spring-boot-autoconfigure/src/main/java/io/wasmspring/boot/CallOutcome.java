package io.wasmspring.boot;

import io.wasmspring.engine.CallInterruptedException;
import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.Trap;

/** How a call into a module ended, as observations and metrics tag it. */
public enum CallOutcome {

    /** The export returned normally. */
    SUCCESS,

    /**
     * The code trapped (a call nested past {@code max-call-depth} included), or a host function
     * threw an exception, which reaches the caller as a trap naming it.
     */
    TRAP,

    /** The call ran past its {@code call-timeout} or used up its {@code fuel}. */
    TIMEOUT,

    /**
     * Anything else: bad arguments, an argument too big for the memory, a pool that had no
     * instance in time, an engine exception a host function let through, an interrupted thread.
     */
    ERROR;

    /** The outcome of a call that threw {@code failure} ({@link #SUCCESS} for {@code null}). */
    public static CallOutcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (failure instanceof CallTimeoutException || failure instanceof FuelExhaustedException
                || failure instanceof WasmCallTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof CallInterruptedException) {
            return ERROR;
        }
        return failure instanceof Trap ? TRAP : ERROR;
    }

    /** The tag value: lower case. */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
