package io.wasmspring.engine.interpreter;

/**
 * The {@link Op} code of one function while it is being lowered: the code itself, where each
 * instruction starts and the body byte offset it came from, and what a peephole needs to fuse the
 * next instruction into the last one ({@link #canFuseWith}, {@link #unemitLast}). Every emitted
 * instruction is counted in the current {@link CostAccount}, and uncounted when it is taken back.
 */
final class CodeBuffer {

    /** A running count of emitted instructions: one loop's, or the function's (see {@link FunctionLowering}). */
    static final class CostAccount {
        int instructions;
    }

    private final boolean fusionEnabled;
    private final IntList code = new IntList();
    private final IntList instructionStarts = new IntList();
    private final IntList byteOffsets = new IntList();

    /** Code index where the last instruction starts (-1 before the first). */
    private int lastStart = -1;
    /** Code index most recently made a branch target: nothing may be fused across it. */
    private int labelAt = -1;
    /** Where emitted instructions are counted. */
    private CostAccount account;

    /** {@code fusionEnabled} false makes {@link #canFuseWith} always false: plain code only. */
    CodeBuffer(boolean fusionEnabled) {
        this.fusionEnabled = fusionEnabled;
    }

    /** Counts the instructions emitted from now on in {@code account}. */
    void chargeTo(CostAccount account) {
        this.account = account;
    }

    /** Starts a new instruction with opcode {@code op}, from body byte offset {@code offset}. */
    void emitOp(int op, int offset) {
        account.instructions++;
        lastStart = code.size();
        instructionStarts.add(code.size());
        byteOffsets.add(offset);
        code.add(op);
    }

    /** Appends an immediate to the current instruction. */
    void add(int immediate) {
        code.add(immediate);
    }

    /** Appends a branch target still unknown and returns its position, for {@link #patch}. */
    int addPlaceholder() {
        int position = code.size();
        code.add(-1);
        return position;
    }

    /** Fills in a placeholder (or any earlier immediate). */
    void patch(int position, int value) {
        code.set(position, value);
    }

    /** The code index the next instruction will start at. */
    int size() {
        return code.size();
    }

    /** Marks the current code index as a branch target and returns it. */
    int bindLabel() {
        labelAt = code.size();
        return labelAt;
    }

    /** True when the last instruction is {@code op} and may be fused with the next one. */
    boolean canFuseWith(int op) {
        return fusionEnabled && lastStart >= 0 && labelAt != code.size() && code.get(lastStart) == op;
    }

    /** The opcode of the last instruction, or -1 before the first. */
    int lastOp() {
        return lastStart >= 0 ? code.get(lastStart) : -1;
    }

    /** The {@code n}th immediate (from 1) of the last instruction. */
    int lastImmediate(int n) {
        return code.get(lastStart + n);
    }

    /** Removes the last instruction (to fuse it into the next); returns its byte offset. */
    int unemitLast() {
        int n = instructionStarts.size() - 1;
        int offset = byteOffsets.get(n);
        account.instructions--;
        code.truncate(lastStart);
        instructionStarts.truncate(n);
        byteOffsets.truncate(n);
        // The one before may fuse in turn (a label in between is caught by canFuseWith).
        lastStart = n > 0 ? instructionStarts.get(n - 1) : -1;
        return offset;
    }

    int[] code() {
        return code.toArray();
    }

    int[] instructionStarts() {
        return instructionStarts.toArray();
    }

    int[] byteOffsets() {
        return byteOffsets.toArray();
    }
}
