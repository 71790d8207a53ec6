package io.wasmspring.engine;

/**
 * A call stopped because it went past one of its instance's {@link ExecutionLimits} (or its
 * thread was interrupted), not because the code trapped by itself. The instance stays usable:
 * its memory and globals hold whatever the stopped call had written.
 */
public abstract class ExecutionLimitException extends Trap {

    protected ExecutionLimitException(String message) {
        super(message);
    }

    /** The name of the limit in {@link ExecutionLimits}, for example {@code "callTimeout"}. */
    public abstract String limitName();
}
