package io.wasmspring.engine.validation;

import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.CodeReader;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.Opcodes;
import java.util.Arrays;

/**
 * Validates constant expressions (global initializers, segment offsets, element items): in Wasm
 * 2.0 only {@code t.const} (including {@code v128.const}), {@code ref.null}, {@code ref.func} and {@code global.get} of an
 * imported immutable global, leaving exactly one value of the expected type. The functions that
 * {@code ref.func} names here are recorded in C.refs, since these expressions lie outside
 * function bodies.
 */
final class ConstantExpressionValidator {

    private final ValidationContext context;
    private int[] stack = new int[4];

    ConstantExpressionValidator(ValidationContext context) {
        this.context = context;
    }

    /**
     * Checks {@code expression} produces one value of type {@code expected} (an operand type
     * code); {@code where} names the expression's owner for messages, e.g. {@code global 2}.
     */
    void validate(ConstantExpression expression, int expected, String where) {
        CodeReader reader = expression.reader();
        int size = 0;
        while (true) {
            int offset = reader.position();
            if (reader.atEnd()) {
                throw new MalformedModuleException("END opcode expected", offset);
            }
            int opcode = reader.readOpcode();
            int type;
            switch (opcode) {
                case Opcodes.END -> {
                    if (size != 1 || stack[0] != expected) {
                        throw new InvalidModuleException("type mismatch: " + where
                                + " must be a constant expression producing [" + OperandType.name(expected) + "] but it produces " + OperandType.list(stack, 0, size)
                                + " (offset 0x" + Integer.toHexString(offset) + ")");
                    }
                    return;
                }
                case Opcodes.I32_CONST -> {
                    reader.readS32();
                    type = OperandType.I32;
                }
                case Opcodes.I64_CONST -> {
                    reader.readS64();
                    type = OperandType.I64;
                }
                case Opcodes.F32_CONST -> {
                    reader.readF32Bits();
                    type = OperandType.F32;
                }
                case Opcodes.F64_CONST -> {
                    reader.readF64Bits();
                    type = OperandType.F64;
                }
                case Opcodes.V128_CONST -> {
                    reader.skip(16);
                    type = OperandType.V128;
                }
                case Opcodes.REF_NULL -> type = referenceType(reader);
                case Opcodes.REF_FUNC -> {
                    int index = reader.readU32();
                    if (!context.hasFunction(index)) {
                        throw error("unknown function " + Integer.toUnsignedString(index), where, offset);
                    }
                    context.declareReference(index);
                    type = OperandType.FUNCREF;
                }
                case Opcodes.GLOBAL_GET -> type = importedGlobal(reader.readU32(), where, offset);
                default -> throw error("constant expression required: " + Opcodes.name(opcode)
                        + " is not allowed in a constant expression", where, offset);
            }
            if (size == stack.length) {
                stack = Arrays.copyOf(stack, size * 2);
            }
            stack[size++] = type;
        }
    }

    /** Wasm 2.0 constant expressions see only imported globals, and only immutable ones. */
    private int importedGlobal(int index, String where, int offset) {
        if (index < 0 || index >= context.importedGlobalCount()) {
            throw error("unknown global " + Integer.toUnsignedString(index)
                    + ": constant expressions may only read imported globals", where, offset);
        }
        GlobalType global = context.global(index);
        if (global.mutable()) {
            throw error("constant expression required: global.get " + index + " reads a mutable global", where, offset);
        }
        return OperandType.of(global.valueType());
    }

    private static int referenceType(CodeReader reader) {
        int start = reader.position();
        int code = reader.readByte();
        if (code == io.wasmspring.engine.ValueType.FUNCREF.code()) {
            return OperandType.FUNCREF;
        }
        if (code == io.wasmspring.engine.ValueType.EXTERNREF.code()) {
            return OperandType.EXTERNREF;
        }
        throw new MalformedModuleException("malformed reference type", start);
    }

    private static InvalidModuleException error(String message, String where, int offset) {
        return new InvalidModuleException(message + " (" + where + ", offset 0x" + Integer.toHexString(offset) + ")");
    }
}
