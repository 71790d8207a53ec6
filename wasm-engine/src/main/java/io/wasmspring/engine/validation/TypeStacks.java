package io.wasmspring.engine.validation;

import static io.wasmspring.engine.validation.OperandType.UNKNOWN;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.structure.Opcodes;
import java.util.Arrays;

/**
 * The two stacks of the spec's validation algorithm: the operand stack of value types
 * ({@code vals}) and the control stack ({@code ctrls}) whose frames record a block's kind,
 * parameter and result types, the operand stack height at its start, and whether the rest of it
 * is unreachable. Below an unreachable frame's height the operand stack is polymorphic: pops
 * yield {@link OperandType#UNKNOWN}, which matches every type.
 *
 * <p>Frames are parallel arrays and types small ints, so pushing and popping allocate nothing.
 * Type lists passed in are shared and never modified. Errors are worded through the owning
 * {@link FunctionValidator}, which knows the current instruction and function.
 */
final class TypeStacks {

    /** Block kind of the outermost frame: the function body itself. */
    static final int FUNCTION_FRAME = -1;

    private final FunctionValidator owner;

    private int[] vals = new int[64];
    private int valsSize;

    private int[] ctrlKind = new int[16];
    private int[][] ctrlParams = new int[16][];
    private int[][] ctrlResults = new int[16][];
    private int[] ctrlHeight = new int[16];
    private boolean[] ctrlUnreachable = new boolean[16];
    private int ctrlSize;

    TypeStacks(FunctionValidator owner) {
        this.owner = owner;
    }

    /** Empties both stacks, for the next function. */
    void clear() {
        valsSize = 0;
        ctrlSize = 0;
    }

    // --- operands ------------------------------------------------------------------------------

    void push(int type) {
        if (valsSize == vals.length) {
            vals = Arrays.copyOf(vals, vals.length * 2);
        }
        vals[valsSize++] = type;
    }

    void pushAll(int[] types) {
        for (int type : types) {
            push(type);
        }
    }

    /** Pops one operand of any type; {@link OperandType#UNKNOWN} from a polymorphic stack. */
    int popAny() {
        int frame = ctrlSize - 1;
        if (valsSize == ctrlHeight[frame]) {
            if (ctrlUnreachable[frame]) {
                return UNKNOWN;
            }
            throw owner.fail("type mismatch: " + owner.instructionName() + " expects an operand but the stack has []");
        }
        return vals[--valsSize];
    }

    void pop(int expected) {
        popAll(OperandType.single(expected));
    }

    /** Pops the operands {@code expected} (its last element on top), checking each type. */
    void popAll(int[] expected) {
        checkTop(expected, false);
        valsSize = Math.max(ctrlHeight[ctrlSize - 1], valsSize - expected.length);
    }

    /** Checks the current frame's top operands match {@code expected}, without popping them. */
    void checkTop(int[] expected) {
        checkTop(expected, false);
    }

    private void checkTop(int[] expected, boolean atBlockEnd) {
        int frame = ctrlSize - 1;
        int height = ctrlHeight[frame];
        int base = valsSize - expected.length;
        for (int i = 0; i < expected.length; i++) {
            int position = base + i;
            if (position < height) {
                if (!ctrlUnreachable[frame]) {
                    throw mismatch(expected, atBlockEnd);
                }
                continue;
            }
            int actual = vals[position];
            int wanted = expected[i];
            if (actual != wanted && actual != UNKNOWN && wanted != UNKNOWN) {
                throw mismatch(expected, atBlockEnd);
            }
        }
    }

    // --- control frames ------------------------------------------------------------------------

    /** Opens a frame and pushes its parameters, which the caller has already popped. */
    void pushCtrl(int kind, int[] params, int[] results) {
        if (ctrlSize == ctrlKind.length) {
            int size = ctrlSize * 2;
            ctrlKind = Arrays.copyOf(ctrlKind, size);
            ctrlParams = Arrays.copyOf(ctrlParams, size);
            ctrlResults = Arrays.copyOf(ctrlResults, size);
            ctrlHeight = Arrays.copyOf(ctrlHeight, size);
            ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, size);
        }
        ctrlKind[ctrlSize] = kind;
        ctrlParams[ctrlSize] = params;
        ctrlResults[ctrlSize] = results;
        ctrlHeight[ctrlSize] = valsSize;
        ctrlUnreachable[ctrlSize] = false;
        ctrlSize++;
        pushAll(params);
    }

    /** Closes the current frame: exactly its result types must be on the stack. */
    void popCtrl() {
        int frame = ctrlSize - 1;
        int[] results = ctrlResults[frame];
        checkTop(results, true);
        if (valsSize - ctrlHeight[frame] > results.length) {
            throw mismatch(results, true);
        }
        valsSize = ctrlHeight[frame];
        ctrlSize--;
    }

    /** Number of open frames; zero once the function's final {@code end} has been seen. */
    int depth() {
        return ctrlSize;
    }

    /** Kind of the innermost frame: a block opcode or {@link #FUNCTION_FRAME}. */
    int currentKind() {
        return ctrlKind[ctrlSize - 1];
    }

    int[] currentParams() {
        return ctrlParams[ctrlSize - 1];
    }

    int[] currentResults() {
        return ctrlResults[ctrlSize - 1];
    }

    /** Types a branch to {@code label} carries: a loop's parameters, any other block's results. */
    int[] labelTypes(int label) {
        if (label < 0 || label >= ctrlSize) {
            throw owner.fail("unknown label " + Integer.toUnsignedString(label));
        }
        int frame = ctrlSize - 1 - label;
        return ctrlKind[frame] == Opcodes.LOOP ? ctrlParams[frame] : ctrlResults[frame];
    }

    /** The rest of the current block is unreachable: drop its operands, make the stack polymorphic. */
    void unreachable() {
        valsSize = ctrlHeight[ctrlSize - 1];
        ctrlUnreachable[ctrlSize - 1] = true;
    }

    // --- messages ------------------------------------------------------------------------------

    private InvalidModuleException mismatch(int[] expected, boolean atBlockEnd) {
        int frame = ctrlSize - 1;
        int height = ctrlHeight[frame];
        String what;
        int from;
        if (atBlockEnd) {
            what = "end of " + blockName(ctrlKind[frame]) + " expects " + OperandType.list(expected);
            from = height;
        } else {
            what = owner.instructionName() + " expects " + OperandType.list(expected);
            from = Math.max(height, valsSize - expected.length);
        }
        return owner.fail("type mismatch: " + what + " but the stack has " + describeStack(from));
    }

    /** The operands from {@code from} to the top, at most the top eight. */
    private String describeStack(int from) {
        int shown = Math.max(from, valsSize - 8);
        String values = OperandType.list(vals, shown, valsSize);
        return shown > from ? "[... " + values.substring(1) : values;
    }

    private static String blockName(int kind) {
        return switch (kind) {
            case FUNCTION_FRAME -> "function";
            case Opcodes.LOOP -> "loop";
            case Opcodes.IF -> "if";
            case Opcodes.ELSE -> "else";
            default -> "block";
        };
    }
}
