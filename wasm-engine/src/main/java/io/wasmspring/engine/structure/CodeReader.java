package io.wasmspring.engine.structure;

import io.wasmspring.engine.MalformedModuleException;

/**
 * Reads instructions and their immediates from a byte range of a binary module: the shared walker
 * for the decoder (which checks the format), the validator and lowering. Every read checks the
 * range and the LEB128 size rules and throws {@link MalformedModuleException} with the offset.
 */
public final class CodeReader {

    /** Block type of a block with no parameters and no results (byte 0x40). */
    public static final long BLOCK_TYPE_EMPTY = -0x40;

    private final byte[] bytes;
    private final int end;
    private int position;

    public CodeReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    /** Offset of the next byte to read, from the start of the module binary. */
    public int position() {
        return position;
    }

    public boolean atEnd() {
        return position >= end;
    }

    public int readByte() {
        if (position >= end) {
            throw new MalformedModuleException("unexpected end of section or function", position);
        }
        return bytes[position++] & 0xFF;
    }

    /** Reads an opcode; a prefixed opcode comes back as {@code prefix << 16 | subOpcode}. */
    public int readOpcode() {
        int b = readByte();
        if (b == Opcodes.PREFIX_FC || b == Opcodes.PREFIX_FD) {
            int start = position;
            int sub = readU32();
            if (sub > 0xFFFF) {
                throw new MalformedModuleException("illegal opcode 0x" + Integer.toHexString(b) + " " + Integer.toUnsignedString(sub), start);
            }
            return b << 16 | sub;
        }
        return b;
    }

    /** Unsigned 32-bit LEB128. */
    public int readU32() {
        int start = position;
        long result = 0;
        int shift = 0;
        while (true) {
            int b = readByte();
            if (shift == 28 && (b & 0x70) != 0) {
                throw new MalformedModuleException(
                        (b & 0x80) != 0 ? "integer representation too long" : "integer too large", start);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (int) result;
            }
            shift += 7;
            if (shift > 28) {
                throw new MalformedModuleException("integer representation too long", start);
            }
        }
    }

    /** Signed 32-bit LEB128. */
    public int readS32() {
        return (int) readSigned(32);
    }

    /** Signed 64-bit LEB128. */
    public long readS64() {
        return readSigned(64);
    }

    /** Signed 33-bit LEB128, as used by block types. */
    public long readS33() {
        return readSigned(33);
    }

    private long readSigned(int bits) {
        int start = position;
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; ; i++) {
            int b = readByte();
            if (i == maxBytes - 1) {
                // Last allowed byte: no continuation, and unused bits must sign-extend the value.
                if ((b & 0x80) != 0) {
                    throw new MalformedModuleException("integer representation too long", start);
                }
                int usedBits = bits - shift;
                int signAndUnused = b >> (usedBits - 1) & 0x7F;
                if (usedBits < 7 && signAndUnused != 0 && signAndUnused != (0x7F >> (usedBits - 1))) {
                    throw new MalformedModuleException("integer too large", start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
    }

    /** Raw little-endian bits of an f32 immediate. */
    public int readF32Bits() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= readByte() << (8 * i);
        }
        return v;
    }

    /** Raw little-endian bits of an f64 immediate. */
    public long readF64Bits() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) readByte() << (8 * i);
        }
        return v;
    }

    /**
     * A block type: {@link #BLOCK_TYPE_EMPTY}; a value type as the negative number its single
     * byte encodes as an s33 (-1 i32, -2 i64, -3 f32, -4 f64, -5 v128, -16 funcref, -17 externref);
     * or a type index (zero or more).
     */
    public long readBlockType() {
        return readS33();
    }

    /** Skips {@code n} bytes (e.g. a v128 constant). */
    public void skip(int n) {
        if (end - position < n) {
            throw new MalformedModuleException("unexpected end of section or function", position);
        }
        position += n;
    }

    /** The underlying module bytes. */
    public byte[] bytes() {
        return bytes;
    }
}
