package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.Trap;
import io.wasmspring.engine.runtime.WasmFunction;
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

    /** Loop back-edges and calls between two visits of {@link #checkLimits()}. */
    static final int CHECK_INTERVAL = 1 << 16;

    long[] stack = new long[INITIAL_STACK_SLOTS];
    /** First free slot, when no dispatch loop of this thread is running or while one calls the host. */
    int sp;
    /** Number of suspended frames, same moments as {@link #sp}. */
    int depth;
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
    }

    /**
     * After the outermost call: drops an oversized stack, and after a trap (which leaves
     * suspended frames behind) the references to their functions.
     */
    void release(boolean trapped) {
        if (trapped) {
            Arrays.fill(callers, null);
        }
        if (stack.length > RETAINED_STACK_SLOTS) {
            stack = new long[INITIAL_STACK_SLOTS];
        }
        if (callers.length > 4 * INITIAL_FRAMES) {
            callers = new WasmFunction[INITIAL_FRAMES];
            frames = new int[2 * INITIAL_FRAMES];
        }
    }

    /**
     * The slow path of the limits countdown, reached every {@link #CHECK_INTERVAL} back-edges and
     * calls: where the deadline, fuel and interruption checks belong. Returns the next countdown.
     */
    int checkLimits() {
        return CHECK_INTERVAL;
    }
}
