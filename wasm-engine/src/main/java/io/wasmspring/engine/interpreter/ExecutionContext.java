package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.CallInterruptedException;
import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.runtime.WasmFunction;
import java.time.Duration;
import java.util.Arrays;

/**
 * One thread's execution state, reused across calls: the value stack (locals and operands of
 * every active frame, as raw {@code long} slots) and the frame stack (return pc, frame pointer
 * and function of every suspended caller). A host function that calls back into wasm continues
 * on the same stacks above its caller's frame.
 */
final class ExecutionContext {

    /** Slots the value stack may grow to (64 MiB); deeper needs trap as an exhausted call stack. */
    static final int MAX_STACK_SLOTS = 8 << 20;
    /** A stack grown past this is given back when the outermost call returns. */
    private static final int RETAINED_STACK_SLOTS = 1 << 20;
    private static final int INITIAL_STACK_SLOTS = 4096;
    private static final int INITIAL_FRAMES = 256;

    /**
     * Instructions between two visits of {@link #checkLimits()}: loop back-edges and calls count
     * down by the instructions they charge (see {@link FunctionLowering}).
     */
    static final int CHECK_INTERVAL = 1 << 16;

    // The limits of the outermost call running on this thread (re-entrant calls share them).
    /** Nested wasm frames allowed. */
    int maxCallDepth = ExecutionLimits.DEFAULT_MAX_CALL_DEPTH;
    /** The call timeout, or {@code null}; and its deadline in {@link System#nanoTime()} terms. */
    private Duration timeout;
    private long deadline;
    /** The fuel budget (0: none), and the fuel not yet handed out as a countdown. */
    private long fuel;
    private long fuelLeft;

    long[] stack = new long[INITIAL_STACK_SLOTS];
    /**
     * First free slot: when no dispatch loop of this thread is running, and while the running
     * one is in its slow path (which hands over {@link #pc} and {@link #countdown} the same way;
     * a loop that returns leaves its countdown, for {@link #returnCountdown}).
     */
    int sp;
    int pc;
    int countdown;
    /** The running dispatch loop's function, its instance, frame pointer and memory bytes (kept current on calls and returns). */
    WasmFunction fn;
    InstanceState inst;
    int fp;
    byte[] mem;
    /** Number of suspended frames (always current). */
    int depth;
    /** Calls at a depth below this need neither a limit check nor a larger frame stack. */
    int fastCallDepth = Math.min(maxCallDepth - 1, INITIAL_FRAMES);
    /** Invocations from Java (including host re-entries) currently running on this thread. */
    int activeCalls;
    /** Two ints per suspended frame: return pc and frame pointer. */
    int[] frames = new int[2 * INITIAL_FRAMES];
    WasmFunction[] callers = new WasmFunction[INITIAL_FRAMES];

    /** The value stack with at least {@code slots} slots. */
    long[] ensureStack(int slots) {
        if (slots <= stack.length) {
            return stack;
        }
        if (slots > MAX_STACK_SLOTS || slots < 0) {
            throw new Trap(Trap.CALL_STACK_EXHAUSTED);
        }
        int length = (int) Math.min(MAX_STACK_SLOTS, Math.max(slots, 2L * stack.length));
        stack = Arrays.copyOf(stack, length);
        return stack;
    }

    /** Doubles the frame stack. */
    void growFrames() {
        int n = callers.length * 2;
        callers = Arrays.copyOf(callers, n);
        frames = Arrays.copyOf(frames, 2 * n);
        updateFastCallDepth();
    }

    private void updateFastCallDepth() {
        fastCallDepth = Math.min(maxCallDepth - 1, callers.length);
    }

    /**
     * After the outermost call: drops an oversized stack, and after a trap (which leaves
     * suspended frames behind) the references to their functions.
     */
    void release(boolean trapped) {
        if (trapped) {
            Arrays.fill(callers, null);
        }
        // Nothing of the last call's instance stays reachable from the thread.
        fn = null;
        inst = null;
        mem = null;
        if (stack.length > RETAINED_STACK_SLOTS) {
            stack = new long[INITIAL_STACK_SLOTS];
        }
        if (callers.length > 4 * INITIAL_FRAMES) {
            callers = new WasmFunction[INITIAL_FRAMES];
            frames = new int[2 * INITIAL_FRAMES];
        }
        updateFastCallDepth();
    }

    /** At the start of an outermost call: takes on the limits of the instance being called. */
    void beginCall(ExecutionLimits limits) {
        maxCallDepth = limits.maxCallDepth();
        updateFastCallDepth();
        timeout = limits.callTimeout();
        if (timeout != null) {
            long nanos;
            try {
                nanos = timeout.toNanos();
            } catch (ArithmeticException e) {
                nanos = Long.MAX_VALUE / 2;
            }
            deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2);
        }
        fuel = limits.fuel();
        fuelLeft = fuel;
    }

    /** After a host function returns to wasm: stops the call on interruption or a passed deadline (fuel is left to the countdown). */
    void checkAfterHostCall() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CallInterruptedException();
        }
        if (timeout != null && System.nanoTime() - deadline > 0) {
            throw new CallTimeoutException(timeout);
        }
    }

    /** The trap for a call past {@link #maxCallDepth} nested frames (built here to keep the dispatch loop small). */
    Trap callStackExhausted() {
        return new Trap(Trap.CALL_STACK_EXHAUSTED + ": more than " + maxCallDepth
                + " nested calls (the maxCallDepth limit; raise ExecutionLimits maxCallDepth for deeper recursion)");
    }

    /** When a dispatch loop returns normally: the unused part of its countdown goes back to the fuel. */
    void returnCountdown() {
        if (fuel != 0 && countdown > 0) {
            fuelLeft += countdown;
        }
        countdown = 0;
    }

    /**
     * The slow path of the limits countdown, reached when a dispatch loop starts and whenever its
     * countdown runs out (every {@link #CHECK_INTERVAL} instructions at most): stops the call when
     * its thread is interrupted, its deadline has passed or its fuel is used up. Returns the next
     * countdown: the fuel handed out, or {@link #CHECK_INTERVAL} without a fuel budget.
     */
    int checkLimits() {
        if (Thread.currentThread().isInterrupted()) {
            // isInterrupted leaves the flag set, for the caller to see.
            throw new CallInterruptedException();
        }
        if (timeout != null && System.nanoTime() - deadline > 0) {
            throw new CallTimeoutException(timeout);
        }
        if (fuel == 0) {
            return CHECK_INTERVAL;
        }
        if (fuelLeft <= 0) {
            throw new FuelExhaustedException(fuel);
        }
        int grant = (int) Math.min(CHECK_INTERVAL, fuelLeft);
        fuelLeft -= grant;
        return grant;
    }
}
