package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.io.ByteArrayOutputStream;

/** A test-local assembler: emits the bytes of a function body, instruction by instruction. */
final class Asm {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Asm code() {
        return new Asm();
    }

    /** Any opcode: single-byte, or {@code 0xFC << 16 | sub} for prefixed ones. */
    Asm op(int opcode) {
        if ((opcode >>> 16) != 0) {
            out.write(opcode >>> 16);
            u32(opcode & 0xFFFF);
        } else {
            out.write(opcode);
        }
        return this;
    }

    Asm ops(int... opcodes) {
        for (int op : opcodes) {
            op(op);
        }
        return this;
    }

    Asm u32(int v) {
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out.write(v == 0 ? b : b | 0x80);
        } while (v != 0);
        return this;
    }

    Asm s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    Asm i32(int v) {
        op(Opcodes.I32_CONST);
        return s64(v);
    }

    Asm i64(long v) {
        op(Opcodes.I64_CONST);
        return s64(v);
    }

    Asm f32Bits(int bits) {
        op(Opcodes.F32_CONST);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    Asm f32(float v) {
        return f32Bits(Float.floatToRawIntBits(v));
    }

    Asm f64Bits(long bits) {
        op(Opcodes.F64_CONST);
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)));
        }
        return this;
    }

    Asm f64(double v) {
        return f64Bits(Double.doubleToRawLongBits(v));
    }

    Asm get(int local) {
        return op(Opcodes.LOCAL_GET).u32(local);
    }

    Asm set(int local) {
        return op(Opcodes.LOCAL_SET).u32(local);
    }

    Asm tee(int local) {
        return op(Opcodes.LOCAL_TEE).u32(local);
    }

    Asm globalGet(int g) {
        return op(Opcodes.GLOBAL_GET).u32(g);
    }

    Asm globalSet(int g) {
        return op(Opcodes.GLOBAL_SET).u32(g);
    }

    /** block with no parameters and the given results (at most one; use {@link #blockType} for more). */
    Asm block(ValueType... results) {
        return op(Opcodes.BLOCK).blockType(results);
    }

    Asm loop(ValueType... results) {
        return op(Opcodes.LOOP).blockType(results);
    }

    Asm if_(ValueType... results) {
        return op(Opcodes.IF).blockType(results);
    }

    /** A structured instruction whose type is type index {@code typeIndex}. */
    Asm blockIndexed(int opcode, int typeIndex) {
        return op(opcode).s64(typeIndex);
    }

    private Asm blockType(ValueType... results) {
        if (results.length == 0) {
            out.write(0x40);
        } else {
            out.write(results[0].code());
        }
        return this;
    }

    Asm drop() {
        return op(Opcodes.DROP);
    }

    Asm drop2() {
        return drop().drop();
    }

    Asm else_() {
        return op(Opcodes.ELSE);
    }

    Asm end() {
        return op(Opcodes.END);
    }

    Asm br(int depth) {
        return op(Opcodes.BR).u32(depth);
    }

    Asm brIf(int depth) {
        return op(Opcodes.BR_IF).u32(depth);
    }

    /** br_table with the given labels, the last one being the default. */
    Asm brTable(int... labels) {
        op(Opcodes.BR_TABLE).u32(labels.length - 1);
        for (int l : labels) {
            u32(l);
        }
        return this;
    }

    Asm call(int function) {
        return op(Opcodes.CALL).u32(function);
    }

    Asm callIndirect(int type, int table) {
        return op(Opcodes.CALL_INDIRECT).u32(type).u32(table);
    }

    /** A load or store with alignment 0 and the given offset. */
    Asm mem(int opcode, int offset) {
        return op(opcode).u32(0).u32(offset);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
