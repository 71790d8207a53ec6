package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.runtime.WasmFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow parts of calls: invoking host functions (arguments off the value stack, results back
 * onto it, host failures turned into traps) and building the wasm stack trace of a trap.
 */
final class ControlOps {

    private ControlOps() {
    }

    private static final long[] NO_VALUES = new long[0];
    /** Frames listed in a stack trace before the rest is summarized. */
    static final int MAX_TRACE_FRAMES = 100;

    /**
     * Calls {@code host} with its arguments taken from the top of the value stack ({@code sp} is
     * the first free slot) and writes its results where the arguments were.
     *
     * @return the new first free slot
     */
    static int callHost(ExecutionContext ctx, HostFunctionInstance host, InstanceState caller, int sp) {
        FunctionType type = host.type;
        int params = type.paramSlots();
        long[] args = new long[params];
        System.arraycopy(ctx.stack, sp - params, args, 0, params);
        long[] results = invokeHost(host, caller == null ? null : caller.api, args);
        // A host function may take long: check the deadline now, not many iterations later.
        ctx.checkAfterHostCall();
        long[] stack = ctx.stack;
        System.arraycopy(results, 0, stack, sp - params, results.length);
        return sp - params + results.length;
    }

    /** Runs a host function's handler with raw values, checking what it returns. */
    static long[] invokeHost(HostFunctionInstance host, Instance caller, long[] args) {
        FunctionType type = host.type;
        normalize(type.params(), args);
        long[] results;
        try {
            results = host.handler.call(caller, args);
        } catch (Trap t) {
            t.setWasmStackTrace(append(t.wasmStackTrace(), host.displayName()));
            throw t;
        } catch (WasmException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new Trap(Trap.CALL_STACK_EXHAUSTED, e);
        } catch (RuntimeException e) {
            Trap t = new Trap("host function " + host.displayName() + " failed: " + e, e);
            t.setWasmStackTrace(List.of(host.displayName()));
            throw t;
        }
        if (results == null) {
            results = NO_VALUES;
        }
        if (results.length != type.resultSlots()) {
            throw new Trap("host function " + host.displayName() + " returned " + results.length
                    + " values where its type " + type + " has " + type.resultSlots());
        }
        return results;
    }

    /** i32 and f32 values as the contract shows them to the host: the low 32 bits, zero-extended. */
    static void normalize(List<ValueType> types, long[] values) {
        int slot = 0;
        for (ValueType t : types) {
            if (slot >= values.length) {
                return;
            }
            if (t == ValueType.I32 || t == ValueType.F32) {
                values[slot] &= 0xFFFF_FFFFL;
            }
            slot += t.slots();
        }
    }

    private static List<String> append(List<String> trace, String frame) {
        List<String> out = new ArrayList<>(trace.size() + 1);
        out.addAll(trace);
        out.add(frame);
        return out;
    }

    /**
     * Adds the frames of one dispatch loop to a trap's stack trace (innermost first): the function
     * that was running, then its callers down to the loop's first frame.
     */
    static void addFrames(Trap trap, WasmFunction current, WasmFunction[] callers, int depth, int baseDepth) {
        List<String> trace = new ArrayList<>(trap.wasmStackTrace());
        trace.add(current.displayName());
        int d = depth - 1;
        for (; d >= baseDepth && trace.size() < MAX_TRACE_FRAMES; d--) {
            trace.add(callers[d].displayName());
        }
        if (d >= baseDepth) {
            trace.add("... " + (d - baseDepth + 1) + " more frames");
        }
        trap.setWasmStackTrace(trace);
    }
}
