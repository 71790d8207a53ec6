package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.structure.CodeReader;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.Opcodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers one validated function body into {@link Op} code. Walks the body once, tracking the
 * operand stack height in slots, so that every branch gets its target code index and the stack
 * adjustment it needs (how many result slots move down to which height) at lowering time.
 * Code that validation calls unreachable (after {@code br}, {@code return}, {@code unreachable}
 * and so on, up to the enclosing {@code else} or {@code end}) is skipped. A peephole fuses
 * {@code i32.const}+{@code i32.add/sub}, {@code local.get}+{@code local.get},
 * {@code local.get}+{@code i32.load}, two {@code local.get}s+{@code i32.store} and
 * {@code i32.eqz}+conditional branch, never across a code index that a branch targets.
 */
final class FunctionLowering {

    private static final ValueType[] NONE = new ValueType[0];

    /** Whether to fuse instruction pairs into superinstructions; off only to compare in tests. */
    static volatile boolean fuseInstructions = true;

    private enum Kind { FUNCTION, BLOCK, LOOP, IF }

    /** A structured control instruction being lowered: the spec's control frame plus patch lists. */
    private static final class Control {
        final Kind kind;
        final ValueType[] params;
        final ValueType[] results;
        final int paramSlots;
        final int resultSlots;
        /** Operand count and slot height below the block's parameters. */
        final int baseCount;
        final int baseHeight;
        /** Code index a branch to a loop goes to. */
        int loopPc = -1;
        /** Code positions that receive this block's end index. */
        final IntList endPatches = new IntList();
        /** For an {@code if} with no {@code else} seen yet: position of its BR_UNLESS target. */
        int elsePatch = -1;
        /**
         * For a loop or the function: instructions lowered so far in it but outside nested loops,
         * which one iteration (one call) runs at most once: what a back-edge (a call) charges the
         * limits countdown.
         */
        int cost;
        boolean unreachable;

        Control(Kind kind, ValueType[] params, ValueType[] results, int baseCount, int baseHeight) {
            this.kind = kind;
            this.params = params;
            this.results = results;
            this.paramSlots = slots(params);
            this.resultSlots = slots(results);
            this.baseCount = baseCount;
            this.baseHeight = baseHeight;
        }

        /** Slots a branch to this label carries. */
        int branchArity() {
            return kind == Kind.LOOP ? paramSlots : resultSlots;
        }
    }

    private final ModuleIndex index;
    private final FunctionType type;
    private final FunctionBody body;
    private final CodeReader reader;
    private final int[] localSlotOf;
    private final int[] localSize;
    private final int localSlots;

    private final IntList code = new IntList();
    private final IntList instructionStarts = new IntList();
    private final IntList byteOffsets = new IntList();

    /** Slot size of each operand on the stack, and the total height in slots. */
    private int[] operands = new int[16];
    private int operandCount;
    private int height;
    private int maxHeight;

    /** Code index where the last instruction starts (-1 before the first). */
    private int lastStart = -1;
    /** Code index most recently made a branch target: nothing may be fused across it. */
    private int labelAt = -1;

    private final List<Control> controls = new ArrayList<>();
    /** While the innermost frame is unreachable: how many nested skipped blocks are open. */
    private int skipDepth;
    /** The innermost loop, or the function's frame: where emitted instructions are counted. */
    private Control costOwner;

    FunctionLowering(ModuleIndex index, FunctionType type, FunctionBody body) {
        this.index = index;
        this.type = type;
        this.body = body;
        this.reader = body.reader();
        int count = type.params().size() + body.locals().length;
        this.localSlotOf = new int[count];
        this.localSize = new int[count];
        int slot = 0;
        for (int i = 0; i < count; i++) {
            ValueType t = i < type.params().size() ? type.params().get(i) : body.locals()[i - type.params().size()];
            localSlotOf[i] = slot;
            localSize[i] = t.slots();
            slot += t.slots();
        }
        this.localSlots = slot;
    }

    CompiledFunction lower() {
        costOwner = new Control(Kind.FUNCTION, NONE, type.results().toArray(NONE), 0, 0);
        controls.add(costOwner);
        Control function = costOwner;
        while (!controls.isEmpty()) {
            int offset = reader.position();
            int op = reader.readOpcode();
            if (top().unreachable && skip(op)) {
                continue;
            }
            lowerInstruction(op, offset);
        }
        CompiledFunction compiled = new CompiledFunction(code.toArray(), type.paramSlots(), localSlots, type.resultSlots(),
                localSlots + maxHeight, instructionStarts.toArray(), byteOffsets.toArray());
        compiled.callCost = Math.max(1, function.cost);
        return compiled;
    }

    /** In unreachable code: skips {@code op} unless it is the {@code else}/{@code end} that ends it. */
    private boolean skip(int op) {
        switch (op) {
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
                reader.readBlockType();
                skipDepth++;
                return true;
            }
            case Opcodes.END -> {
                if (skipDepth > 0) {
                    skipDepth--;
                    return true;
                }
                return false;
            }
            case Opcodes.ELSE -> {
                return skipDepth > 0;
            }
            default -> {
                skipImmediates(op);
                return true;
            }
        }
    }

    private void lowerInstruction(int op, int offset) {
        if (op >= Opcodes.I32_EQZ && op <= Opcodes.I64_EXTEND32_S) {
            lowerNumeric(op, offset);
            return;
        }
        switch (op) {
            case Opcodes.UNREACHABLE -> {
                emitOp(Op.UNREACHABLE, offset);
                markUnreachable();
            }
            case Opcodes.NOP -> {
            }
            case Opcodes.BLOCK -> pushControl(Kind.BLOCK, reader.readBlockType());
            case Opcodes.LOOP -> {
                Control loop = pushControl(Kind.LOOP, reader.readBlockType());
                loop.loopPc = bindLabel();
                costOwner = loop;
            }
            case Opcodes.IF -> {
                long blockType = reader.readBlockType();
                pop();
                emitCondition(Op.BR_UNLESS, offset);
                Control c = pushControl(Kind.IF, blockType);
                c.elsePatch = code.size();
                code.add(-1);
            }
            case Opcodes.ELSE -> lowerElse(offset);
            case Opcodes.END -> lowerEnd(offset);
            case Opcodes.BR -> {
                int depth = reader.readU32();
                branch(depth, offset);
                markUnreachable();
            }
            case Opcodes.BR_IF -> {
                int depth = reader.readU32();
                pop();
                branchIf(depth, offset);
            }
            case Opcodes.BR_TABLE -> lowerBrTable(offset);
            case Opcodes.RETURN -> {
                emitOp(Op.RETURN, offset);
                markUnreachable();
            }
            case Opcodes.CALL -> {
                int function = reader.readU32();
                emitOp(Op.CALL, offset);
                code.add(function);
                applyCall(index.functionTypes[function]);
            }
            case Opcodes.CALL_INDIRECT -> {
                int typeIndex = reader.readU32();
                int table = reader.readU32();
                pop();
                emitOp(Op.CALL_INDIRECT, offset);
                code.add(typeIndex);
                code.add(table);
                applyCall(index.module.types.get(typeIndex));
            }
            case Opcodes.DROP -> {
                int size = pop();
                for (int i = 0; i < size; i++) {
                    emitOp(Op.DROP, offset);
                }
            }
            case Opcodes.SELECT -> lowerSelect(offset);
            case Opcodes.SELECT_T -> {
                int n = reader.readU32();
                for (int i = 0; i < n; i++) {
                    reader.readByte();
                }
                lowerSelect(offset);
            }
            case Opcodes.LOCAL_GET -> {
                int local = reader.readU32();
                if (localSize[local] == 2) {
                    emitOp(Op.LOCAL_GET_V128, offset);
                } else if (canFuseWith(Op.LOCAL_SET) || canFuseWith(Op.LOCAL_TEE)) {
                    int fused = code.get(lastStart) == Op.LOCAL_SET ? Op.LOCAL_SET_GET : Op.LOCAL_TEE_GET;
                    int set = code.get(lastStart + 1);
                    unemitLast();
                    emitOp(fused, offset);
                    code.add(set);
                } else if (canFuseWith(Op.LOCAL_GET)) {
                    int first = code.get(lastStart + 1);
                    offset = unemitLast();
                    emitOp(Op.LOCAL_GET2, offset);
                    code.add(first);
                } else {
                    emitOp(Op.LOCAL_GET, offset);
                }
                code.add(localSlotOf[local]);
                push(localSize[local]);
            }
            case Opcodes.LOCAL_SET -> {
                int local = reader.readU32();
                if (localSize[local] == 2) {
                    emitOp(Op.LOCAL_SET_V128, offset);
                } else {
                    lowerLocalSet(offset);
                }
                code.add(localSlotOf[local]);
                pop();
            }
            case Opcodes.LOCAL_TEE -> {
                int local = reader.readU32();
                emitOp(localSize[local] == 2 ? Op.LOCAL_TEE_V128 : Op.LOCAL_TEE, offset);
                code.add(localSlotOf[local]);
            }
            case Opcodes.GLOBAL_GET -> {
                int global = reader.readU32();
                boolean vector = index.vectorGlobals[global];
                emitOp(index.referenceGlobals[global] ? Op.GLOBAL_GET_REF : vector ? Op.GLOBAL_GET_V128 : Op.GLOBAL_GET, offset);
                code.add(global);
                push(vector ? 2 : 1);
            }
            case Opcodes.GLOBAL_SET -> {
                int global = reader.readU32();
                emitOp(index.referenceGlobals[global] ? Op.GLOBAL_SET_REF
                        : index.vectorGlobals[global] ? Op.GLOBAL_SET_V128 : Op.GLOBAL_SET, offset);
                code.add(global);
                pop();
            }
            case Opcodes.TABLE_GET -> simple(Op.TABLE_GET, offset, 1, 1, reader.readU32());
            case Opcodes.TABLE_SET -> simple(Op.TABLE_SET, offset, 2, 0, reader.readU32());
            case Opcodes.MEMORY_SIZE -> {
                reader.readU32();
                simple(Op.MEMORY_SIZE, offset, 0, 1);
            }
            case Opcodes.MEMORY_GROW -> {
                reader.readU32();
                simple(Op.MEMORY_GROW, offset, 1, 1);
            }
            case Opcodes.I32_CONST -> simple(Op.CONST32, offset, 0, 1, reader.readS32());
            case Opcodes.F32_CONST -> simple(Op.CONST32, offset, 0, 1, reader.readF32Bits());
            case Opcodes.I64_CONST -> const64(reader.readS64(), offset);
            case Opcodes.F64_CONST -> const64(reader.readF64Bits(), offset);
            case Opcodes.REF_NULL -> {
                reader.readByte();
                simple(Op.CONST32, offset, 0, 1, 0);
            }
            case Opcodes.REF_IS_NULL -> simple(Op.REF_IS_NULL, offset, 1, 1);
            case Opcodes.REF_FUNC -> simple(Op.REF_FUNC, offset, 0, 1, reader.readU32());
            default -> {
                if (op >= Opcodes.I32_LOAD && op <= Opcodes.I64_STORE32) {
                    lowerMemoryAccess(op, offset);
                } else if ((op >>> 16) == Opcodes.PREFIX_FC) {
                    lowerPrefixed(op, offset);
                } else if ((op >>> 16) == Opcodes.PREFIX_FD) {
                    lowerSimd(op & 0xFFFF, offset);
                } else {
                    throw unsupported(op);
                }
            }
        }
    }

    /**
     * {@code local.set} of a one-slot local: emits the opcode, fused with the instruction that
     * computed the value where a form exists; the caller adds the local's slot.
     */
    private void lowerLocalSet(int offset) {
        if (canFuseWith(Op.LOCAL_GET) || canFuseWith(Op.CONST32)) {
            int fused = code.get(lastStart) == Op.LOCAL_GET ? Op.LOCAL_COPY : Op.CONST32_SET;
            int operand = code.get(lastStart + 1);
            unemitLast();
            if (fused == Op.LOCAL_COPY && canFuseWith(Op.LOCAL_COPY)) {
                int from = code.get(lastStart + 1);
                int to = code.get(lastStart + 2);
                unemitLast();
                emitOp(Op.LOCAL_COPY2, offset);
                code.add(from);
                code.add(to);
            } else {
                emitOp(fused, offset);
            }
            code.add(operand);
        } else if (canFuseWith(Op.I32_ADD_CONST)) {
            int k = code.get(lastStart + 1);
            unemitLast();
            emitOp(Op.I32_ADD_CONST_SET, offset);
            code.add(k);
        } else if (canFuseWith(Op.LOCAL_ADD_CONST)) {
            int x = code.get(lastStart + 1);
            int k = code.get(lastStart + 2);
            unemitLast();
            emitOp(Op.LOCAL_ADD_CONST_SET, offset);
            code.add(x);
            code.add(k);
        } else {
            emitOp(Op.LOCAL_SET, offset);
        }
    }

    private void lowerNumeric(int op, int offset) {
        int pops = NumericShapes.operandCount(op);
        if (op >= Opcodes.I32_REINTERPRET_F32 && op <= Opcodes.F64_REINTERPRET_I64) {
            // Raw bits are the same slot either way: nothing to execute.
            return;
        }
        int internal = Op.numeric(op);
        if ((op == Opcodes.I32_ADD || op == Opcodes.I32_SUB) && canFuseWith(Op.CONST32)) {
            int k = code.get(lastStart + 1);
            unemitLast();
            if (op == Opcodes.I32_SUB) {
                k = -k;
            }
            if (canFuseWith(Op.LOCAL_GET)) {
                int x = code.get(lastStart + 1);
                unemitLast();
                simple(Op.LOCAL_ADD_CONST, offset, pops, 1, x, k);
            } else {
                simple(Op.I32_ADD_CONST, offset, pops, 1, k);
            }
            return;
        }
        if (op == Opcodes.I32_ADD && canFuseWith(Op.I32_SHL_K)) {
            int k = code.get(lastStart + 1);
            unemitLast();
            simple(Op.I32_SHL_K_ADD, offset, pops, 1, k);
            return;
        }
        if (op == Opcodes.F64_ADD && canFuseWith(Op.F64_MUL)) {
            unemitLast();
            simple(Op.F64_MUL_ADD, offset, pops, 1);
            return;
        }
        if (op == Opcodes.F64_ADD && (canFuseWith(Op.F64_SUB_L) || canFuseWith(Op.LOCAL_TEE))) {
            int fused = code.get(lastStart) == Op.F64_SUB_L ? Op.F64_SUB_L_ADD : Op.F64_TEE_ADD;
            int x = code.get(lastStart + 1);
            unemitLast();
            simple(fused, offset, pops, 1, x);
            return;
        }
        if (op == Opcodes.F64_ADD && canFuseWith(Op.F64_MUL_L)) {
            int x = code.get(lastStart + 1);
            unemitLast();
            simple(Op.F64_MUL_L_ADD, offset, pops, 1, x);
            return;
        }
        if (op == Opcodes.F64_MUL && canFuseWith(Op.LOCAL_TEE_GET)
                && code.get(lastStart + 1) == code.get(lastStart + 2)) {
            int x = code.get(lastStart + 1);
            unemitLast();
            simple(Op.F64_TEE_SQUARE, offset, pops, 1, x);
            return;
        }
        int withConstant = switch (op) {
            case Opcodes.F64_LT -> Op.F64_LT_K;
            case Opcodes.F64_LE -> Op.F64_LE_K;
            case Opcodes.F64_GT -> Op.F64_GT_K;
            case Opcodes.F64_GE -> Op.F64_GE_K;
            default -> -1;
        };
        if (withConstant >= 0 && canFuseWith(Op.CONST64)) {
            int low = code.get(lastStart + 1);
            int high = code.get(lastStart + 2);
            unemitLast();
            simple(withConstant, offset, pops, 1, low, high);
            return;
        }
        if (op == Opcodes.I32_XOR && canFuseWith(Op.LOCAL_ROTL_K)) {
            int x = code.get(lastStart + 1);
            int k = code.get(lastStart + 2);
            unemitLast();
            simple(Op.LOCAL_ROTL_K_XOR, offset, pops, 1, x, k);
            return;
        }
        if (Op.withConstantOperand(internal) >= 0 && canFuseWith(Op.CONST32)) {
            int k = code.get(lastStart + 1);
            unemitLast();
            if (op == Opcodes.I32_ROTL && canFuseWith(Op.LOCAL_GET)) {
                int x = code.get(lastStart + 1);
                unemitLast();
                simple(Op.LOCAL_ROTL_K, offset, pops, 1, x, k);
                return;
            }
            simple(Op.withConstantOperand(internal), offset, pops, 1, k);
            return;
        }
        if (Op.withLocalOperands(internal) >= 0 && canFuseWith(Op.LOCAL_GET2)) {
            int a = code.get(lastStart + 1);
            int b = code.get(lastStart + 2);
            unemitLast();
            simple(Op.withLocalOperands(internal), offset, pops, 1, a, b);
            return;
        }
        if (Op.withLocalOperand(internal) >= 0 && canFuseWith(Op.LOCAL_GET)) {
            int x = code.get(lastStart + 1);
            unemitLast();
            simple(Op.withLocalOperand(internal), offset, pops, 1, x);
            return;
        }
        simple(internal, offset, pops, 1);
    }

    private void lowerMemoryAccess(int op, int offset) {
        reader.readU32(); // alignment: a hint only
        int memoryOffset = reader.readU32();
        boolean store = op >= Opcodes.I32_STORE;
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
        if (fromLocal == Op.I64_LOAD_LOCAL && canFuseWith(Op.LOCAL_GET2)) {
            int x = code.get(lastStart + 1);
            int y = code.get(lastStart + 2);
            unemitLast();
            simple(Op.LOCAL_GET_LOAD64, offset, 1, 1, x, y, memoryOffset);
            return;
        }
        if (op == Opcodes.F64_STORE
                && (canFuseWith(Op.F64_MUL_ADD) || canFuseWith(Op.F64_ADD) || canFuseWith(Op.F64_SUB))) {
            int last = code.get(lastStart);
            unemitLast();
            int fused = last == Op.F64_MUL_ADD ? Op.F64_MUL_ADD_STORE : last == Op.F64_ADD ? Op.F64_ADD_STORE : Op.F64_SUB_STORE;
            simple(fused, offset, 2, 0, memoryOffset);
            return;
        }
        if (fromLocal >= 0 && canFuseWith(Op.LOCAL_GET)) {
            int slot = code.get(lastStart + 1);
            unemitLast();
            simple(fromLocal, offset, 1, 1, slot, memoryOffset);
            return;
        }
        if (fromSum >= 0 && canFuseWith(Op.I32_ADD_CONST)) {
            int k = code.get(lastStart + 1);
            unemitLast();
            simple(fromSum, offset, 1, 1, k, memoryOffset);
            return;
        }
        if (fromLocalSum >= 0 && canFuseWith(Op.LOCAL_ADD_CONST)) {
            int slot = code.get(lastStart + 1);
            int k = code.get(lastStart + 2);
            unemitLast();
            simple(fromLocalSum, offset, 1, 1, slot, k, memoryOffset);
            return;
        }
        if (op == Opcodes.I32_STORE && canFuseWith(Op.LOCAL_GET2)) {
            int address = code.get(lastStart + 1);
            int value = code.get(lastStart + 2);
            simple(Op.I32_STORE_LOCALS, unemitLast(), 2, 0, address, value, memoryOffset);
            return;
        }
        simple(Op.I32_LOAD + (op - Opcodes.I32_LOAD), offset, store ? 2 : 1, store ? 0 : 1, memoryOffset);
    }

    private void lowerPrefixed(int op, int offset) {
        switch (op) {
            case Opcodes.I32_TRUNC_SAT_F32_S, Opcodes.I32_TRUNC_SAT_F32_U, Opcodes.I32_TRUNC_SAT_F64_S,
                 Opcodes.I32_TRUNC_SAT_F64_U, Opcodes.I64_TRUNC_SAT_F32_S, Opcodes.I64_TRUNC_SAT_F32_U,
                 Opcodes.I64_TRUNC_SAT_F64_S, Opcodes.I64_TRUNC_SAT_F64_U ->
                    simple(Op.I32_TRUNC_SAT_F32_S + (op - Opcodes.I32_TRUNC_SAT_F32_S), offset, 1, 1);
            case Opcodes.MEMORY_INIT -> {
                int data = reader.readU32();
                reader.readU32();
                simple(Op.MEMORY_INIT, offset, 3, 0, data);
            }
            case Opcodes.DATA_DROP -> simple(Op.DATA_DROP, offset, 0, 0, reader.readU32());
            case Opcodes.MEMORY_COPY -> {
                reader.readU32();
                reader.readU32();
                simple(Op.MEMORY_COPY, offset, 3, 0);
            }
            case Opcodes.MEMORY_FILL -> {
                reader.readU32();
                simple(Op.MEMORY_FILL, offset, 3, 0);
            }
            case Opcodes.TABLE_INIT -> {
                int element = reader.readU32();
                int table = reader.readU32();
                simple(Op.TABLE_INIT, offset, 3, 0, element, table);
            }
            case Opcodes.ELEM_DROP -> simple(Op.ELEM_DROP, offset, 0, 0, reader.readU32());
            case Opcodes.TABLE_COPY -> {
                int destination = reader.readU32();
                int source = reader.readU32();
                simple(Op.TABLE_COPY, offset, 3, 0, destination, source);
            }
            case Opcodes.TABLE_GROW -> simple(Op.TABLE_GROW, offset, 2, 1, reader.readU32());
            case Opcodes.TABLE_SIZE -> simple(Op.TABLE_SIZE, offset, 0, 1, reader.readU32());
            case Opcodes.TABLE_FILL -> simple(Op.TABLE_FILL, offset, 3, 0, reader.readU32());
            default -> throw unsupported(op);
        }
    }

    /**
     * A SIMD instruction: {@code SIMD n sub immediates...} (see {@link SimdDispatch}). The
     * alignment hint is dropped.
     */
    private void lowerSimd(int sub, int offset) {
        int immediates = SimdShapes.immediateInts(sub);
        emitOp(Op.SIMD, offset);
        code.add(Math.max(immediates, 0) + 2); // n: itself, sub and the immediates
        code.add(sub);
        if (immediates >= 0) {
            if (SimdShapes.hasMemarg(sub)) {
                reader.readU32();
                code.add(reader.readU32());
            } else if (!SimdShapes.hasLaneByte(sub)) {
                for (int i = 0; i < 4; i++) {
                    int b0 = reader.readByte();
                    int b1 = reader.readByte();
                    int b2 = reader.readByte();
                    int b3 = reader.readByte();
                    code.add(b0 & 0xFF | (b1 & 0xFF) << 8 | (b2 & 0xFF) << 16 | b3 << 24);
                }
            }
            if (SimdShapes.hasLaneByte(sub)) {
                code.add(reader.readByte());
            }
        }
        for (int i = SimdShapes.operandCount(sub); i > 0; i--) {
            pop();
        }
        int result = SimdShapes.resultSlots(sub);
        if (result > 0) {
            push(result);
        }
    }

    // ---- structured control ----

    private Control pushControl(Kind kind, long blockType) {
        ValueType[] params = NONE;
        ValueType[] results = NONE;
        if (blockType >= 0) {
            FunctionType t = index.module.types.get((int) blockType);
            params = t.params().toArray(NONE);
            results = t.results().toArray(NONE);
        } else if (blockType != CodeReader.BLOCK_TYPE_EMPTY) {
            results = new ValueType[] {ValueType.fromCode((int) (blockType & 0x7F))};
        }
        int paramSlots = slots(params);
        Control c = new Control(kind, params, results, operandCount - params.length, height - paramSlots);
        controls.add(c);
        return c;
    }

    private void lowerElse(int offset) {
        Control c = top();
        if (!c.unreachable) {
            emitOp(Op.JUMP, offset);
            c.endPatches.add(code.size());
            code.add(-1);
        }
        code.set(c.elsePatch, bindLabel());
        c.elsePatch = -1;
        resetOperands(c, c.params);
        c.unreachable = false;
    }

    private void lowerEnd(int offset) {
        Control c = controls.remove(controls.size() - 1);
        if (c == costOwner && c.kind == Kind.LOOP) {
            costOwner = innermostLoopOrFunction();
        }
        int end = bindLabel();
        if (c.elsePatch >= 0) {
            code.set(c.elsePatch, end);
        }
        for (int i = 0; i < c.endPatches.size(); i++) {
            code.set(c.endPatches.get(i), end);
        }
        if (c.kind == Kind.FUNCTION) {
            emitOp(Op.RETURN, offset);
            return;
        }
        resetOperands(c, c.results);
        skipDepth = 0;
    }

    /** After {@code end}/{@code else}: the stack is the block's base plus {@code types}, whatever came before. */
    private void resetOperands(Control c, ValueType[] types) {
        operandCount = c.baseCount;
        height = c.baseHeight;
        for (ValueType t : types) {
            push(t.slots());
        }
    }

    private void markUnreachable() {
        Control c = top();
        c.unreachable = true;
        operandCount = c.baseCount;
        height = c.baseHeight;
        skipDepth = 0;
    }

    // ---- branches ----

    private Control label(int depth) {
        return controls.get(controls.size() - 1 - depth);
    }

    /** True when a branch to {@code c} from the current height must move its values down. */
    private boolean needsMove(Control c) {
        return c.kind != Kind.FUNCTION && height - c.branchArity() != c.baseHeight;
    }

    /** Emits the target of a branch to {@code c}: known for loops, patched at {@code end} otherwise. */
    private void target(Control c) {
        if (c.kind == Kind.LOOP) {
            code.add(c.loopPc);
        } else {
            c.endPatches.add(code.size());
            code.add(-1);
        }
    }

    private void branch(int depth, int offset) {
        Control c = label(depth);
        if (c.kind == Kind.FUNCTION) {
            emitOp(Op.RETURN, offset);
        } else if (!needsMove(c)) {
            emitOp(c.kind == Kind.LOOP ? Op.JUMP_BACK : Op.JUMP, offset);
            target(c);
            if (c.kind == Kind.LOOP) {
                code.add(c.cost);
            }
        } else {
            if (c.kind == Kind.LOOP) {
                emitOp(Op.COUNTDOWN, offset);
                code.add(c.cost);
            }
            emitMove(c, offset);
        }
    }

    private void emitMove(Control c, int offset) {
        emitOp(Op.BR_MOVE, offset);
        target(c);
        code.add(c.branchArity());
        code.add(localSlots + c.baseHeight);
    }

    private void branchIf(int depth, int offset) {
        Control c = label(depth);
        if (!needsMove(c)) {
            // A branch to the function's label jumps to its final RETURN, which moves the results.
            if (c.kind == Kind.LOOP) {
                if (canFuseWith(Op.I32_NE_K)) {
                    int k = code.get(lastStart + 1);
                    unemitLast();
                    emitOp(Op.BR_IF_BACK_NE_K, offset);
                    code.add(k);
                } else {
                    boolean notEqual = canFuseWith(Op.I32_NE);
                    if (notEqual) {
                        unemitLast();
                    }
                    emitOp(notEqual ? Op.BR_IF_BACK_NE : Op.BR_IF_BACK, offset);
                }
            } else {
                emitCondition(Op.BR_IF, offset);
            }
            target(c);
            if (c.kind == Kind.LOOP) {
                code.add(c.cost);
            }
            return;
        }
        emitCondition(Op.BR_UNLESS, offset);
        int skip = code.size();
        code.add(-1);
        if (c.kind == Kind.LOOP) {
            emitOp(Op.COUNTDOWN, offset);
            code.add(c.cost);
        }
        emitMove(c, offset);
        code.set(skip, bindLabel());
    }

    private void lowerBrTable(int offset) {
        int count = reader.readU32();
        int[] depths = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            depths[i] = reader.readU32();
        }
        pop();
        int loopCost = 0;
        for (int depth : depths) {
            Control c = label(depth);
            if (c.kind == Kind.LOOP) {
                loopCost = Math.max(loopCost, c.cost + 1);
            }
        }
        if (loopCost > 0) {
            // A br_table that may go back charges the loop's iteration like any back-edge.
            emitOp(Op.COUNTDOWN, offset);
            code.add(loopCost);
        }
        emitOp(Op.BR_TABLE, offset);
        code.add(count);
        for (int depth : depths) {
            Control c = label(depth);
            int arity = c.branchArity();
            target(c);
            code.add(arity);
            code.add(localSlots + (c.kind == Kind.FUNCTION ? height - arity : c.baseHeight));
        }
        markUnreachable();
    }

    // ---- other instruction shapes ----

    private void applyCall(FunctionType callee) {
        for (int i = 0; i < callee.params().size(); i++) {
            pop();
        }
        for (ValueType t : callee.results()) {
            push(t.slots());
        }
    }

    private void lowerSelect(int offset) {
        pop();
        int size = pop();
        pop();
        emitOp(size == 2 ? Op.SELECT_V128 : Op.SELECT, offset);
        push(size);
    }

    private void const64(long value, int offset) {
        simple(Op.CONST64, offset, 0, 1, (int) value, (int) (value >>> 32));
    }

    /** An instruction that pops {@code pops} one-slot operands and pushes {@code pushes}. */
    private void simple(int op, int offset, int pops, int pushes, int... immediates) {
        emitOp(op, offset);
        for (int immediate : immediates) {
            code.add(immediate);
        }
        for (int i = 0; i < pops; i++) {
            pop();
        }
        for (int i = 0; i < pushes; i++) {
            push(1);
        }
    }

    // ---- superinstructions ----

    /** Marks the current code index as a branch target and returns it. */
    private int bindLabel() {
        labelAt = code.size();
        return labelAt;
    }

    /** True when the last instruction is {@code op} and may be fused with the next one. */
    private boolean canFuseWith(int op) {
        return fuseInstructions && lastStart >= 0 && labelAt != code.size() && code.get(lastStart) == op;
    }

    /** Removes the last instruction (to fuse it into the next); returns its byte offset. */
    private int unemitLast() {
        int n = instructionStarts.size() - 1;
        int offset = byteOffsets.get(n);
        costOwner.cost--;
        code.truncate(lastStart);
        instructionStarts.truncate(n);
        byteOffsets.truncate(n);
        // The one before may fuse in turn (a label in between is caught by canFuseWith).
        lastStart = n > 0 ? instructionStarts.get(n - 1) : -1;
        return offset;
    }

    /**
     * Emits a forward conditional branch ({@code BR_IF} or {@code BR_UNLESS}) and any immediates
     * before its target, which the caller adds. The i32 test just computed is folded in: {@code
     * i32.eqz} flips the branch; an equality or signed comparison becomes a compare-and-branch
     * (negated for {@code BR_UNLESS}, which is exact for integers).
     */
    private void emitCondition(int branchOp, int offset) {
        boolean unless = branchOp == Op.BR_UNLESS;
        if (canFuseWith(Op.I32_EQZ)) {
            unemitLast();
            emitOp(unless ? Op.BR_IF : Op.BR_UNLESS, offset);
        } else if (canFuseWith(Op.I32_EQ) || canFuseWith(Op.I32_NE)) {
            boolean equal = code.get(lastStart) == Op.I32_EQ;
            unemitLast();
            emitOp(equal != unless ? Op.BR_IF_EQ : Op.BR_IF_NE, offset);
        } else if (lastStart >= 0 && compareAndBranch(code.get(lastStart), unless) >= 0
                && canFuseWith(code.get(lastStart))) {
            int fused = compareAndBranch(code.get(lastStart), unless);
            int k = code.get(lastStart + 1);
            unemitLast();
            emitOp(fused, offset);
            code.add(k);
        } else {
            emitOp(branchOp, offset);
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

    private void emitOp(int op, int offset) {
        costOwner.cost++;
        lastStart = code.size();
        instructionStarts.add(code.size());
        byteOffsets.add(offset);
        code.add(op);
    }

    private void push(int size) {
        if (operandCount == operands.length) {
            operands = Arrays.copyOf(operands, operandCount * 2);
        }
        operands[operandCount++] = size;
        height += size;
        maxHeight = Math.max(maxHeight, height);
    }

    private int pop() {
        int size = operands[--operandCount];
        height -= size;
        return size;
    }

    private Control top() {
        return controls.get(controls.size() - 1);
    }

    private Control innermostLoopOrFunction() {
        for (int i = controls.size() - 1; i >= 0; i--) {
            Control c = controls.get(i);
            if (c.kind == Kind.LOOP || c.kind == Kind.FUNCTION) {
                return c;
            }
        }
        throw new IllegalStateException("no function frame");
    }

    private static int slots(ValueType[] types) {
        int n = 0;
        for (ValueType t : types) {
            n += t.slots();
        }
        return n;
    }

    private WasmException unsupported(int op) {
        return new WasmException("the interpreter does not support " + Opcodes.name(op) + " yet");
    }

    /** Reads past the immediates of {@code op} (in code that is skipped). */
    private void skipImmediates(int op) {
        switch (op) {
            case Opcodes.BR, Opcodes.BR_IF, Opcodes.CALL, Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE,
                 Opcodes.GLOBAL_GET, Opcodes.GLOBAL_SET, Opcodes.TABLE_GET, Opcodes.TABLE_SET, Opcodes.REF_FUNC,
                 Opcodes.MEMORY_SIZE, Opcodes.MEMORY_GROW, Opcodes.DATA_DROP, Opcodes.MEMORY_FILL,
                 Opcodes.ELEM_DROP, Opcodes.TABLE_GROW, Opcodes.TABLE_SIZE, Opcodes.TABLE_FILL -> reader.readU32();
            case Opcodes.CALL_INDIRECT, Opcodes.MEMORY_INIT, Opcodes.MEMORY_COPY, Opcodes.TABLE_INIT,
                 Opcodes.TABLE_COPY -> {
                reader.readU32();
                reader.readU32();
            }
            case Opcodes.BR_TABLE -> {
                int n = reader.readU32();
                for (int i = 0; i <= n; i++) {
                    reader.readU32();
                }
            }
            case Opcodes.SELECT_T -> {
                int n = reader.readU32();
                for (int i = 0; i < n; i++) {
                    reader.readByte();
                }
            }
            case Opcodes.I32_CONST -> reader.readS32();
            case Opcodes.I64_CONST -> reader.readS64();
            case Opcodes.F32_CONST -> reader.skip(4);
            case Opcodes.F64_CONST -> reader.skip(8);
            case Opcodes.REF_NULL -> reader.readByte();
            default -> {
                if (op >= Opcodes.I32_LOAD && op <= Opcodes.I64_STORE32) {
                    reader.readU32();
                    reader.readU32();
                } else if ((op >>> 16) == Opcodes.PREFIX_FD) {
                    skipSimdImmediates(op & 0xFFFF);
                }
            }
        }
    }

    private void skipSimdImmediates(int sub) {
        if (SimdShapes.hasMemarg(sub)) {
            reader.readU32();
            reader.readU32();
        } else if (SimdShapes.immediateInts(sub) == 4) {
            reader.skip(16);
        }
        if (SimdShapes.hasLaneByte(sub)) {
            reader.readByte();
        }
    }
}
