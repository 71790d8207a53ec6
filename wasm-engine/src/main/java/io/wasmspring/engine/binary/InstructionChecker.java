package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.ModuleReader.malformed;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.CodeReader;
import io.wasmspring.engine.structure.Opcodes;
import java.util.Arrays;

/**
 * Reads an instruction sequence (spec 5.4) up to the {@code end} that closes it, checking that
 * every opcode exists, every immediate is well formed and blocks nest, so that malformed code is
 * rejected while decoding. Types and indices are left to the validator. One checker is reused
 * for every body and constant expression of a module: it allocates nothing per instruction.
 */
final class InstructionChecker {

    // What follows an opcode.
    private static final byte ILLEGAL = 0;
    private static final byte NONE = 1;
    private static final byte BLOCK = 2;
    private static final byte IF = 3;
    private static final byte ELSE = 4;
    private static final byte END = 5;
    private static final byte U32 = 6;
    private static final byte BR_TABLE = 7;
    private static final byte CALL_INDIRECT = 8;
    private static final byte SELECT_T = 9;
    private static final byte MEMARG = 10;
    private static final byte ZERO_BYTE = 11;
    private static final byte S32 = 12;
    private static final byte S64 = 13;
    private static final byte F32 = 14;
    private static final byte F64 = 15;
    private static final byte REF_NULL = 16;
    private static final byte PREFIX_FC = 17;
    private static final byte PREFIX_FD = 18;
    // SIMD only.
    private static final byte BYTES16 = 19;
    private static final byte LANE = 20;
    private static final byte MEMARG_LANE = 21;

    private static final byte[] SINGLE = new byte[256];
    private static final byte[] SIMD = new byte[256];

    static {
        set(SINGLE, 0x00, 0x01, NONE);
        set(SINGLE, 0x02, 0x03, BLOCK);
        SINGLE[0x04] = IF;
        SINGLE[0x05] = ELSE;
        SINGLE[0x0B] = END;
        set(SINGLE, 0x0C, 0x0D, U32);
        SINGLE[0x0E] = BR_TABLE;
        SINGLE[0x0F] = NONE;
        SINGLE[0x10] = U32;
        SINGLE[0x11] = CALL_INDIRECT;
        set(SINGLE, 0x1A, 0x1B, NONE);
        SINGLE[0x1C] = SELECT_T;
        set(SINGLE, 0x20, 0x26, U32);
        set(SINGLE, 0x28, 0x3E, MEMARG);
        set(SINGLE, 0x3F, 0x40, ZERO_BYTE);
        SINGLE[0x41] = S32;
        SINGLE[0x42] = S64;
        SINGLE[0x43] = F32;
        SINGLE[0x44] = F64;
        set(SINGLE, 0x45, 0xC4, NONE);
        SINGLE[0xD0] = REF_NULL;
        SINGLE[0xD1] = NONE;
        SINGLE[0xD2] = U32;
        SINGLE[0xFC] = PREFIX_FC;
        SINGLE[0xFD] = PREFIX_FD;

        // The SIMD table of spec 5.4.8: loads and stores, v128.const / i8x16.shuffle, lane accesses.
        set(SIMD, 0x00, 0xFF, NONE);
        set(SIMD, 0, 11, MEMARG);
        SIMD[12] = BYTES16;
        SIMD[13] = BYTES16;
        set(SIMD, 21, 34, LANE);
        set(SIMD, 84, 91, MEMARG_LANE);
        set(SIMD, 92, 93, MEMARG);
        for (int unassigned : new int[] {154, 162, 165, 166, 175, 176, 178, 179, 180, 187, 194, 197, 198,
                207, 208, 210, 211, 212, 226, 238}) {
            SIMD[unassigned] = ILLEGAL;
        }
    }

    private static void set(byte[] table, int from, int to, byte kind) {
        for (int i = from; i <= to; i++) {
            table[i] = kind;
        }
    }

    /** Kinds of open blocks. */
    private static final byte FRAME_BLOCK = 0;
    private static final byte FRAME_IF = 1;
    private static final byte FRAME_ELSE = 2;

    private final ModuleReader reader;
    private final CodeReader code;
    private byte[] frames = new byte[64];
    private boolean usesDataCount;

    InstructionChecker(ModuleReader reader) {
        this.reader = reader;
        this.code = reader.cursor();
    }

    /** True once any checked code used {@code memory.init} or {@code data.drop}. */
    boolean usesDataCount() {
        return usesDataCount;
    }

    /**
     * Reads instructions from the reader's position through the {@code end} that closes the
     * expression, leaving the reader just after it.
     */
    void expression() {
        int depth = 0;
        frames[0] = FRAME_BLOCK;
        while (true) {
            int at = code.position();
            int opcode = code.readByte();
            switch (SINGLE[opcode]) {
                case NONE -> { }
                case BLOCK, IF -> {
                    blockType();
                    if (++depth == frames.length) {
                        frames = Arrays.copyOf(frames, depth * 2);
                    }
                    frames[depth] = SINGLE[opcode] == IF ? FRAME_IF : FRAME_BLOCK;
                }
                case ELSE -> {
                    if (frames[depth] != FRAME_IF) {
                        // Only an if may have one else; elsewhere the reference expects the end here.
                        throw malformed("END opcode expected", at);
                    }
                    frames[depth] = FRAME_ELSE;
                }
                case END -> {
                    if (depth-- == 0) {
                        return;
                    }
                }
                case U32 -> code.readU32();
                case BR_TABLE -> {
                    int targets = reader.vectorLength();
                    for (int i = 0; i < targets; i++) {
                        code.readU32();
                    }
                    code.readU32();
                }
                case CALL_INDIRECT -> {
                    code.readU32();
                    code.readU32();
                }
                case SELECT_T -> {
                    int n = reader.vectorLength();
                    for (int i = 0; i < n; i++) {
                        Types.valueType(reader);
                    }
                }
                case MEMARG -> memarg();
                case ZERO_BYTE -> zeroByte();
                case S32 -> code.readS32();
                case S64 -> code.readS64();
                case F32 -> code.skip(4);
                case F64 -> code.skip(8);
                case REF_NULL -> Types.referenceType(reader);
                case PREFIX_FC -> prefixFC(at);
                case PREFIX_FD -> prefixFD(at);
                default -> throw illegal(at, opcode);
            }
        }
    }

    /** {@code 0x40}, a value type, or a non-negative s33 type index. */
    private void blockType() {
        int at = code.position();
        int b = reader.peek();
        if (b == 0x40 || (b >= 0 && ValueType.fromCode(b) != null)) {
            code.skip(1);
            return;
        }
        if (code.readBlockType() < 0) {
            throw malformed("malformed block type", at);
        }
    }

    /** Alignment exponent and offset; an exponent of 32 or more is not a 2.0 memarg. */
    private void memarg() {
        int at = code.position();
        int align = code.readU32();
        if (Integer.compareUnsigned(align, 32) >= 0) {
            throw malformed("malformed memop flags", at);
        }
        code.readU32();
    }

    /** The reserved memory index of memory instructions: exactly the byte 0x00. */
    private void zeroByte() {
        int at = code.position();
        if (code.readByte() != 0) {
            throw malformed("zero byte expected", at);
        }
    }

    private void prefixFC(int at) {
        int sub = code.readU32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> { } // saturating truncations
            case 8 -> { // memory.init
                code.readU32();
                zeroByte();
                usesDataCount = true;
            }
            case 9 -> { // data.drop
                code.readU32();
                usesDataCount = true;
            }
            case 10 -> { // memory.copy
                zeroByte();
                zeroByte();
            }
            case 11 -> zeroByte(); // memory.fill
            case 12, 14 -> { // table.init, table.copy
                code.readU32();
                code.readU32();
            }
            case 13, 15, 16, 17 -> code.readU32(); // elem.drop, table.grow, table.size, table.fill
            default -> throw illegalPrefixed(at, Opcodes.PREFIX_FC, sub);
        }
    }

    private void prefixFD(int at) {
        int sub = code.readU32();
        byte kind = sub >= 0 && sub < SIMD.length ? SIMD[sub] : ILLEGAL;
        switch (kind) {
            case NONE -> { }
            case MEMARG -> memarg();
            case BYTES16 -> code.skip(16);
            case LANE -> code.readByte();
            case MEMARG_LANE -> {
                memarg();
                code.readByte();
            }
            default -> throw illegalPrefixed(at, Opcodes.PREFIX_FD, sub);
        }
    }

    private static MalformedModuleException illegal(int at, int opcode) {
        return malformed("illegal opcode " + hex(opcode), at);
    }

    private static MalformedModuleException illegalPrefixed(int at, int prefix, int sub) {
        return malformed("illegal opcode " + hex(prefix) + " " + Integer.toUnsignedString(sub), at);
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }
}
