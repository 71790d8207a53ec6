package io.wasmspring.engine.validation;

import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.io.ByteArrayOutputStream;

/** Test helper: writes instruction bytes (opcodes and LEB128 immediates) for hand-built bodies. */
final class Code {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Code code() {
        return new Code();
    }

    /** An opcode; prefixed ones ({@code prefix << 16 | sub}) are written as prefix byte and u32. */
    Code op(int opcode) {
        if (opcode > 0xFF) {
            out.write(opcode >>> 16);
            return u32(opcode & 0xFFFF);
        }
        out.write(opcode);
        return this;
    }

    Code op(int opcode, int immediate) {
        return op(opcode).u32(immediate);
    }

    Code i32(int value) {
        return op(Opcodes.I32_CONST).s64(value);
    }

    Code i64(long value) {
        return op(Opcodes.I64_CONST).s64(value);
    }

    Code f32() {
        return op(Opcodes.F32_CONST).raw(0, 0, 0, 0);
    }

    Code f64() {
        return op(Opcodes.F64_CONST).raw(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A load or store with its memarg. */
    Code mem(int opcode, int align, int offset) {
        return op(opcode).u32(align).u32(offset);
    }

    Code block(int opcode, ValueType result) {
        op(opcode);
        return raw(result == null ? 0x40 : result.code());
    }

    Code blockType(int opcode, int typeIndex) {
        return op(opcode).s64(typeIndex);
    }

    Code refNull(ValueType type) {
        return op(Opcodes.REF_NULL).raw(type.code());
    }

    Code end() {
        return op(Opcodes.END);
    }

    Code u32(int value) {
        long v = Integer.toUnsignedLong(value);
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v == 0 ? b : b | 0x80);
        } while (v != 0);
        return this;
    }

    Code s64(long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    Code raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
