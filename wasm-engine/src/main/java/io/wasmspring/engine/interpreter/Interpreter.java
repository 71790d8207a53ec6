package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.runtime.WasmFunction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Executes functions: one dispatch loop per entry from Java, in which wasm calls and returns push
 * and pop frames on the thread's {@link ExecutionContext} instead of recursing on the JVM stack,
 * so deep wasm recursion ends in a {@code call stack exhausted} trap, never a StackOverflowError.
 *
 * <p>Values are raw {@code long} slots. Inside the loop an i32 or f32 slot may carry any upper
 * bits (every reader casts to {@code int}); at the boundary to Java they are zero-extended.
 */
public final class Interpreter {

    private Interpreter() {
    }

    /** How many wasm frames may be active before a call traps, unless the instance's limits say otherwise. */
    public static final int DEFAULT_MAX_CALL_DEPTH = ExecutionLimits.DEFAULT_MAX_CALL_DEPTH;

    /**
     * The bits of a numeric {@link Global}, read and written as a field. A VarHandle access is
     * inlined whatever is left of the JIT's inlining budget, which the dispatch loop uses up; a
     * {@code Global.bits()} left as a real call in the loop would cost far more than the access.
     */
    private static final VarHandle GLOBAL_BITS;

    static {
        try {
            GLOBAL_BITS = MethodHandles.privateLookupIn(Global.class, MethodHandles.lookup())
                    .findVarHandle(Global.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ThreadLocal<ExecutionContext> CONTEXT = ThreadLocal.withInitial(ExecutionContext::new);

    /** This thread's context (tests look at what it keeps between calls). */
    static ExecutionContext context() {
        return CONTEXT.get();
    }

    /**
     * Runs {@code f} to completion on the current thread.
     *
     * @param args one raw slot per parameter slot
     * @return one raw slot per result slot
     * @throws Trap when execution traps, with the wasm stack trace
     */
    public static long[] invoke(FunctionInstance f, long[] args) {
        FunctionType type = f.type;
        if (args.length != type.paramSlots()) {
            throw new WasmException(f.displayName() + " takes " + type.paramSlots() + " argument slots " + type
                    + ", got " + args.length);
        }
        if (f instanceof HostFunctionInstance host) {
            return ControlOps.invokeHost(host, null, args.clone());
        }
        WasmFunction function = (WasmFunction) f;
        ExecutionContext ctx = CONTEXT.get();
        int base = ctx.sp;
        int depth = ctx.depth;
        if (ctx.activeCalls == 0) {
            // Re-entrant calls from host functions run under the outermost call's limits.
            ctx.beginCall(function.instance.limits);
        }
        ctx.activeCalls++;
        boolean completed = false;
        try {
            long[] stack = ctx.ensureStack(base + args.length);
            System.arraycopy(args, 0, stack, base, args.length);
            execute(ctx, function, base);
            ctx.returnCountdown();
            long[] results = new long[type.resultSlots()];
            System.arraycopy(ctx.stack, base, results, 0, results.length);
            ControlOps.normalize(type.results(), results);
            completed = true;
            return results;
        } catch (StackOverflowError e) {
            // Only host functions re-entering wasm recurse on the JVM stack.
            throw new Trap(Trap.CALL_STACK_EXHAUSTED, e);
        } finally {
            if (!completed && ctx.depth > depth) {
                // A trap leaves this call's suspended frames behind: drop their functions, so that
                // a host function catching the trap does not keep them reachable from the thread.
                Arrays.fill(ctx.callers, depth, Math.min(ctx.depth, ctx.callers.length), null);
            }
            ctx.sp = base;
            ctx.depth = depth;
            if (--ctx.activeCalls == 0) {
                ctx.release(!completed);
            }
        }
    }

    /**
     * Runs a host function with {@code caller} as its calling instance, the way a wasm {@code call}
     * does: its failures become traps naming it, and a wrong number of results traps.
     *
     * @param args one raw slot per parameter slot (not modified)
     */
    public static long[] invokeHost(HostFunctionInstance host, Instance caller, long[] args) {
        if (args.length != host.type.paramSlots()) {
            throw new WasmException(host.displayName() + " takes " + host.type.paramSlots() + " argument slots "
                    + host.type + ", got " + args.length);
        }
        return ControlOps.invokeHost(host, caller, args.clone());
    }

    /**
     * The dispatch loop. Runs {@code entry}, whose arguments are at {@code s[entryFp...]}, and
     * leaves its results at {@code s[entryFp...]} of {@code ctx.stack}.
     *
     * <p>Register allocation decides the speed of this loop. The values every instruction uses
     * (pc, sp, fp, the stack, the code, the memory, the countdown) are locals, and none of them is
     * live across a call: anything that calls out (limits checks, rare instructions, host calls,
     * calls the fast path does not cover) breaks out to one slow path, which stores them in the
     * context, runs {@link SlowPaths}, and reloads them all. Otherwise HotSpot keeps them in
     * stack slots and the loop spends more time moving them than executing instructions. The
     * rest of the state (function, instance, depth) lives in the context and changes only on
     * calls and returns.
     */
    private static void execute(ExecutionContext ctx, WasmFunction entry, int entryFp) {
        final int baseDepth = ctx.depth;
        SlowPaths.start(ctx, entry, entryFp);
        int pc = 0;
        int sp = ctx.sp;
        int fp = entryFp;
        int countdown = ctx.countdown;
        long[] s = ctx.stack;
        int[] code = entry.code.code;
        byte[] mem = ctx.mem;
        try {
            loop:
            while (true) {
                // What a case hands to the code after the switch: the slow path's action (and
                // callee), a memory access's stack slot or value and effective address.
                int action;
                FunctionInstance callee = null;
                int at;
                int ea;
                long v;
                // Nested blocks give the cases shared endings: "break loadI32" runs the code that
                // follows the loadI32 block, and so on outwards; plain "break" starts the next
                // instruction.
                slow:
                {
                storeI64:
                {
                storeI32:
                {
                loadI64:
                {
                loadI32:
                {
                    switch (code[pc++]) {
                        // ---- control ----
                        case Op.UNREACHABLE:
                            throw new Trap(Trap.UNREACHABLE);
                        case Op.JUMP:
                            pc = code[pc];
                            break;
                        case Op.JUMP_BACK:
                            countdown -= code[pc + 1];
                            pc = code[pc];
                            if (countdown <= 0) {
                                action = SlowPaths.LIMITS;
                                break slow;
                            }
                            break;
                        case Op.BR_IF:
                            pc = (int) s[--sp] != 0 ? code[pc] : pc + 1;
                            break;
                        case Op.BR_IF_BACK:
                            if ((int) s[--sp] != 0) {
                                countdown -= code[pc + 1];
                                pc = code[pc];
                                if (countdown <= 0) {
                                    action = SlowPaths.LIMITS;
                                    break slow;
                                }
                            } else {
                                pc += 2;
                            }
                            break;
                        case Op.BR_UNLESS:
                            pc = (int) s[--sp] == 0 ? code[pc] : pc + 1;
                            break;
                        case Op.BR_MOVE: {
                            int arity = code[pc + 1];
                            int dest = fp + code[pc + 2];
                            // Values move down (dest is below them): a forward copy, and no call.
                            for (int k = 0, from = sp - arity; k < arity; k++) {
                                s[dest + k] = s[from + k];
                            }
                            sp = dest + arity;
                            pc = code[pc];
                            break;
                        }
                        case Op.COUNTDOWN:
                            if ((countdown -= code[pc++]) <= 0) {
                                action = SlowPaths.LIMITS;
                                break slow;
                            }
                            break;
                        case Op.BR_TABLE: {
                            int n = code[pc];
                            int i = (int) s[--sp];
                            int e = pc + 1 + 3 * (i < 0 || i > n ? n : i);
                            int arity = code[e + 1];
                            int dest = fp + code[e + 2];
                            if (dest != sp - arity) {
                                System.arraycopy(s, sp - arity, s, dest, arity);
                            }
                            sp = dest + arity;
                            pc = code[e];
                            if (--countdown <= 0) {
                                action = SlowPaths.LIMITS;
                                break slow;
                            }
                            break;
                        }
                        case Op.RETURN: {
                            int r = code[pc];
                            if (r == 1) {
                                s[fp] = s[sp - 1];
                            } else {
                                for (int k = 0, from = sp - r; k < r; k++) {
                                    s[fp + k] = s[from + k];
                                }
                            }
                            sp = fp + r;
                            int depth = ctx.depth;
                            if (depth == baseDepth) {
                                ctx.countdown = countdown;
                                return;
                            }
                            ctx.depth = --depth;
                            pc = ctx.frames[2 * depth];
                            fp = ctx.frames[2 * depth + 1];
                            ctx.fp = fp;
                            WasmFunction caller = ctx.callers[depth];
                            ctx.callers[depth] = null;
                            ctx.fn = caller;
                            code = caller.code.code;
                            if (caller.instance != ctx.inst) {
                                // Back into another instance: its memory, from the slow path.
                                ctx.inst = caller.instance;
                                action = SlowPaths.RESUME;
                                break slow;
                            }
                            break;
                        }
                        case Op.CALL: {
                            FunctionInstance f = ctx.inst.functions[code[pc++]];
                            if (f instanceof WasmFunction w && w.instance == ctx.inst) {
                                CompiledFunction cf = w.code;
                                int depth = ctx.depth;
                                int calleeFp = sp - cf.paramSlots;
                                if (depth < ctx.fastCallDepth && calleeFp + cf.frameSlots <= s.length
                                        && countdown > cf.callCost) {
                                    // The common call: same instance, room for the frame, no limits check due.
                                    ctx.frames[2 * depth] = pc;
                                    ctx.frames[2 * depth + 1] = fp;
                                    ctx.callers[depth] = ctx.fn;
                                    ctx.depth = depth + 1;
                                    ctx.fn = w;
                                    countdown -= cf.callCost;
                                    code = cf.code;
                                    fp = calleeFp;
                                    ctx.fp = fp;
                                    sp = fp + cf.localSlots;
                                    for (int i = fp + cf.paramSlots; i < sp; i++) {
                                        s[i] = 0;
                                    }
                                    pc = 0;
                                    break;
                                }
                            }
                            callee = f;
                            action = SlowPaths.CALL;
                            break slow;
                        }
                        case Op.CALL_INDIRECT:
                            action = SlowPaths.CALL_INDIRECT;
                            break slow;
                        // ---- parametric and variables ----
                        case Op.DROP:
                            sp--;
                            break;
                        case Op.SELECT:
                            sp -= 2;
                            if ((int) s[sp + 1] == 0) {
                                s[sp - 1] = s[sp];
                            }
                            break;
                        case Op.LOCAL_GET:
                            s[sp++] = s[fp + code[pc++]];
                            break;
                        case Op.LOCAL_GET2:
                            s[sp] = s[fp + code[pc]];
                            s[sp + 1] = s[fp + code[pc + 1]];
                            sp += 2;
                            pc += 2;
                            break;
                        case Op.LOCAL_SET:
                            s[fp + code[pc++]] = s[--sp];
                            break;
                        case Op.LOCAL_TEE:
                            s[fp + code[pc++]] = s[sp - 1];
                            break;
                        case Op.GLOBAL_GET:
                            s[sp++] = (long) GLOBAL_BITS.get(ctx.inst.globals[code[pc++]]);
                            break;
                        case Op.GLOBAL_SET:
                            GLOBAL_BITS.set(ctx.inst.globals[code[pc++]], s[--sp]);
                            break;

                        // ---- memory ----
                        // The effective address ea is u32 base + offset (offsets are below 2 GiB, see
                        // FunctionLowering), made negative when the base alone is 2 GiB or more
                        // (b >> 31) or the sum passes 2 GiB; the array or view check traps the rest
                        // (IndexOutOfBoundsException below). Plain loads and stores of 4 and 8 bytes
                        // share one access each, after the switch: every VarHandle access site is
                        // inlined whatever it costs, and costs the JIT's inlining budget (two f64
                        // superinstructions have their own load site).
                        case Op.I32_LOAD:
                        case Op.F32_LOAD:
                        case Op.I64_LOAD32_S: {
                            at = sp - 1;
                            int b = (int) s[at];
                            ea = b + code[pc++] | b >> 31;
                            break loadI32;
                        }
                        case Op.I32_LOAD_LOCAL: {
                            at = sp++;
                            int b = (int) s[fp + code[pc]];
                            ea = b + code[pc + 1] | b >> 31;
                            pc += 2;
                            break loadI32;
                        }
                        case Op.I32_STORE_LOCALS: {
                            int b = (int) s[fp + code[pc]];
                            ea = b + code[pc + 2] | b >> 31;
                            v = s[fp + code[pc + 1]];
                            pc += 3;
                            break storeI32;
                        }
                        case Op.I64_LOAD:
                        case Op.F64_LOAD: {
                            at = sp - 1;
                            int b = (int) s[at];
                            ea = b + code[pc++] | b >> 31;
                            break loadI64;
                        }
                        case Op.I32_LOAD8_S:
                        case Op.I64_LOAD8_S: {
                            int b = (int) s[sp - 1];
                            s[sp - 1] = mem[b + code[pc++] | b >> 31];
                            break;
                        }
                        case Op.I32_LOAD8_U:
                        case Op.I64_LOAD8_U: {
                            int b = (int) s[sp - 1];
                            s[sp - 1] = mem[b + code[pc++] | b >> 31] & 0xFF;
                            break;
                        }
                        case Op.I32_STORE:
                        case Op.F32_STORE:
                        case Op.I64_STORE32: {
                            sp -= 2;
                            int b = (int) s[sp];
                            ea = b + code[pc++] | b >> 31;
                            v = s[sp + 1];
                            break storeI32;
                        }
                        case Op.I64_STORE:
                        case Op.F64_STORE: {
                            sp -= 2;
                            int b = (int) s[sp];
                            ea = b + code[pc++] | b >> 31;
                            v = s[sp + 1];
                            break storeI64;
                        }
                        case Op.I32_STORE8:
                        case Op.I64_STORE8: {
                            sp -= 2;
                            int b = (int) s[sp];
                            mem[b + code[pc++] | b >> 31] = (byte) s[sp + 1];
                            break;
                        }

                        // ---- constants ----
                        case Op.CONST32:
                            s[sp++] = code[pc++];
                            break;
                        case Op.CONST64:
                            s[sp++] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
                            pc += 2;
                            break;

                        // ---- i32 ----
                        case Op.I32_EQZ:
                            s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
                            break;
                        case Op.I32_EQ:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0;
                            break;
                        case Op.I32_NE:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0;
                            break;
                        case Op.I32_LT_S:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0;
                            break;
                        case Op.I32_LT_U:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE < (int) s[sp] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_GT_S:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0;
                            break;
                        case Op.I32_GT_U:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE > (int) s[sp] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_LE_S:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0;
                            break;
                        case Op.I32_LE_U:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE <= (int) s[sp] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_GE_S:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0;
                            break;
                        case Op.I32_GE_U:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE >= (int) s[sp] + Integer.MIN_VALUE ? 1 : 0;
                            break;

                        // ---- i64 comparisons ----
                        case Op.I64_EQZ:
                            s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
                            break;
                        case Op.I64_EQ:
                            sp--;
                            s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0;
                            break;
                        case Op.I64_NE:
                            sp--;
                            s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0;
                            break;
                        case Op.I64_LT_S:
                            sp--;
                            s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0;
                            break;
                        case Op.I64_GT_S:
                            sp--;
                            s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0;
                            break;
                        case Op.I64_LE_S:
                            sp--;
                            s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0;
                            break;
                        case Op.I64_GE_S:
                            sp--;
                            s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0;
                            break;
                        case Op.I64_LT_U:
                            sp--;
                            s[sp - 1] = s[sp - 1] + Long.MIN_VALUE < s[sp] + Long.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I64_GT_U:
                            sp--;
                            s[sp - 1] = s[sp - 1] + Long.MIN_VALUE > s[sp] + Long.MIN_VALUE ? 1 : 0;
                            break;

                        // ---- float comparisons ----
                        case Op.F64_LT:
                            sp--;
                            s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) < Double.longBitsToDouble(s[sp]) ? 1 : 0;
                            break;
                        case Op.F64_LE:
                            sp--;
                            s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) <= Double.longBitsToDouble(s[sp]) ? 1 : 0;
                            break;

                        // ---- i32 arithmetic ----
                        case Op.I32_ADD:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] + (int) s[sp];
                            break;
                        case Op.I32_ADD_CONST:
                            s[sp - 1] = (int) s[sp - 1] + code[pc++];
                            break;
                        case Op.I32_SUB:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] - (int) s[sp];
                            break;
                        case Op.I32_MUL:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] * (int) s[sp];
                            break;
                        case Op.I32_AND:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] & (int) s[sp];
                            break;
                        case Op.I32_OR:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] | (int) s[sp];
                            break;
                        case Op.I32_XOR:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp];
                            break;
                        case Op.I32_SHL:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] << (int) s[sp];
                            break;
                        case Op.I32_SHR_S:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] >> (int) s[sp];
                            break;
                        case Op.I32_SHR_U:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp];
                            break;

                        // ---- i64 arithmetic ----
                        case Op.I64_ADD:
                            sp--;
                            s[sp - 1] += s[sp];
                            break;
                        case Op.I64_SUB:
                            sp--;
                            s[sp - 1] -= s[sp];
                            break;
                        case Op.I64_MUL:
                            sp--;
                            s[sp - 1] *= s[sp];
                            break;
                        case Op.I64_AND:
                            sp--;
                            s[sp - 1] &= s[sp];
                            break;
                        case Op.I64_OR:
                            sp--;
                            s[sp - 1] |= s[sp];
                            break;
                        case Op.I64_XOR:
                            sp--;
                            s[sp - 1] ^= s[sp];
                            break;
                        case Op.I64_SHL:
                            sp--;
                            s[sp - 1] <<= s[sp];
                            break;
                        case Op.I64_SHR_S:
                            sp--;
                            s[sp - 1] >>= s[sp];
                            break;
                        case Op.I64_SHR_U:
                            sp--;
                            s[sp - 1] >>>= s[sp];
                            break;

                        // ---- f32 arithmetic ----

                        // ---- f64 arithmetic ----
                        case Op.F64_SQRT: {
                            // As NumericOps.f64Sqrt, written out: Math.sqrt is an intrinsic, a helper is a call.
                            double x = Double.longBitsToDouble(s[sp - 1]);
                            s[sp - 1] = x != x ? s[sp - 1] | NumericOps.F64_QUIET : Double.doubleToRawLongBits(Math.sqrt(x));
                            break;
                        }
                        case Op.F64_ADD:
                            sp--;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[sp]));
                            break;
                        case Op.F64_SUB:
                            sp--;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) - Double.longBitsToDouble(s[sp]));
                            break;
                        case Op.F64_MUL:
                            sp--;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(s[sp]));
                            break;
                        case Op.F64_DIV:
                            sp--;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) / Double.longBitsToDouble(s[sp]));
                            break;

                        // ---- conversions ----
                        case Op.I32_WRAP_I64:
                            s[sp - 1] = (int) s[sp - 1];
                            break;
                        case Op.I64_EXTEND_I32_S:
                            s[sp - 1] = (int) s[sp - 1];
                            break;
                        case Op.I64_EXTEND_I32_U:
                            s[sp - 1] &= 0xFFFF_FFFFL;
                            break;
                        case Op.F64_CONVERT_I32_S:
                            s[sp - 1] = Double.doubleToRawLongBits((int) s[sp - 1]);
                            break;
                        case Op.I32_EXTEND8_S:
                        case Op.I64_EXTEND8_S:
                            s[sp - 1] = (byte) s[sp - 1];
                            break;

                        // ---- register-style superinstructions ----
                        case Op.LOCAL_SET_GET:
                            s[fp + code[pc]] = s[sp - 1];
                            s[sp - 1] = s[fp + code[pc + 1]];
                            pc += 2;
                            break;
                        case Op.LOCAL_TEE_GET:
                            s[fp + code[pc]] = s[sp - 1];
                            s[sp++] = s[fp + code[pc + 1]];
                            pc += 2;
                            break;
                        case Op.LOCAL_COPY:
                            s[fp + code[pc + 1]] = s[fp + code[pc]];
                            pc += 2;
                            break;
                        case Op.LOCAL_ADD_CONST:
                            s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                            pc += 2;
                            break;
                        case Op.I32_ADD_CONST_SET:
                            s[fp + code[pc + 1]] = (int) s[--sp] + code[pc];
                            pc += 2;
                            break;
                        case Op.CONST32_SET:
                            s[fp + code[pc + 1]] = code[pc];
                            pc += 2;
                            break;
                        case Op.LOCAL_ADD_CONST_SET:
                            s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + code[pc + 1];
                            pc += 3;
                            break;
                        case Op.I32_ADD_L:
                            s[sp - 1] = (int) s[sp - 1] + (int) s[fp + code[pc++]];
                            break;
                        case Op.I32_SUB_L:
                            s[sp - 1] = (int) s[sp - 1] - (int) s[fp + code[pc++]];
                            break;
                        case Op.I32_MUL_L:
                            s[sp - 1] = (int) s[sp - 1] * (int) s[fp + code[pc++]];
                            break;
                        case Op.I32_AND_L:
                            s[sp - 1] = (int) s[sp - 1] & (int) s[fp + code[pc++]];
                            break;
                        case Op.I32_OR_L:
                            s[sp - 1] = (int) s[sp - 1] | (int) s[fp + code[pc++]];
                            break;
                        case Op.I32_XOR_L:
                            s[sp - 1] = (int) s[sp - 1] ^ (int) s[fp + code[pc++]];
                            break;
                        case Op.F64_ADD_L:
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[fp + code[pc++]]));
                            break;
                        case Op.F64_SUB_L:
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) - Double.longBitsToDouble(s[fp + code[pc++]]));
                            break;
                        case Op.F64_MUL_L:
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(s[fp + code[pc++]]));
                            break;
                        case Op.F64_DIV_L:
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) / Double.longBitsToDouble(s[fp + code[pc++]]));
                            break;
                        case Op.I32_ADD_LL:
                            s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]];
                            pc += 2;
                            break;
                        case Op.F64_ADD_LL:
                            s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) + Double.longBitsToDouble(s[fp + code[pc + 1]]));
                            pc += 2;
                            break;
                        case Op.F64_SUB_LL:
                            s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) - Double.longBitsToDouble(s[fp + code[pc + 1]]));
                            pc += 2;
                            break;
                        case Op.F64_MUL_LL:
                            s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]]));
                            pc += 2;
                            break;
                        case Op.I32_AND_K:
                            s[sp - 1] = (int) s[sp - 1] & code[pc++];
                            break;
                        case Op.I32_OR_K:
                            s[sp - 1] = (int) s[sp - 1] | code[pc++];
                            break;
                        case Op.I32_XOR_K:
                            s[sp - 1] = (int) s[sp - 1] ^ code[pc++];
                            break;
                        case Op.I32_MUL_K:
                            s[sp - 1] = (int) s[sp - 1] * code[pc++];
                            break;
                        case Op.I32_SHL_K:
                            s[sp - 1] = (int) s[sp - 1] << code[pc++];
                            break;
                        case Op.I32_SHR_S_K:
                            s[sp - 1] = (int) s[sp - 1] >> code[pc++];
                            break;
                        case Op.I32_SHR_U_K:
                            s[sp - 1] = (int) s[sp - 1] >>> code[pc++];
                            break;
                        case Op.I32_ROTL_K: {
                            // Shifts, not Integer.rotateLeft: no call for the JIT to inline here.
                            int x = (int) s[sp - 1];
                            int k = code[pc++];
                            s[sp - 1] = x << k | x >>> -k;
                            break;
                        }
                        case Op.I32_EQ_K:
                            s[sp - 1] = (int) s[sp - 1] == code[pc++] ? 1 : 0;
                            break;
                        case Op.I32_NE_K:
                            s[sp - 1] = (int) s[sp - 1] != code[pc++] ? 1 : 0;
                            break;
                        case Op.I32_LT_S_K:
                            s[sp - 1] = (int) s[sp - 1] < code[pc++] ? 1 : 0;
                            break;
                        case Op.I32_LT_U_K:
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE < code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_GT_S_K:
                            s[sp - 1] = (int) s[sp - 1] > code[pc++] ? 1 : 0;
                            break;
                        case Op.I32_GT_U_K:
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE > code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_LE_S_K:
                            s[sp - 1] = (int) s[sp - 1] <= code[pc++] ? 1 : 0;
                            break;
                        case Op.I32_LE_U_K:
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE <= code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_GE_S_K:
                            s[sp - 1] = (int) s[sp - 1] >= code[pc++] ? 1 : 0;
                            break;
                        case Op.I32_GE_U_K:
                            s[sp - 1] = (int) s[sp - 1] + Integer.MIN_VALUE >= code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                            break;
                        case Op.I32_LOAD_ADD: {
                            at = sp - 1;
                            int b = (int) s[at] + code[pc];
                            ea = b + code[pc + 1] | b >> 31;
                            pc += 2;
                            break loadI32;
                        }
                        case Op.I64_LOAD_ADD: {
                            at = sp - 1;
                            int b = (int) s[at] + code[pc];
                            ea = b + code[pc + 1] | b >> 31;
                            pc += 2;
                            break loadI64;
                        }
                        case Op.I32_LOAD8_U_ADD: {
                            int b = (int) s[sp - 1] + code[pc];
                            s[sp - 1] = mem[b + code[pc + 1] | b >> 31] & 0xFF;
                            pc += 2;
                            break;
                        }
                        case Op.I64_LOAD_LOCAL: {
                            at = sp++;
                            int b = (int) s[fp + code[pc]];
                            ea = b + code[pc + 1] | b >> 31;
                            pc += 2;
                            break loadI64;
                        }
                        case Op.I32_LOAD_LOCAL_ADD: {
                            at = sp++;
                            int b = (int) s[fp + code[pc]] + code[pc + 1];
                            ea = b + code[pc + 2] | b >> 31;
                            pc += 3;
                            break loadI32;
                        }
                        case Op.I64_LOAD_LOCAL_ADD: {
                            at = sp++;
                            int b = (int) s[fp + code[pc]] + code[pc + 1];
                            ea = b + code[pc + 2] | b >> 31;
                            pc += 3;
                            break loadI64;
                        }
                        case Op.I32_LOAD8_U_LOCAL_ADD: {
                            int b = (int) s[fp + code[pc]] + code[pc + 1];
                            s[sp++] = mem[b + code[pc + 2] | b >> 31] & 0xFF;
                            pc += 3;
                            break;
                        }
                        case Op.BR_IF_EQ:
                            sp -= 2;
                            pc = (int) s[sp] == (int) s[sp + 1] ? code[pc] : pc + 1;
                            break;
                        case Op.BR_IF_NE:
                            sp -= 2;
                            pc = (int) s[sp] != (int) s[sp + 1] ? code[pc] : pc + 1;
                            break;
                        case Op.BR_IF_BACK_NE:
                            sp -= 2;
                            if ((int) s[sp] != (int) s[sp + 1]) {
                                countdown -= code[pc + 1];
                                pc = code[pc];
                                if (countdown <= 0) {
                                    action = SlowPaths.LIMITS;
                                    break slow;
                                }
                            } else {
                                pc += 2;
                            }
                            break;
                        case Op.BR_IF_LT_S_K:
                            pc = (int) s[--sp] < code[pc] ? code[pc + 1] : pc + 2;
                            break;
                        case Op.BR_IF_GE_S_K:
                            pc = (int) s[--sp] >= code[pc] ? code[pc + 1] : pc + 2;
                            break;
                        case Op.BR_IF_GT_S_K:
                            pc = (int) s[--sp] > code[pc] ? code[pc + 1] : pc + 2;
                            break;
                        case Op.BR_IF_LE_S_K:
                            pc = (int) s[--sp] <= code[pc] ? code[pc + 1] : pc + 2;
                            break;
                        case Op.I32_SHL_K_ADD:
                            sp--;
                            s[sp - 1] = (int) s[sp - 1] + ((int) s[sp] << code[pc++]);
                            break;
                        case Op.F64_MUL_ADD:
                            sp -= 2;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[sp]) * Double.longBitsToDouble(s[sp + 1]));
                            break;
                        case Op.LOCAL_COPY2:
                            s[fp + code[pc + 1]] = s[fp + code[pc]];
                            s[fp + code[pc + 3]] = s[fp + code[pc + 2]];
                            pc += 4;
                            break;
                        case Op.LOCAL_ROTL_K: {
                            int x = (int) s[fp + code[pc]];
                            int k = code[pc + 1];
                            s[sp++] = x << k | x >>> -k;
                            pc += 2;
                            break;
                        }
                        case Op.LOCAL_ROTL_K_XOR: {
                            int x = (int) s[fp + code[pc]];
                            int k = code[pc + 1];
                            s[sp - 1] = (int) s[sp - 1] ^ (x << k | x >>> -k);
                            pc += 2;
                            break;
                        }
                        case Op.F64_MUL_L_ADD:
                            sp--;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[sp]) * Double.longBitsToDouble(s[fp + code[pc++]]));
                            break;
                        case Op.F64_LT_K:
                            s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) < Double.longBitsToDouble(code[pc] & 0xFFFF_FFFFL | (long) code[pc + 1] << 32) ? 1 : 0;
                            pc += 2;
                            break;
                        case Op.F64_LE_K:
                            s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) <= Double.longBitsToDouble(code[pc] & 0xFFFF_FFFFL | (long) code[pc + 1] << 32) ? 1 : 0;
                            pc += 2;
                            break;
                        case Op.F64_GT_K:
                            s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) > Double.longBitsToDouble(code[pc] & 0xFFFF_FFFFL | (long) code[pc + 1] << 32) ? 1 : 0;
                            pc += 2;
                            break;
                        case Op.F64_GE_K:
                            s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) >= Double.longBitsToDouble(code[pc] & 0xFFFF_FFFFL | (long) code[pc + 1] << 32) ? 1 : 0;
                            pc += 2;
                            break;
                        case Op.F64_TEE_SQUARE: {
                            long x = s[sp - 1];
                            s[fp + code[pc++]] = x;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(x) * Double.longBitsToDouble(x));
                            break;
                        }
                        case Op.BR_IF_BACK_NE_K:
                            if ((int) s[--sp] != code[pc]) {
                                countdown -= code[pc + 2];
                                pc = code[pc + 1];
                                if (countdown <= 0) {
                                    action = SlowPaths.LIMITS;
                                    break slow;
                                }
                            } else {
                                pc += 3;
                            }
                            break;
                        case Op.LOCAL_GET_LOAD64: {
                            s[sp] = s[fp + code[pc]];
                            at = sp + 1;
                            sp += 2;
                            int b = (int) s[fp + code[pc + 1]];
                            ea = b + code[pc + 2] | b >> 31;
                            pc += 3;
                            break loadI64;
                        }
                        case Op.F64_MUL_ADD_STORE: {
                            sp -= 4;
                            int b = (int) s[sp];
                            ea = b + code[pc++] | b >> 31;
                            v = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp + 1]) + Double.longBitsToDouble(s[sp + 2]) * Double.longBitsToDouble(s[sp + 3]));
                            break storeI64;
                        }
                        case Op.F64_ADD_STORE: {
                            sp -= 3;
                            int b = (int) s[sp];
                            ea = b + code[pc++] | b >> 31;
                            v = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp + 1]) + Double.longBitsToDouble(s[sp + 2]));
                            break storeI64;
                        }
                        case Op.F64_SUB_STORE: {
                            sp -= 3;
                            int b = (int) s[sp];
                            ea = b + code[pc++] | b >> 31;
                            v = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp + 1]) - Double.longBitsToDouble(s[sp + 2]));
                            break storeI64;
                        }
                        case Op.F64_TEE_ADD:
                            sp--;
                            s[fp + code[pc++]] = s[sp];
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[sp]));
                            break;
                        case Op.F64_SUB_LOCAL_LOAD: {
                            int b = (int) s[fp + code[pc + 1]] + code[pc + 2];
                            double loaded = Double.longBitsToDouble((long) MemoryOps.LONG.get(mem, b + code[pc + 3] | b >> 31));
                            s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) - loaded);
                            pc += 4;
                            break;
                        }
                        case Op.F64_MUL_L_MUL_L:
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(s[fp + code[pc]])
                                    * Double.longBitsToDouble(s[fp + code[pc + 1]]));
                            pc += 2;
                            break;
                        case Op.F64_MUL_LL_MUL_L:
                            s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]])
                                    * Double.longBitsToDouble(s[fp + code[pc + 2]]));
                            pc += 3;
                            break;
                        case Op.F64_ADD_LOCAL_LOAD_STORE: {
                            // Load (may trap) before the store, as unfused.
                            sp -= 2;
                            int lb = (int) s[fp + code[pc]];
                            double loaded = Double.longBitsToDouble((long) MemoryOps.LONG.get(mem, lb + code[pc + 1] | lb >> 31));
                            int b = (int) s[sp];
                            ea = b + code[pc + 2] | b >> 31;
                            v = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp + 1]) + loaded);
                            pc += 3;
                            break storeI64;
                        }
                        case Op.F64_SUB_L_ADD:
                            sp--;
                            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + (Double.longBitsToDouble(s[sp]) - Double.longBitsToDouble(s[fp + code[pc++]])));
                            break;
                        default:
                            action = SlowPaths.RARE;
                            break slow;
                    }
                    continue loop;
                }
                // loadI32, loadI64, storeI32, storeI64: the one access site of each kind
                s[at] = (int) MemoryOps.INT.get(mem, ea);
                continue loop;
                }
                s[at] = (long) MemoryOps.LONG.get(mem, ea);
                continue loop;
                }
                MemoryOps.INT.set(mem, ea, (int) v);
                continue loop;
                }
                MemoryOps.LONG.set(mem, ea, v);
                continue loop;
                }
                // ---- the slow path: state to the context, out of line, and everything reloaded ----
                ctx.sp = sp;
                ctx.pc = pc;
                ctx.countdown = countdown;
                SlowPaths.run(ctx, action, callee);
                sp = ctx.sp;
                pc = ctx.pc;
                fp = ctx.fp;
                countdown = ctx.countdown;
                s = ctx.stack;
                code = ctx.fn.code.code;
                mem = ctx.mem;
            }
        } catch (Trap t) {
            ControlOps.addFrames(t, ctx.fn, ctx.callers, ctx.depth, baseDepth);
            throw t;
        } catch (IndexOutOfBoundsException e) {
            // The memory cases index the memory with the effective address, made negative when
            // it passes 2 GiB, and leave the bounds check to the array access or the view:
            // every other index in this loop is in range by construction (validated code,
            // stack sized per frame).
            Trap t = MemoryOps.outOfBounds();
            ControlOps.addFrames(t, ctx.fn, ctx.callers, ctx.depth, baseDepth);
            throw t;
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            Trap t = new Trap("internal interpreter error in " + ctx.fn.displayName() + " at byte offset "
                    + ctx.fn.code.byteOffsetAt(pc) + ": " + e, e);
            ControlOps.addFrames(t, ctx.fn, ctx.callers, ctx.depth, baseDepth);
            throw t;
        }
    }
}
