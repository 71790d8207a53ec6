package io.wasmspring.engine.runtime;

import io.wasmspring.engine.Global;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.CodeReader;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.Opcodes;

/**
 * Evaluates constant expressions (spec: Validation → Constant Expressions; Execution →
 * Instantiation, where they run in an auxiliary frame): global initializers, segment offsets and
 * element items. Besides the 2.0 instructions ({@code t.const}, {@code ref.null}, {@code ref.func},
 * {@code global.get}) it accepts the extended-constant {@code add}/{@code sub}/{@code mul} of i32
 * and i64, which cost nothing here. The module is valid, so the operand stack cannot underflow.
 */
public final class ConstantEvaluator {

    private static final int V128_CONST = Opcodes.PREFIX_FD << 16 | 12;

    /**
     * A value of any type: raw bits (low 64 bits of a v128 in {@code bits}, high in {@code high})
     * or a reference object.
     */
    public record Value(long bits, long high, Object ref) {

        static Value ofBits(long bits) {
            return new Value(bits, 0, null);
        }

        static Value ofRef(Object ref) {
            return new Value(0, 0, ref);
        }
    }

    private ConstantEvaluator() {
    }

    /**
     * Evaluates {@code expression} against {@code state}: {@code global.get} reads
     * {@code state.globals} (imported ones and those already initialized), {@code ref.func} reads
     * {@code state.functions}.
     */
    public static Value evaluate(ConstantExpression expression, InstanceState state) {
        CodeReader reader = expression.reader();
        Value[] stack = new Value[4];
        int height = 0;
        while (true) {
            int opcode = reader.readOpcode();
            Value pushed;
            switch (opcode) {
                case Opcodes.END -> {
                    if (height != 1) {
                        throw new InvalidModuleException("constant expression leaves " + height + " values instead of 1");
                    }
                    return stack[0];
                }
                case Opcodes.I32_CONST -> pushed = Value.ofBits(Integer.toUnsignedLong(reader.readS32()));
                case Opcodes.I64_CONST -> pushed = Value.ofBits(reader.readS64());
                case Opcodes.F32_CONST -> pushed = Value.ofBits(Integer.toUnsignedLong(reader.readF32Bits()));
                case Opcodes.F64_CONST -> pushed = Value.ofBits(reader.readF64Bits());
                case V128_CONST -> {
                    long low = readLittleEndianLong(reader);
                    long high = readLittleEndianLong(reader);
                    pushed = new Value(low, high, null);
                }
                case Opcodes.REF_NULL -> {
                    reader.readByte(); // the reference type; null is null whatever the type
                    pushed = Value.ofRef(null);
                }
                case Opcodes.REF_FUNC -> pushed = Value.ofRef(function(state, reader.readU32()));
                case Opcodes.GLOBAL_GET -> pushed = read(global(state, reader.readU32()));
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {
                    if (height < 2) {
                        throw new InvalidModuleException("type mismatch in constant expression: binary operator needs two operands");
                    }
                    long right = stack[--height].bits();
                    long left = stack[--height].bits();
                    pushed = Value.ofBits(arithmetic(opcode, left, right));
                }
                default -> throw new InvalidModuleException("constant expression required, found instruction 0x" + Integer.toHexString(opcode)
                        + " at byte offset " + reader.position());
            }
            if (height == stack.length) {
                stack = java.util.Arrays.copyOf(stack, height * 2);
            }
            stack[height++] = pushed;
        }
    }

    /** The value of a global as a constant-expression value. */
    public static Value read(Global global) {
        ValueType type = global.type().valueType();
        return type.isReference() ? Value.ofRef(global.ref()) : new Value(global.bits(), global.highBits(), null);
    }

    /** Stores {@code value} into {@code global} according to its type. */
    public static void write(Global global, Value value) {
        if (global.type().valueType().isReference()) {
            global.setRefUnchecked(value.ref());
        } else {
            global.setBitsUnchecked(value.bits());
            global.setHighBitsUnchecked(value.high());
        }
    }

    private static long arithmetic(int opcode, long left, long right) {
        return switch (opcode) {
            case 0x6A -> Integer.toUnsignedLong((int) left + (int) right);
            case 0x6B -> Integer.toUnsignedLong((int) left - (int) right);
            case 0x6C -> Integer.toUnsignedLong((int) left * (int) right);
            case 0x7C -> left + right;
            case 0x7D -> left - right;
            default -> left * right;
        };
    }

    private static FunctionInstance function(InstanceState state, int index) {
        if (state.functions == null || index < 0 || index >= state.functions.length) {
            throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(index) + " in constant expression");
        }
        return state.functions[index];
    }

    private static Global global(InstanceState state, int index) {
        if (state.globals == null || index < 0 || index >= state.globals.length || state.globals[index] == null) {
            throw new InvalidModuleException("unknown global " + Integer.toUnsignedString(index) + " in constant expression");
        }
        return state.globals[index];
    }

    private static long readLittleEndianLong(CodeReader reader) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) reader.readByte() << (8 * i);
        }
        return v;
    }
}
