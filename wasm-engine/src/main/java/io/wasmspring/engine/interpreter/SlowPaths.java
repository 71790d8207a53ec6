package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.runtime.WasmFunction;
import java.util.Arrays;

/**
 * Everything {@link Interpreter}'s dispatch loop does out of line. The loop hands over its state
 * in the {@link ExecutionContext} ({@code sp}, {@code pc}, {@code countdown}; the function,
 * instance and frame pointer are always there) and reloads all of it afterwards, so that no
 * value of the loop is live across a call (see the loop's comment).
 */
final class SlowPaths {

    private SlowPaths() {
    }

    /** The countdown ran out: check the limits (interrupt, deadline, fuel). */
    static final int LIMITS = 0;
    /** An instruction kept out of the loop ({@link RareOps}). */
    static final int RARE = 1;
    /** A call the loop's fast path does not take: host functions, other instances, deep or large frames, limits due. */
    static final int CALL = 2;
    static final int CALL_INDIRECT = 3;
    /** Nothing to do but reload (the loop changed the instance, so the memory). */
    static final int RESUME = 4;

    /** Sets up the first frame of a dispatch loop: {@code entry}'s arguments are at {@code fp}. */
    static void start(ExecutionContext ctx, WasmFunction entry, int fp) {
        CompiledFunction code = entry.code;
        long[] s = ctx.ensureStack(fp + code.frameSlots);
        int sp = fp + code.localSlots;
        Arrays.fill(s, fp + code.paramSlots, sp, 0L);
        ctx.fn = entry;
        ctx.inst = entry.instance;
        ctx.fp = fp;
        ctx.sp = sp;
        ctx.pc = 0;
        ctx.mem = MemoryOps.buffer(entry.instance);
        ctx.countdown = ctx.checkLimits();
    }

    static void run(ExecutionContext ctx, int action, FunctionInstance callee) {
        try {
            dispatch(ctx, action, callee);
        } catch (IndexOutOfBoundsException e) {
            // The loop reports its own index errors as out-of-bounds memory traps; everything out
            // here checks its bounds explicitly, so one from here is a bug, and must say so.
            throw new IllegalStateException("slow path " + action + " failed: " + e, e);
        }
        // Memory may have grown (memory.grow, a host function) or the instance changed.
        ctx.mem = MemoryOps.buffer(ctx.inst);
    }

    private static void dispatch(ExecutionContext ctx, int action, FunctionInstance callee) {
        switch (action) {
            case LIMITS -> ctx.countdown = ctx.checkLimits();
            case RARE -> {
                int[] code = ctx.fn.code.code;
                int pc = ctx.pc;
                long next = RareOps.execute(code[pc - 1], code, pc, ctx.stack, ctx.sp, ctx.fp, ctx.inst, ctx.mem);
                ctx.sp = (int) next;
                ctx.pc = (int) (next >>> 32);
            }
            case CALL -> call(ctx, callee);
            case CALL_INDIRECT -> {
                int[] code = ctx.fn.code.code;
                int pc = ctx.pc;
                FunctionInstance f = TableOps.indirectCallee(ctx.inst, code[pc], code[pc + 1], (int) ctx.stack[--ctx.sp]);
                ctx.pc = pc + 2;
                call(ctx, f);
            }
            case RESUME -> {
            }
            default -> throw new IllegalStateException("slow path " + action);
        }
    }

    private static void call(ExecutionContext ctx, FunctionInstance callee) {
        if (callee instanceof WasmFunction w) {
            enter(ctx, w);
        } else {
            callHost(ctx, (HostFunctionInstance) callee);
        }
    }

    /** Pushes the caller's frame and enters {@code w}, its arguments on top of the stack. */
    private static void enter(ExecutionContext ctx, WasmFunction w) {
        int depth = ctx.depth;
        if (depth >= ctx.maxCallDepth - 1) {
            // Frames that may be suspended: the running one makes the maximum.
            throw ctx.callStackExhausted();
        }
        if (depth >= ctx.callers.length) {
            ctx.growFrames();
        }
        ctx.frames[2 * depth] = ctx.pc;
        ctx.frames[2 * depth + 1] = ctx.fp;
        ctx.callers[depth] = ctx.fn;
        ctx.depth = depth + 1;
        ctx.fn = w;
        ctx.inst = w.instance;
        CompiledFunction code = w.code;
        int fp = ctx.sp - code.paramSlots;
        long[] s = ctx.ensureStack(fp + code.frameSlots);
        int sp = fp + code.localSlots;
        Arrays.fill(s, fp + code.paramSlots, sp, 0L);
        ctx.fp = fp;
        ctx.sp = sp;
        ctx.pc = 0;
        if ((ctx.countdown -= code.callCost) <= 0) {
            ctx.countdown = ctx.checkLimits();
        }
    }

    /**
     * Runs a host function on the arguments on top of the stack. It may call back into wasm, which
     * runs a dispatch loop of its own on this context: the loop state is put back afterwards.
     */
    private static void callHost(ExecutionContext ctx, HostFunctionInstance host) {
        WasmFunction fn = ctx.fn;
        int fp = ctx.fp;
        int pc = ctx.pc;
        int countdown = ctx.countdown;
        try {
            ctx.sp = ControlOps.callHost(ctx, host, fn.instance, ctx.sp);
        } finally {
            ctx.fn = fn;
            ctx.inst = fn.instance;
            ctx.fp = fp;
            ctx.pc = pc;
            ctx.countdown = countdown;
        }
    }
}
