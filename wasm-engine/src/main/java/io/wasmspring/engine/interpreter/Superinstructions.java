package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.structure.Opcodes;

/**
 * The peephole that fuses short instruction sequences into the superinstructions {@link Op}
 * documents. {@link FunctionLowering} asks it to emit each instruction that may fuse; it looks at
 * the last instruction in the {@link CodeBuffer} and, when a fused form exists, takes that
 * instruction back and emits the fused one in its place (and may then fuse with the one before,
 * as in {@code local.get}, {@code i32.const}, {@code i32.add} becoming {@code LOCAL_ADD_CONST}).
 * Nothing fuses across a code index that a branch targets. The rules:
 * <ul>
 *   <li>locals: {@code local.get} pairs, {@code local.set}/{@code local.tee} then {@code local.get},
 *       {@code local.set} of a local, a constant or a sum with a constant, two local copies;</li>
 *   <li>i32 arithmetic with a constant or local operands ({@link Op#withConstantOperand},
 *       {@link Op#withLocalOperand}, {@link Op#withLocalOperands}), shift-then-add,
 *       rotate-then-xor;</li>
 *   <li>f64 multiply-add, add after a tee or a subtraction or multiplication with a local,
 *       products of locals, squares, comparisons with a constant, arithmetic stored at once, a
 *       local minus a value loaded from a local plus a constant, {@code *p += v};</li>
 *   <li>loads from a local, a sum with a constant, or a local plus a constant; {@code i32.store} of
 *       two locals;</li>
 *   <li>conditional branches folding in the {@code i32} test just computed ({@code i32.eqz},
 *       equality, signed comparison with a constant), and loop back-edges testing inequality.</li>
 * </ul>
 * Each method emits the opcode and the immediates that precede any the caller adds. Stack heights
 * are the caller's business: it tracks them as if nothing were fused, which comes to the same.
 */
final class Superinstructions {

    private final CodeBuffer code;

    Superinstructions(CodeBuffer code) {
        this.code = code;
    }

    /** {@code local.get} of a one-slot local; the caller adds the local's slot. */
    void localGet(int offset) {
        if (code.canFuseWith(Op.LOCAL_SET) || code.canFuseWith(Op.LOCAL_TEE)) {
            int fused = code.lastOp() == Op.LOCAL_SET ? Op.LOCAL_SET_GET : Op.LOCAL_TEE_GET;
            int set = code.lastImmediate(1);
            code.unemitLast();
            code.emitOp(fused, offset);
            code.add(set);
        } else if (code.canFuseWith(Op.LOCAL_GET)) {
            int first = code.lastImmediate(1);
            offset = code.unemitLast();
            code.emitOp(Op.LOCAL_GET2, offset);
            code.add(first);
        } else {
            code.emitOp(Op.LOCAL_GET, offset);
        }
    }

    /**
     * {@code local.set} of a one-slot local, fused with the instruction that computed the value
     * where a form exists; the caller adds the local's slot.
     */
    void localSet(int offset) {
        if (code.canFuseWith(Op.LOCAL_GET) || code.canFuseWith(Op.CONST32)) {
            int fused = code.lastOp() == Op.LOCAL_GET ? Op.LOCAL_COPY : Op.CONST32_SET;
            int operand = code.lastImmediate(1);
            code.unemitLast();
            if (fused == Op.LOCAL_COPY && code.canFuseWith(Op.LOCAL_COPY)) {
                int from = code.lastImmediate(1);
                int to = code.lastImmediate(2);
                code.unemitLast();
                code.emitOp(Op.LOCAL_COPY2, offset);
                code.add(from);
                code.add(to);
            } else {
                code.emitOp(fused, offset);
            }
            code.add(operand);
        } else if (code.canFuseWith(Op.I32_ADD_CONST)) {
            int k = code.lastImmediate(1);
            code.unemitLast();
            emit(Op.I32_ADD_CONST_SET, offset, k);
        } else if (code.canFuseWith(Op.LOCAL_ADD_CONST)) {
            int x = code.lastImmediate(1);
            int k = code.lastImmediate(2);
            code.unemitLast();
            emit(Op.LOCAL_ADD_CONST_SET, offset, x, k);
        } else {
            code.emitOp(Op.LOCAL_SET, offset);
        }
    }

    /**
     * A numeric instruction (wasm opcode {@code op}, plain form {@code internal}) in a fused form
     * with all its immediates; false, emitting nothing, when none applies.
     */
    boolean numeric(int op, int internal, int offset) {
        if ((op == Opcodes.I32_ADD || op == Opcodes.I32_SUB) && code.canFuseWith(Op.CONST32)) {
            int k = code.lastImmediate(1);
            code.unemitLast();
            if (op == Opcodes.I32_SUB) {
                k = -k;
            }
            if (code.canFuseWith(Op.LOCAL_GET)) {
                int x = code.lastImmediate(1);
                code.unemitLast();
                return emit(Op.LOCAL_ADD_CONST, offset, x, k);
            }
            return emit(Op.I32_ADD_CONST, offset, k);
        }
        if (op == Opcodes.I32_ADD && code.canFuseWith(Op.I32_SHL_K)) {
            int k = code.lastImmediate(1);
            code.unemitLast();
            return emit(Op.I32_SHL_K_ADD, offset, k);
        }
        if (op == Opcodes.F64_ADD && code.canFuseWith(Op.F64_MUL)) {
            code.unemitLast();
            return emit(Op.F64_MUL_ADD, offset);
        }
        if (op == Opcodes.F64_ADD && (code.canFuseWith(Op.F64_SUB_L) || code.canFuseWith(Op.LOCAL_TEE))) {
            int fused = code.lastOp() == Op.F64_SUB_L ? Op.F64_SUB_L_ADD : Op.F64_TEE_ADD;
            int x = code.lastImmediate(1);
            code.unemitLast();
            return emit(fused, offset, x);
        }
        if (op == Opcodes.F64_SUB && code.canFuseWith(Op.I64_LOAD_ADD)) {
            int k = code.lastImmediate(1);
            int memoryOffset = code.lastImmediate(2);
            int loadPosition = code.unemitLast();
            if (code.canFuseWith(Op.LOCAL_GET2)) {
                int x = code.lastImmediate(1);
                int y = code.lastImmediate(2);
                code.unemitLast();
                // The load is what may trap: its body position names the instruction.
                return emit(Op.F64_SUB_LOCAL_LOAD, loadPosition, x, y, k, memoryOffset);
            }
            emit(Op.I64_LOAD_ADD, loadPosition, k, memoryOffset);
        }
        if (op == Opcodes.F64_ADD && code.canFuseWith(Op.F64_MUL_L)) {
            int x = code.lastImmediate(1);
            code.unemitLast();
            return emit(Op.F64_MUL_L_ADD, offset, x);
        }
        if (op == Opcodes.F64_MUL && code.canFuseWith(Op.LOCAL_TEE_GET)
                && code.lastImmediate(1) == code.lastImmediate(2)) {
            int x = code.lastImmediate(1);
            code.unemitLast();
            return emit(Op.F64_TEE_SQUARE, offset, x);
        }
        int withConstant = f64CompareWithConstant(op);
        if (withConstant >= 0 && code.canFuseWith(Op.CONST64)) {
            int low = code.lastImmediate(1);
            int high = code.lastImmediate(2);
            code.unemitLast();
            return emit(withConstant, offset, low, high);
        }
        if (op == Opcodes.I32_XOR && code.canFuseWith(Op.LOCAL_ROTL_K)) {
            int x = code.lastImmediate(1);
            int k = code.lastImmediate(2);
            code.unemitLast();
            return emit(Op.LOCAL_ROTL_K_XOR, offset, x, k);
        }
        if (Op.withConstantOperand(internal) >= 0 && code.canFuseWith(Op.CONST32)) {
            int k = code.lastImmediate(1);
            code.unemitLast();
            if (op == Opcodes.I32_ROTL && code.canFuseWith(Op.LOCAL_GET)) {
                int x = code.lastImmediate(1);
                code.unemitLast();
                return emit(Op.LOCAL_ROTL_K, offset, x, k);
            }
            return emit(Op.withConstantOperand(internal), offset, k);
        }
        if (Op.withLocalOperands(internal) >= 0 && code.canFuseWith(Op.LOCAL_GET2)) {
            int a = code.lastImmediate(1);
            int b = code.lastImmediate(2);
            code.unemitLast();
            return emit(Op.withLocalOperands(internal), offset, a, b);
        }
        if (Op.withLocalOperand(internal) >= 0 && code.canFuseWith(Op.LOCAL_GET)) {
            int x = code.lastImmediate(1);
            code.unemitLast();
            if (op == Opcodes.F64_MUL && code.canFuseWith(Op.F64_MUL_L)) {
                int a = code.lastImmediate(1);
                code.unemitLast();
                return emit(Op.F64_MUL_L_MUL_L, offset, a, x);
            }
            if (op == Opcodes.F64_MUL && code.canFuseWith(Op.F64_MUL_LL)) {
                int a = code.lastImmediate(1);
                int b = code.lastImmediate(2);
                code.unemitLast();
                return emit(Op.F64_MUL_LL_MUL_L, offset, a, b, x);
            }
            return emit(Op.withLocalOperand(internal), offset, x);
        }
        return false;
    }

    /** The f64 comparison with a constant operand for {@code op}, or -1. */
    private static int f64CompareWithConstant(int op) {
        return switch (op) {
            case Opcodes.F64_LT -> Op.F64_LT_K;
            case Opcodes.F64_LE -> Op.F64_LE_K;
            case Opcodes.F64_GT -> Op.F64_GT_K;
            case Opcodes.F64_GE -> Op.F64_GE_K;
            default -> -1;
        };
    }

    /**
     * A load or store (wasm opcode {@code op}, memarg offset {@code memoryOffset}) in a fused form
     * with all its immediates; false, emitting nothing, when none applies.
     */
    boolean memoryAccess(int op, int memoryOffset, int offset) {
        int fromLocal = -1;
        int fromSum = -1;
        int fromLocalSum = -1;
        switch (op) {
            case Opcodes.I32_LOAD -> {
                fromLocal = Op.I32_LOAD_LOCAL;
                fromSum = Op.I32_LOAD_ADD;
                fromLocalSum = Op.I32_LOAD_LOCAL_ADD;
            }
            case Opcodes.I64_LOAD, Opcodes.F64_LOAD -> {
                fromLocal = Op.I64_LOAD_LOCAL;
                fromSum = Op.I64_LOAD_ADD;
                fromLocalSum = Op.I64_LOAD_LOCAL_ADD;
            }
            case Opcodes.I32_LOAD8_U -> {
                fromSum = Op.I32_LOAD8_U_ADD;
                fromLocalSum = Op.I32_LOAD8_U_LOCAL_ADD;
            }
            default -> {
            }
        }
        if (fromLocal == Op.I64_LOAD_LOCAL && code.canFuseWith(Op.LOCAL_GET2)) {
            int x = code.lastImmediate(1);
            int y = code.lastImmediate(2);
            code.unemitLast();
            return emit(Op.LOCAL_GET_LOAD64, offset, x, y, memoryOffset);
        }
        if (op == Opcodes.F64_STORE
                && (code.canFuseWith(Op.F64_MUL_ADD) || code.canFuseWith(Op.F64_ADD) || code.canFuseWith(Op.F64_SUB))) {
            int last = code.lastOp();
            code.unemitLast();
            if (last == Op.F64_ADD && code.canFuseWith(Op.I64_LOAD_LOCAL)) {
                int x = code.lastImmediate(1);
                int loadMemoryOffset = code.lastImmediate(2);
                int loadPosition = code.unemitLast();
                // The load traps first: its body position names the instruction.
                return emit(Op.F64_ADD_LOCAL_LOAD_STORE, loadPosition, x, loadMemoryOffset, memoryOffset);
            }
            int fused = last == Op.F64_MUL_ADD ? Op.F64_MUL_ADD_STORE
                    : last == Op.F64_ADD ? Op.F64_ADD_STORE : Op.F64_SUB_STORE;
            return emit(fused, offset, memoryOffset);
        }
        if (fromLocal >= 0 && code.canFuseWith(Op.LOCAL_GET)) {
            int slot = code.lastImmediate(1);
            code.unemitLast();
            return emit(fromLocal, offset, slot, memoryOffset);
        }
        if (fromSum >= 0 && code.canFuseWith(Op.I32_ADD_CONST)) {
            int k = code.lastImmediate(1);
            code.unemitLast();
            return emit(fromSum, offset, k, memoryOffset);
        }
        if (fromLocalSum >= 0 && code.canFuseWith(Op.LOCAL_ADD_CONST)) {
            int slot = code.lastImmediate(1);
            int k = code.lastImmediate(2);
            code.unemitLast();
            return emit(fromLocalSum, offset, slot, k, memoryOffset);
        }
        if (op == Opcodes.I32_STORE && code.canFuseWith(Op.LOCAL_GET2)) {
            int address = code.lastImmediate(1);
            int value = code.lastImmediate(2);
            // Reported at the first local.get, where the fused sequence starts.
            return emit(Op.I32_STORE_LOCALS, code.unemitLast(), address, value, memoryOffset);
        }
        return false;
    }

    /**
     * A forward conditional branch ({@code BR_IF} or {@code BR_UNLESS}) and any immediates before
     * its target, which the caller adds. The i32 test just computed is folded in: {@code i32.eqz}
     * flips the branch; an equality or signed comparison becomes a compare-and-branch (negated for
     * {@code BR_UNLESS}, which is exact for integers).
     */
    void conditionalBranch(int branchOp, int offset) {
        boolean unless = branchOp == Op.BR_UNLESS;
        if (code.canFuseWith(Op.I32_EQZ)) {
            code.unemitLast();
            code.emitOp(unless ? Op.BR_IF : Op.BR_UNLESS, offset);
        } else if (code.canFuseWith(Op.I32_EQ) || code.canFuseWith(Op.I32_NE)) {
            boolean equal = code.lastOp() == Op.I32_EQ;
            code.unemitLast();
            code.emitOp(equal != unless ? Op.BR_IF_EQ : Op.BR_IF_NE, offset);
        } else if (compareAndBranch(code.lastOp(), unless) >= 0 && code.canFuseWith(code.lastOp())) {
            int fused = compareAndBranch(code.lastOp(), unless);
            int k = code.lastImmediate(1);
            code.unemitLast();
            emit(fused, offset, k);
        } else {
            code.emitOp(branchOp, offset);
        }
    }

    /**
     * A {@code br_if} back to a loop that needs no stack move, folding in an {@code i32.ne} (with
     * a constant or not) just computed; the caller adds the target and the loop's cost.
     */
    void loopBranchIf(int offset) {
        if (code.canFuseWith(Op.I32_NE_K)) {
            int k = code.lastImmediate(1);
            code.unemitLast();
            emit(Op.BR_IF_BACK_NE_K, offset, k);
        } else {
            boolean notEqual = code.canFuseWith(Op.I32_NE);
            if (notEqual) {
                code.unemitLast();
            }
            code.emitOp(notEqual ? Op.BR_IF_BACK_NE : Op.BR_IF_BACK, offset);
        }
    }

    /** The compare-and-branch form of a signed comparison with a constant, or -1. */
    private static int compareAndBranch(int compare, boolean negate) {
        return switch (compare) {
            case Op.I32_LT_S_K -> negate ? Op.BR_IF_GE_S_K : Op.BR_IF_LT_S_K;
            case Op.I32_GE_S_K -> negate ? Op.BR_IF_LT_S_K : Op.BR_IF_GE_S_K;
            case Op.I32_GT_S_K -> negate ? Op.BR_IF_LE_S_K : Op.BR_IF_GT_S_K;
            case Op.I32_LE_S_K -> negate ? Op.BR_IF_GT_S_K : Op.BR_IF_LE_S_K;
            default -> -1;
        };
    }

    /** Emits {@code op} with {@code immediates}; true, for the fused paths to return. */
    private boolean emit(int op, int offset, int... immediates) {
        code.emitOp(op, offset);
        for (int immediate : immediates) {
            code.add(immediate);
        }
        return true;
    }
}
