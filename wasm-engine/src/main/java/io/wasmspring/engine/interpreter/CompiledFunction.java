package io.wasmspring.engine.interpreter;

import java.util.Arrays;

/**
 * A function body lowered for the interpreter, shared by all instances of its module: the
 * {@code int[]} code in {@link Op}'s instruction set and the frame layout the interpreter needs.
 * (Instantiation only passes it along.)
 */
public final class CompiledFunction {

    /** The lowered instructions, immediates inline. */
    final int[] code;
    /** Slots taken by the parameters (the caller's top operands become the callee's first locals). */
    final int paramSlots;
    /** Slots taken by parameters plus declared locals: where the operand stack starts. */
    final int localSlots;
    /** Slots taken by the results. */
    final int resultSlots;
    /** Slots the frame may use at most: locals plus the deepest operand stack. */
    final int frameSlots;
    /**
     * What a call of this function charges against the limits countdown: its instructions outside
     * any loop, which one call runs at most once (loops charge their own at their back-edges).
     */
    int callCost = 1;
    /** Code index of each lowered instruction, ascending, and the body's byte offset it came from. */
    private final int[] instructionStarts;
    private final int[] byteOffsets;

    CompiledFunction(int[] code, int paramSlots, int localSlots, int resultSlots, int frameSlots,
                     int[] instructionStarts, int[] byteOffsets) {
        this.code = code;
        this.paramSlots = paramSlots;
        this.localSlots = localSlots;
        this.resultSlots = resultSlots;
        this.frameSlots = frameSlots;
        this.instructionStarts = instructionStarts;
        this.byteOffsets = byteOffsets;
    }

    /** Number of {@code int}s of lowered code. */
    public int codeLength() {
        return code.length;
    }

    /**
     * The module-binary byte offset of the instruction that was executing when the interpreter's
     * program counter had advanced to {@code pc} (past the opcode), or -1 when unknown.
     */
    public int byteOffsetAt(int pc) {
        int i = Arrays.binarySearch(instructionStarts, pc - 1);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && i < byteOffsets.length ? byteOffsets[i] : -1;
    }

    /** A readable listing of the lowered code, one instruction per line, for tests and debugging. */
    public String disassemble() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < instructionStarts.length; k++) {
            int start = instructionStarts[k];
            int end = k + 1 < instructionStarts.length ? instructionStarts[k + 1] : code.length;
            sb.append(start).append(": ").append(Op.name(code[start]));
            for (int i = start + 1; i < end; i++) {
                sb.append(' ').append(code[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
