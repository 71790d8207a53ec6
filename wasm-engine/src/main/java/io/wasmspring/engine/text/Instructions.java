package io.wasmspring.engine.text;

import io.wasmspring.engine.structure.Opcodes;
import java.util.HashMap;
import java.util.Map;

/** The instruction names of the text format and their opcodes (taken from {@link Opcodes#name}). */
final class Instructions {

    private Instructions() {
    }

    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (int op = 0; op <= 0xFF; op++) {
            add(op);
        }
        for (int sub = 0; sub <= 0x11; sub++) {
            add(Opcodes.PREFIX_FC << 16 | sub);
        }
    }

    private static void add(int opcode) {
        String name = Opcodes.name(opcode);
        if (!name.startsWith("opcode ") && !name.equals("select_t")) {
            BY_NAME.put(name, opcode);
        }
    }

    /** The opcode named {@code name}, or null for an unknown operator. */
    static Integer opcode(String name) {
        return BY_NAME.get(name);
    }

    /** Writes the opcode: one byte, or a prefix byte and a LEB128 sub-opcode. */
    static void write(ByteWriter w, int opcode) {
        if (opcode > 0xFF) {
            w.u8(opcode >>> 16);
            w.u32(opcode & 0xFFFF);
        } else {
            w.u8(opcode);
        }
    }

    /** log2 of the natural alignment of a load or store, or -1 for other instructions. */
    static int naturalAlignment(int opcode) {
        switch (opcode) {
            case Opcodes.I32_LOAD8_S: case Opcodes.I32_LOAD8_U: case Opcodes.I64_LOAD8_S: case Opcodes.I64_LOAD8_U:
            case Opcodes.I32_STORE8: case Opcodes.I64_STORE8:
                return 0;
            case Opcodes.I32_LOAD16_S: case Opcodes.I32_LOAD16_U: case Opcodes.I64_LOAD16_S: case Opcodes.I64_LOAD16_U:
            case Opcodes.I32_STORE16: case Opcodes.I64_STORE16:
                return 1;
            case Opcodes.I32_LOAD: case Opcodes.F32_LOAD: case Opcodes.I64_LOAD32_S: case Opcodes.I64_LOAD32_U:
            case Opcodes.I32_STORE: case Opcodes.F32_STORE: case Opcodes.I64_STORE32:
                return 2;
            case Opcodes.I64_LOAD: case Opcodes.F64_LOAD: case Opcodes.I64_STORE: case Opcodes.F64_STORE:
                return 3;
            default:
                return -1;
        }
    }
}
