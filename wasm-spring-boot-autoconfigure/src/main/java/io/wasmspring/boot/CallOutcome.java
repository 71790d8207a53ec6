package io.wasmspring.boot;

import io.wasmspring.engine.Trap;

/** How a call into a module ended, as observations and metrics tag it. */
public enum CallOutcome {

    /** The export returned normally. */
    SUCCESS,

    /** The code trapped. */
    TRAP,

    /** The call ran past its deadline or fuel. */
    TIMEOUT,

    /** Anything else: bad arguments, a pool that had no instance in time, a failing host function. */
    ERROR;

    /** The outcome of a call that threw {@code failure} ({@link #SUCCESS} for {@code null}). */
    public static CallOutcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (isTimeout(failure)) {
            return TIMEOUT;
        }
        return failure instanceof Trap ? TRAP : ERROR;
    }

    /** The engine reports deadlines and fuel as traps or their own exceptions; both name the cause. */
    private static boolean isTimeout(Throwable failure) {
        if (failure instanceof WasmCallTimeoutException) {
            return true;
        }
        String type = failure.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        String message = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return type.contains("timeout") || type.contains("deadline") || type.contains("fuel")
                || (failure instanceof Trap && (message.contains("deadline") || message.contains("timed out")
                        || message.contains("timeout") || message.contains("fuel")));
    }

    /** The tag value: lower case. */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
