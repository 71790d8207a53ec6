package io.wasmspring.engine;

/** A call executed more instructions than its {@link ExecutionLimits#fuel()} allows. */
public class FuelExhaustedException extends ExecutionLimitException {

    private final long fuel;

    public FuelExhaustedException(long fuel) {
        super("fuel exhausted: the call executed more than its fuel of " + fuel
                + " instructions (raise ExecutionLimits fuel to allow longer calls)");
        this.fuel = fuel;
    }

    /** The budget that was used up. */
    public long fuel() {
        return fuel;
    }

    @Override
    public String limitName() {
        return "fuel";
    }
}
