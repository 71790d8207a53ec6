package io.wasmspring.engine;

/**
 * The thread running a call was interrupted ({@link Thread#interrupt()}), so the call stopped.
 * The thread's interrupt flag stays set, for the code above to see.
 */
public class CallInterruptedException extends ExecutionLimitException {

    public CallInterruptedException() {
        super("call interrupted: the thread running it was interrupted (Thread.interrupt)");
    }

    @Override
    public String limitName() {
        return "interruption";
    }
}
