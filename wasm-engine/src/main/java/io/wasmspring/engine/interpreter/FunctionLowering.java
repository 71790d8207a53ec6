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
 * Lowers one validated function body into {@link Op} code. Walks the body once, as validation
 * does, keeping the control frames and the operand stack height in slots, so that every branch
 * gets its target code index and the stack adjustment it needs (how many result slots move down to
 * which height) at lowering time. Code that validation calls unreachable (after {@code br},
 * {@code return}, {@code unreachable} and so on, up to the enclosing {@code else} or {@code end})
 * is skipped. Each loop, and the function outside its loops, counts the instructions it holds:
 * what a back-edge (a call) charges the limits countdown. The code goes into a {@link CodeBuffer};
 * instructions that may fuse with the ones before them are emitted through
 * {@link Superinstructions}.
 */
final class FunctionLowering {

    private static final ValueType[] NONE = new ValueType[0];

    /**
     * Whether to fuse instructions into superinstructions ({@link Superinstructions}), read once
     * per function; off only to compare in tests.
     */
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
        final CodeBuffer.CostAccount cost = new CodeBuffer.CostAccount();
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

    private final CodeBuffer code = new CodeBuffer(fuseInstructions);
    private final Superinstructions superinstructions = new Superinstructions(code);

    /** Slot size of each operand on the stack, and the total height in slots. */
    private int[] operands = new int[16];
    private int operandCount;
    private int height;
    private int maxHeight;

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
        Control function = new Control(Kind.FUNCTION, NONE, type.results().toArray(NONE), 0, 0);
        controls.add(function);
        chargeTo(function);
        while (!controls.isEmpty()) {
            int offset = reader.position();
            int op = reader.readOpcode();
            if (top().unreachable && skip(op)) {
                continue;
            }
            lowerInstruction(op, offset);
        }
        CompiledFunction compiled = new CompiledFunction(code.code(), type.paramSlots(), localSlots, type.resultSlots(),
                localSlots + maxHeight, code.instructionStarts(), code.byteOffsets());
        compiled.callCost = Math.max(1, function.cost.instructions);
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
                code.emitOp(Op.UNREACHABLE, offset);
                markUnreachable();
            }
            case Opcodes.NOP -> {
            }
            case Opcodes.BLOCK -> pushControl(Kind.BLOCK, reader.readBlockType());
            case Opcodes.LOOP -> {
                Control loop = pushControl(Kind.LOOP, reader.readBlockType());
                loop.loopPc = code.bindLabel();
                chargeTo(loop);
            }
            case Opcodes.IF -> {
                long blockType = reader.readBlockType();
                pop();
                superinstructions.conditionalBranch(Op.BR_UNLESS, offset);
                Control c = pushControl(Kind.IF, blockType);
                c.elsePatch = code.addPlaceholder();
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
                emitReturn(offset);
                markUnreachable();
            }
            case Opcodes.CALL -> {
                int function = reader.readU32();
                code.emitOp(Op.CALL, offset);
                code.add(function);
                applyCall(index.functionTypes[function]);
            }
            case Opcodes.CALL_INDIRECT -> {
                int typeIndex = reader.readU32();
                int table = reader.readU32();
                pop();
                code.emitOp(Op.CALL_INDIRECT, offset);
                code.add(typeIndex);
                code.add(table);
                applyCall(index.module.types.get(typeIndex));
            }
            case Opcodes.DROP -> {
                int size = pop();
                for (int i = 0; i < size; i++) {
                    code.emitOp(Op.DROP, offset);
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
                    code.emitOp(Op.LOCAL_GET_V128, offset);
                } else {
                    superinstructions.localGet(offset);
                }
                code.add(localSlotOf[local]);
                push(localSize[local]);
            }
            case Opcodes.LOCAL_SET -> {
                int local = reader.readU32();
                if (localSize[local] == 2) {
                    code.emitOp(Op.LOCAL_SET_V128, offset);
                } else {
                    superinstructions.localSet(offset);
                }
                code.add(localSlotOf[local]);
                pop();
            }
            case Opcodes.LOCAL_TEE -> {
                int local = reader.readU32();
                code.emitOp(localSize[local] == 2 ? Op.LOCAL_TEE_V128 : Op.LOCAL_TEE, offset);
                code.add(localSlotOf[local]);
            }
            case Opcodes.GLOBAL_GET -> {
                int global = reader.readU32();
                boolean vector = index.vectorGlobals[global];
                code.emitOp(index.referenceGlobals[global] ? Op.GLOBAL_GET_REF : vector ? Op.GLOBAL_GET_V128 : Op.GLOBAL_GET, offset);
                code.add(global);
                push(vector ? 2 : 1);
            }
            case Opcodes.GLOBAL_SET -> {
                int global = reader.readU32();
                code.emitOp(index.referenceGlobals[global] ? Op.GLOBAL_SET_REF
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

    private void lowerNumeric(int op, int offset) {
        int pops = NumericShapes.operandCount(op);
        if (op >= Opcodes.I32_REINTERPRET_F32 && op <= Opcodes.F64_REINTERPRET_I64) {
            // Raw bits are the same slot either way: nothing to execute.
            return;
        }
        int internal = Op.numeric(op);
        if (!superinstructions.numeric(op, internal, offset)) {
            code.emitOp(internal, offset);
        }
        popAndPush(pops, 1);
    }

    private void lowerMemoryAccess(int op, int offset) {
        reader.readU32(); // alignment: a hint only
        int memoryOffset = reader.readU32();
        if (memoryOffset < 0) {
            // An offset of 2 GiB or more traps whatever the base (no memory reaches that size),
            // and so does this one; the interpreter can then add offsets as non-negative ints.
            memoryOffset = Integer.MAX_VALUE;
        }
        boolean store = op >= Opcodes.I32_STORE;
        if (!superinstructions.memoryAccess(op, memoryOffset, offset)) {
            code.emitOp(Op.I32_LOAD + (op - Opcodes.I32_LOAD), offset);
            code.add(memoryOffset);
        }
        popAndPush(store ? 2 : 1, store ? 0 : 1);
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
        code.emitOp(Op.SIMD, offset);
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
            code.emitOp(Op.JUMP, offset);
            c.endPatches.add(code.addPlaceholder());
        }
        code.patch(c.elsePatch, code.bindLabel());
        c.elsePatch = -1;
        resetOperands(c, c.params);
        c.unreachable = false;
    }

    private void lowerEnd(int offset) {
        Control c = controls.remove(controls.size() - 1);
        if (c == costOwner && c.kind == Kind.LOOP) {
            chargeTo(innermostLoopOrFunction());
        }
        int end = code.bindLabel();
        if (c.elsePatch >= 0) {
            code.patch(c.elsePatch, end);
        }
        for (int i = 0; i < c.endPatches.size(); i++) {
            code.patch(c.endPatches.get(i), end);
        }
        if (c.kind == Kind.FUNCTION) {
            emitReturn(offset);
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
            c.endPatches.add(code.addPlaceholder());
        }
    }

    /** RETURN carries the function's result slot count, so returning needs nothing but the code. */
    private void emitReturn(int offset) {
        code.emitOp(Op.RETURN, offset);
        code.add(type.resultSlots());
    }

    private void branch(int depth, int offset) {
        Control c = label(depth);
        if (c.kind == Kind.FUNCTION) {
            emitReturn(offset);
        } else if (!needsMove(c)) {
            code.emitOp(c.kind == Kind.LOOP ? Op.JUMP_BACK : Op.JUMP, offset);
            target(c);
            if (c.kind == Kind.LOOP) {
                code.add(backEdgeCost(c));
            }
        } else {
            if (c.kind == Kind.LOOP) {
                code.emitOp(Op.COUNTDOWN, offset);
                code.add(backEdgeCost(c));
            }
            emitMove(c, offset);
        }
    }

    /**
     * What a branch back to loop {@code c} charges the limits countdown: the loop's instructions
     * lowered so far outside nested loops, and never less than one, or a loop whose body is only
     * a nested loop branching back out (cost 0) would run for ever past fuel, timeout and interrupt.
     */
    private static int backEdgeCost(Control c) {
        return Math.max(1, c.cost.instructions);
    }

    private void emitMove(Control c, int offset) {
        code.emitOp(Op.BR_MOVE, offset);
        target(c);
        code.add(c.branchArity());
        code.add(localSlots + c.baseHeight);
    }

    private void branchIf(int depth, int offset) {
        Control c = label(depth);
        if (!needsMove(c)) {
            // A branch to the function's label jumps to its final RETURN, which moves the results.
            if (c.kind == Kind.LOOP) {
                superinstructions.loopBranchIf(offset);
            } else {
                superinstructions.conditionalBranch(Op.BR_IF, offset);
            }
            target(c);
            if (c.kind == Kind.LOOP) {
                code.add(backEdgeCost(c));
            }
            return;
        }
        superinstructions.conditionalBranch(Op.BR_UNLESS, offset);
        int skip = code.addPlaceholder();
        if (c.kind == Kind.LOOP) {
            code.emitOp(Op.COUNTDOWN, offset);
            code.add(backEdgeCost(c));
        }
        emitMove(c, offset);
        code.patch(skip, code.bindLabel());
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
                loopCost = Math.max(loopCost, c.cost.instructions + 1);
            }
        }
        if (loopCost > 0) {
            // A br_table that may go back charges the loop's iteration like any back-edge.
            code.emitOp(Op.COUNTDOWN, offset);
            code.add(loopCost);
        }
        code.emitOp(Op.BR_TABLE, offset);
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
        code.emitOp(size == 2 ? Op.SELECT_V128 : Op.SELECT, offset);
        push(size);
    }

    private void const64(long value, int offset) {
        simple(Op.CONST64, offset, 0, 1, (int) value, (int) (value >>> 32));
    }

    /** An instruction that pops {@code pops} one-slot operands and pushes {@code pushes}. */
    private void simple(int op, int offset, int pops, int pushes, int... immediates) {
        code.emitOp(op, offset);
        for (int immediate : immediates) {
            code.add(immediate);
        }
        popAndPush(pops, pushes);
    }

    /** The stack effect of an instruction on one-slot operands. */
    private void popAndPush(int pops, int pushes) {
        for (int i = 0; i < pops; i++) {
            pop();
        }
        for (int i = 0; i < pushes; i++) {
            push(1);
        }
    }

    // ---- stack and frames ----

    /** Makes {@code c} (a loop or the function) the one that emitted instructions are counted in. */
    private void chargeTo(Control c) {
        costOwner = c;
        code.chargeTo(c.cost);
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
